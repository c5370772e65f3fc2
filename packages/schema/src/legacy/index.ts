export {
  type LegacyDateOptions,
  formatLegacyDate,
  formatLegacyDateTime,
  parseLegacyBoolean,
  parseLegacyDate,
  parseLegacyDateTime,
  parseLegacyInteger,
  parseLegacyTime,
} from "./values";
