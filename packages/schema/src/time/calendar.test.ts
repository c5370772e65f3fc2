import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, isIsoTime } from "./index";

describe("isIsoDate", () => {
  it.each(["2024-02-29", "2023-12-31", "0001-01-01", "9999-12-31"])("accepts %s", (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each(["2023-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "0000-01-01", "2024-3-10", "2024-03-10T00:00", " 2024-03-10", 20240310, null])(
    "rejects %s",
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );
});

describe("isIsoTime", () => {
  it.each(["00:00:00", "23:59:59", "12:30:05"])("accepts %s", (time) => {
    expect(isIsoTime(time)).toBe(true);
  });

  it.each(["24:00:00", "12:60:00", "12:00:60", "12:00", "9:00:00", "12:00:00.5", null])("rejects %s", (time) => {
    expect(isIsoTime(time)).toBe(false);
  });
});

describe("addDays", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-03-10", 0, "2024-03-10"],
    ["2024-01-01", 366, "2025-01-01"],
    ["0050-01-01", 31, "0050-02-01"],
  ])("%s + %i days is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("throws on a malformed date or a fractional day count", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2024-02-01", 0.5)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  it("counts calendar days, negative backwards, across DST-free UTC days", () => {
    expect(daysBetween("2024-03-09", "2024-03-11")).toBe(2);
    expect(daysBetween("2024-03-11", "2024-03-09")).toBe(-2);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });
});
