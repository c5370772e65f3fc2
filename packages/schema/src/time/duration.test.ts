import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./index";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [59, "0:00"],
    [60, "0:01"],
    [5400, "1:30"],
    [5459, "1:30"],
    [86_399, "23:59"],
    [90_000, "25:00"],
    [360_000, "100:00"],
  ])("%i s is %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it("refuses negative and non-finite durations", () => {
    expect(() => formatDuration(-60)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe("parseDuration", () => {
  it.each([
    ["0:00", 0],
    ["1:30", 5400],
    ["01:30", 5400],
    ["25:00", 90_000],
    ["1:30:15", 5415],
    ["100:00:00", 360_000],
  ])("%s is %i s", (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it.each(["", "1", "1:3", "1:60", "1:30:60", "-1:00", "1:30:00:00", " 1:30", "1.5:00", "1h30"])("rejects %j", (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, expected: "a duration written H:MM or H:MM:SS" });
  });

  it("reads back what formatDuration writes, to the minute", () => {
    for (const seconds of [0, 60, 5400, 90_000, 3_599_940]) {
      expect(parseDuration(formatDuration(seconds))).toEqual({ ok: true, value: seconds });
    }
  });
});
