export {
  type LegacyDateOptions,
  formatLegacyDate,
  formatLegacyDateTime,
  parseLegacyBoolean,
  parseLegacyDate,
  parseLegacyDateTime,
  parseLegacyInteger,
  parseLegacyMinutes,
  parseLegacyTime,
} from "./values";
