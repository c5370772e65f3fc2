import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLegacyDateTime } from "@plano/schema";
import {
  formatLegacyDate,
  formatLegacyDateTime,
  parseLegacyBoolean,
  parseLegacyDate,
  parseLegacyInteger,
  parseLegacyMinutes,
  parseLegacyTime,
} from "./legacy-values";

const monthFirst = { monthFirst: true };
const isoOnly = { monthFirst: false };

describe("parseLegacyBoolean", () => {
  it.each([
    ["true", true],
    ["TRUE", true],
    [" Yes ", true],
    ["1", true],
    ["\t1\n", true],
    [true, true],
    [1, true],
    ["false", false],
    ["No", false],
    ["0", false],
    [false, false],
    [0, false],
  ])("reads %j as %s", (value, expected) => {
    expect(parseLegacyBoolean(value)).toEqual({ ok: true, value: expected });
  });

  it.each(["", "y", "n", "on", "off", "2", "01", "1.0", "truee", 2, -1, 0.5, null, undefined, {}, ["true"]])("rejects %j", (value) => {
    expect(parseLegacyBoolean(value)).toEqual({ ok: false, expected: "a boolean: true/false, 1/0 or yes/no" });
  });
});

describe("parseLegacyInteger", () => {
  it.each([
    ["42", 42],
    [" 42 ", 42],
    ["+42", 42],
    ["-42", -42],
    ["007", 7],
    ["-0", 0],
    ["2147483647", 2147483647],
    ["-2147483648", -2147483648],
    [42, 42],
    [-2147483648, -2147483648],
    [-0, 0],
  ])("reads %j as %i", (value, expected) => {
    const result = parseLegacyInteger(value);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
  });

  it.each([
    "",
    " ",
    "4.2",
    "42.0",
    "1e3",
    "0x1F",
    "1_000",
    "1,000",
    "42abc",
    "--1",
    "+",
    "٤٢",
    "2147483648",
    "-2147483649",
    "99999999999999999999",
    4.2,
    2147483648,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    null,
  ])("rejects %j", (value) => {
    expect(parseLegacyInteger(value)).toEqual({ ok: false, expected: "a whole number from -2147483648 to 2147483647" });
  });
});

describe("parseLegacyDate", () => {
  it.each([
    ["2024-03-10", isoOnly, "2024-03-10"],
    [" 2024-03-10 ", isoOnly, "2024-03-10"],
    ["2024-02-29", isoOnly, "2024-02-29"],
    ["2024-03-10", monthFirst, "2024-03-10"],
    ["03/10/2024", monthFirst, "2024-03-10"],
    ["3/4/2024", monthFirst, "2024-03-04"],
    ["12/31/1999", monthFirst, "1999-12-31"],
    ["02/29/2024", monthFirst, "2024-02-29"],
  ])("reads %j (%o) as %s", (value, options, expected) => {
    expect(parseLegacyDate(value, options)).toEqual({ ok: true, value: expected });
  });

  it.each([
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-01",
    "2024-3-10",
    "24-03-10",
    "2024/03/10",
    "20240310",
    "0000-01-01",
    "2024-03-10T00:00:00Z",
    "",
  ])("rejects %j, in either mode", (value) => {
    expect(parseLegacyDate(value, isoOnly).ok).toBe(false);
    expect(parseLegacyDate(value, monthFirst).ok).toBe(false);
  });

  it.each(["02/30/2024", "13/01/2024", "00/10/2024", "03/00/2024", "3/4/24", "03-10-2024", "003/10/2024"])("rejects %j with month first", (value) => {
    expect(parseLegacyDate(value, monthFirst)).toEqual({ ok: false, expected: "a date as MM/DD/YYYY or YYYY-MM-DD" });
  });

  it("rejects a slash date without month_first, saying it needs month_first", () => {
    const result = parseLegacyDate("03/10/2024", isoOnly);
    expect(result).toEqual({ ok: false, expected: "a date as YYYY-MM-DD (MM/DD/YYYY only with month_first)" });
  });

  it.each([20240310, true, null, new Date("2024-03-10")])("rejects the non-string %j", (value) => {
    expect(parseLegacyDate(value, monthFirst).ok).toBe(false);
  });
});

describe("parseLegacyTime", () => {
  it.each([
    ["14:30", "14:30:00"],
    ["14:30:15", "14:30:15"],
    ["00:00", "00:00:00"],
    ["23:59:59", "23:59:59"],
    ["9:05", "09:05:00"],
    [" 14:30 ", "14:30:00"],
    ["2:30 PM", "14:30:00"],
    ["2:30pm", "14:30:00"],
    ["2:30 p.m.", "14:30:00"],
    ["2:30 P.M.", "14:30:00"],
    ["02:30:45 am", "02:30:45"],
    ["2:30 a.m.", "02:30:00"],
    ["12:00 AM", "00:00:00"],
    ["12:15 am", "00:15:00"],
    ["12:00 PM", "12:00:00"],
    ["12:59:59 PM", "12:59:59"],
    ["11:59 PM", "23:59:00"],
  ])("reads %j as %s", (value, expected) => {
    expect(parseLegacyTime(value)).toEqual({ ok: true, value: expected });
  });

  it.each([
    "24:00",
    "23:60",
    "12:00:60",
    "13:00 PM",
    "0:30 AM",
    "00:30 AM",
    "2 PM",
    "2:3",
    "230",
    "14.30",
    "2:30 PMM",
    "2:30 xm",
    "14:30:00.5",
    "",
    1430,
    null,
  ])("rejects %j", (value) => {
    expect(parseLegacyTime(value)).toEqual({ ok: false, expected: "a time as HH:MM or HH:MM:SS, 24-hour or with AM/PM" });
  });
});

describe("parseLegacyDateTime", () => {
  it.each([
    ["2024-03-10T14:30:00Z", "2024-03-10T14:30:00.000Z"],
    ["2024-03-10T14:30:00z", "2024-03-10T14:30:00.000Z"],
    ["2024-03-10T14:30Z", "2024-03-10T14:30:00.000Z"],
    ["2024-03-10T14:30:00.123Z", "2024-03-10T14:30:00.123Z"],
    ["2024-03-10T14:30:00.123456Z", "2024-03-10T14:30:00.123Z"],
    ["2024-03-10T14:30:00.5Z", "2024-03-10T14:30:00.500Z"],
    ["2024-03-10T14:30:00", "2024-03-10T14:30:00.000Z"],
    ["2024-03-10 14:30:00", "2024-03-10T14:30:00.000Z"],
    ["2024-03-10T14:30:00+02:00", "2024-03-10T12:30:00.000Z"],
    ["2024-03-10T14:30:00-0700", "2024-03-10T21:30:00.000Z"],
    ["2024-03-10T01:30:00+05", "2024-03-09T20:30:00.000Z"],
    ["2024-03-10T14:30:00+05:45", "2024-03-10T08:45:00.000Z"],
  ])("reads %j as %s, in either mode", (value, expected) => {
    for (const options of [isoOnly, monthFirst]) {
      const result = parseLegacyDateTime(value, options);
      expect(result.ok && result.value.toISOString()).toBe(expected);
    }
  });

  it.each([
    ["03/10/2024 14:30", "2024-03-10T14:30:00.000Z"],
    ["3/10/2024 14:30:15", "2024-03-10T14:30:15.000Z"],
    ["03/10/2024 2:30 PM", "2024-03-10T14:30:00.000Z"],
    ["03/10/2024  12:00:00 a.m.", "2024-03-10T00:00:00.000Z"],
  ])("reads %j as %s with month first, in UTC", (value, expected) => {
    const result = parseLegacyDateTime(value, monthFirst);
    expect(result.ok && result.value.toISOString()).toBe(expected);
  });

  it("rejects a slash date-time without month_first, saying it needs month_first", () => {
    const result = parseLegacyDateTime("03/10/2024 14:30", isoOnly);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.expected).toContain("month_first");
  });

  it.each([
    "2024-03-10",
    "2024-02-30T10:00:00Z",
    "2024-03-10T24:00:00Z",
    "2024-03-10T14:30:60Z",
    "2024-03-10T2:30:00Z",
    "2024-03-10T14:30:00+24:00",
    "2024-03-10T14:30:00+02:60",
    "2024-03-10T14:30:00 UTC",
    "2024-03-10T2:30 PM",
    "03/10/2024",
    "03/10/2024T14:30",
    "02/30/2024 10:00",
    "03/10/2024 25:00",
    "03/10/24 14:30",
    "",
    1710081000000,
    null,
  ])("rejects %j", (value) => {
    expect(parseLegacyDateTime(value, monthFirst).ok).toBe(false);
  });
});

describe("formatLegacyDate", () => {
  it("writes MM/DD/YYYY for month-first clients and ISO otherwise", () => {
    expect(formatLegacyDate("2024-03-04", monthFirst)).toBe("03/04/2024");
    expect(formatLegacyDate("2024-03-04", isoOnly)).toBe("2024-03-04");
  });

  it("throws on a malformed date, a programming error", () => {
    expect(() => formatLegacyDate("2024-02-30", monthFirst)).toThrow(RangeError);
  });
});

describe("formatLegacyDateTime", () => {
  const instant = new Date("2024-03-04T05:06:07.890Z");

  it("writes MM/DD/YYYY HH:MM:SS in UTC for month-first clients and ISO otherwise", () => {
    expect(formatLegacyDateTime(instant, monthFirst)).toBe("03/04/2024 05:06:07");
    expect(formatLegacyDateTime(instant, isoOnly)).toBe("2024-03-04T05:06:07.890Z");
  });

  it("throws on an invalid Date", () => {
    expect(() => formatLegacyDateTime(new Date(Number.NaN), monthFirst)).toThrow(RangeError);
    expect(() => formatLegacyDateTime(new Date(Number.NaN), isoOnly)).toThrow(RangeError);
  });
});

describe("formatting then parsing round-trips", () => {
  const options = fc.boolean().map((flag) => ({ monthFirst: flag }));
  const instants = fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true });

  it("for dates", () => {
    fc.assert(
      fc.property(instants, options, (instant, option) => {
        const date = instant.toISOString().slice(0, 10);
        expect(parseLegacyDate(formatLegacyDate(date, option), option)).toEqual({ ok: true, value: date });
      }),
    );
  });

  it("for date-times, to the millisecond in ISO and to the second month-first", () => {
    fc.assert(
      fc.property(instants, options, (instant, option) => {
        const parsed = parseLegacyDateTime(formatLegacyDateTime(instant, option), option);
        const expected = option.monthFirst ? Math.floor(instant.getTime() / 1000) * 1000 : instant.getTime();
        expect(parsed.ok && parsed.value.getTime()).toBe(expected);
      }),
    );
  });

  it("for integers and booleans written as text", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.boolean(), (integer, flag) => {
        expect(parseLegacyInteger(String(integer))).toEqual({ ok: true, value: integer });
        expect(parseLegacyBoolean(String(flag))).toEqual({ ok: true, value: flag });
      }),
    );
  });

  it("for times already in HH:MM:SS", () => {
    const times = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
      .map((parts) => parts.map((part) => String(part).padStart(2, "0")).join(":"));
    fc.assert(
      fc.property(times, (time) => {
        expect(parseLegacyTime(time)).toEqual({ ok: true, value: time });
      }),
    );
  });
});

describe("parseLegacyMinutes (window_time_*)", () => {
  it.each([
    [480, 480],
    ["480", 480],
    ["08:00", 480],
    ["8:00 AM", 480],
    ["08:00:00", 480],
    ["5:30 pm", 1050],
    ["12:00 AM", 0],
  ] as const)("reads %j as %d minutes after midnight", (value, minutes) => {
    expect(parseLegacyMinutes(value)).toEqual({ ok: true, value: minutes });
  });

  it.each(["08:00:30", "8h", "25:00", "noon", ""])("refuses %j", (value) => {
    expect(parseLegacyMinutes(value).ok).toBe(false);
  });
});
