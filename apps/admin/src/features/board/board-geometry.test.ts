import type { Appointment } from "@plano/schema";
import { describe, expect, it } from "vitest";
import { axisOf, DAY_SPAN_MIN, layoutLane } from "./board-geometry";

/** Just what the board's geometry reads of an appointment. */
const shoot = (id: number, startsAt: string, stopsAt: string, extra: Partial<Appointment> = {}) =>
  ({ id, startsAt, stopsAt, cancelled: false, allday: false, ...extra }) as Appointment;

// Denver in March 2027 is UTC-7 (MST) until the 14th.
const zone = "America/Denver";
const at = (day: number, hh: number, mm = 0) => day * DAY_SPAN_MIN + (hh - 6) * 60 + mm;

describe("layoutLane", () => {
  it("draws a same-day shoot once, where it starts and ends", () => {
    const { blocks } = layoutLane(axisOf("2027-03-08", 7), [shoot(1, "2027-03-09T17:00:00Z", "2027-03-09T18:30:00Z")], zone);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({
      left: at(1, 10),
      right: at(1, 11, 30),
      start: at(1, 10),
      end: at(1, 11, 30),
      part: 1,
      parts: 1,
      startLabel: "10:00",
      endLabel: "11:30",
    });
  });

  it("draws a shoot over three days as a block per day, each clipped to that day's 06:00–22:00", () => {
    // Tuesday 18:00 to Thursday 10:00, Denver time.
    const { blocks, rows } = layoutLane(axisOf("2027-03-08", 7), [shoot(2, "2027-03-10T01:00:00Z", "2027-03-11T17:00:00Z")], zone);
    expect(blocks.map((b) => [b.left, b.right, b.part, b.continuesBefore, b.continuesAfter])).toEqual([
      [at(1, 18), at(1, 22), 1, false, true],
      [at(2, 6), at(2, 22), 2, true, true],
      [at(3, 6), at(3, 10), 3, true, false],
    ]);
    expect(blocks.every((b) => b.parts === 3 && b.startLabel === "18:00" && b.endLabel === "10:00")).toBe(true);
    // The parts sit on different days: one row holds them all.
    expect(rows).toBe(1);
  });

  it("draws only the shown days' parts of a shoot that began before them or ends after them", () => {
    // Sunday 20:00 to Tuesday 08:00; the day view shows Monday only.
    const { blocks } = layoutLane(axisOf("2027-03-08", 1), [shoot(3, "2027-03-08T03:00:00Z", "2027-03-09T15:00:00Z")], zone);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ left: at(0, 6), right: at(0, 22), part: 2, parts: 3, continuesBefore: true, continuesAfter: true });
  });

  it("ends a shoot that stops at midnight on its own day, and keeps a sliver for a part outside 06:00–22:00", () => {
    // Monday 21:00 to Tuesday 00:00; then Tuesday 23:00–23:30.
    const { blocks } = layoutLane(
      axisOf("2027-03-08", 7),
      [shoot(4, "2027-03-09T04:00:00Z", "2027-03-09T07:00:00Z"), shoot(5, "2027-03-10T06:00:00Z", "2027-03-10T06:30:00Z")],
      zone,
    );
    expect(blocks.map((b) => [b.appointment.id, b.left, b.right, b.parts])).toEqual([
      [4, at(0, 21), at(0, 22), 1],
      [5, at(1, 21, 45), at(1, 22), 1],
    ]);
  });

  it("warns of overlap by the real times, not by the drawn parts", () => {
    // Both drawn as slivers at 21:45–22:00 on Monday, but 22:30–23:00 and 23:00–23:30 do not overlap.
    const { blocks } = layoutLane(
      axisOf("2027-03-08", 1),
      [
        shoot(6, "2027-03-09T05:30:00Z", "2027-03-09T06:00:00Z"),
        shoot(7, "2027-03-09T06:00:00Z", "2027-03-09T06:30:00Z"),
        shoot(8, "2027-03-09T05:45:00Z", "2027-03-09T06:15:00Z"),
      ],
      zone,
    );
    const overlapsOf = (id: number) =>
      blocks
        .find((b) => b.appointment.id === id)!
        .overlaps.map((o) => o.id)
        .sort();
    expect(overlapsOf(6)).toEqual([8]);
    expect(overlapsOf(7)).toEqual([8]);
    expect(overlapsOf(8)).toEqual([6, 7]);
  });
});
