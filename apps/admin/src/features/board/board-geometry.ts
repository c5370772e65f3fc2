/**
 * Where things sit on the board: the time axis (06:00–22:00 of each shown
 * day, in a lane's zone), a block's place and length on it, the 15-minute
 * snap, and how overlapping blocks stack in a lane. Pure functions, so the
 * pointer and the keyboard paths place blocks by the same rules.
 */
import { instantToZoned, zonedToInstant, type Appointment } from "@plano/schema";

export const AXIS_START_MIN = 6 * 60;
export const AXIS_END_MIN = 22 * 60;
export const DAY_SPAN_MIN = AXIS_END_MIN - AXIS_START_MIN;
export const SNAP_MIN = 15;
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export interface Axis {
  from: string;
  days: number;
  /** Axis minutes in all: `days` × 16 hours. */
  total: number;
}

export const axisOf = (from: string, days: number): Axis => ({ from, days, total: days * DAY_SPAN_MIN });

/** The wall clock (in `zone`) at an axis minute, and its instant; null in a spring-forward gap. */
export function instantAt(axis: Axis, minute: number, zone: string): Date | null {
  const day = Math.min(Math.max(Math.floor(minute / DAY_SPAN_MIN), 0), axis.days - 1);
  const inDay = Math.min(Math.max(minute - day * DAY_SPAN_MIN, 0), DAY_SPAN_MIN) + AXIS_START_MIN;
  const time = `${String(Math.floor(inDay / 60)).padStart(2, "0")}:${String(inDay % 60).padStart(2, "0")}:00`;
  const result = zonedToInstant(addDays(axis.from, day), time, zone);
  return result.ok ? result.value : null;
}

export const snap = (minutes: number) => Math.round(minutes / SNAP_MIN) * SNAP_MIN;

/** The patch that starts an appointment at `instant`, in its own local zone (as the edit form writes it). */
export function startPatch(appointment: Pick<Appointment, "timeZoneLocal">, instant: Date) {
  const { date, time } = instantToZoned(instant, appointment.timeZoneLocal);
  return { dateStartLocal: date, timeStartLocal: time };
}

export interface Placed {
  appointment: Appointment;
  /** The appointment's own start and end on the axis (may lie outside the drawn part): what a drag moves. */
  start: number;
  end: number;
  /** The part drawn: one day's share of the appointment, clipped to that day's 06:00–22:00. */
  left: number;
  right: number;
  /** Wall-clock start and end in the lane's zone ("18:45", "22:45"), for labels: the axis itself stops at 22:00. */
  startLabel: string;
  endLabel: string;
  /** Which day's part this is, of how many (a shoot that runs over midnight is drawn once per day). */
  part: number;
  parts: number;
  /** Whether the appointment goes on before this part's day, or after it. */
  continuesBefore: boolean;
  continuesAfter: boolean;
  row: number;
  overlaps: Appointment[];
}

const DAY_MIN = 24 * 60;
const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Blocks of one lane on the axis, a block per day an appointment touches, stacked so that overlapping ones never cover each other. */
export function layoutLane(axis: Axis, appointments: Appointment[], zone: string): { blocks: Placed[]; rows: number } {
  const blocks: Placed[] = [];
  const spans = new Map<Appointment, { from: number; to: number }>();
  for (const appointment of appointments) {
    if (!appointment.startsAt) continue;
    const startMs = Date.parse(appointment.startsAt);
    const stopMs = Math.max(appointment.stopsAt ? Date.parse(appointment.stopsAt) : startMs + 3_600_000, startMs + SNAP_MIN * 60_000);
    spans.set(appointment, { from: startMs, to: stopMs });
    const first = instantToZoned(new Date(startMs), zone);
    const last = instantToZoned(new Date(stopMs), zone);
    const firstDay = daysBetween(axis.from, first.date);
    // A stop at midnight ends the previous day.
    const lastMinute = minuteOfDay(last.time);
    const lastDay = daysBetween(axis.from, last.date) - (lastMinute === 0 && last.date > first.date ? 1 : 0);
    const stopMinute = lastMinute === 0 && last.date > first.date ? DAY_MIN : lastMinute;
    const startMinute = minuteOfDay(first.time);
    const start = firstDay * DAY_SPAN_MIN + (startMinute - AXIS_START_MIN);
    const end = Math.max(lastDay * DAY_SPAN_MIN + (stopMinute - AXIS_START_MIN), start + SNAP_MIN);
    const startLabel = first.time.slice(0, 5);
    const endLabel = appointment.stopsAt ? last.time.slice(0, 5) : axisClock(end);
    const parts = lastDay - firstDay + 1;
    for (let day = Math.max(firstDay, 0); day <= Math.min(lastDay, axis.days - 1); day++) {
      const from = day === firstDay ? startMinute : 0;
      const to = day === lastDay ? stopMinute : DAY_MIN;
      // Clipped to the day's 06:00–22:00; a part wholly outside keeps a quarter-hour sliver at that edge.
      const left = Math.min(Math.max(from, AXIS_START_MIN), AXIS_END_MIN - SNAP_MIN);
      const right = Math.max(Math.min(to, AXIS_END_MIN), left + SNAP_MIN);
      const base = day * DAY_SPAN_MIN - AXIS_START_MIN;
      blocks.push({
        appointment,
        start,
        end,
        left: base + left,
        right: base + right,
        startLabel,
        endLabel,
        part: day - firstDay + 1,
        parts,
        continuesBefore: day > firstDay,
        continuesAfter: day < lastDay,
        row: 0,
        overlaps: [],
      });
    }
  }
  blocks.sort((a, b) => a.left - b.left || a.appointment.id - b.appointment.id);
  const rowEnds: number[] = [];
  for (const block of blocks) {
    let row = rowEnds.findIndex((end) => end <= block.left);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = block.right;
    block.row = row;
  }
  // Overlap is of the real times, not of the drawn parts. Cancelled blocks neither cause nor suffer overlap warnings.
  const live = [...spans].filter(([appointment]) => !appointment.cancelled);
  for (const block of blocks) {
    if (block.appointment.cancelled) continue;
    const own = spans.get(block.appointment)!;
    block.overlaps = live.filter(([other, span]) => other !== block.appointment && span.from < own.to && own.from < span.to).map(([other]) => other);
  }
  return { blocks, rows: Math.max(rowEnds.length, 1) };
}

/** Whether a local date and minute-of-day fall inside the appointment's requested window, with the reason if not. */
export function outsideWindow(appointment: Appointment, instant: Date): string | null {
  const { date, time } = instantToZoned(instant, appointment.timeZoneLocal);
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const reasons: string[] = [];
  if (appointment.windowDateStart && date < appointment.windowDateStart) reasons.push(`before its window opens (${appointment.windowDateStart})`);
  if (appointment.windowDateEnd && date > appointment.windowDateEnd) reasons.push(`after its window closes (${appointment.windowDateEnd})`);
  if (appointment.windowTimeStart !== null && minutes < appointment.windowTimeStart) reasons.push(`earlier than ${clock(appointment.windowTimeStart)}`);
  if (appointment.windowTimeEnd !== null && minutes > appointment.windowTimeEnd) reasons.push(`later than ${clock(appointment.windowTimeEnd)}`);
  return reasons.length > 0 ? `Placed outside its window: ${reasons.join(", ")}.` : null;
}

export const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** "10:15" for an axis minute. */
export const axisClock = (minute: number) => clock(AXIS_START_MIN + (((minute % DAY_SPAN_MIN) + DAY_SPAN_MIN) % DAY_SPAN_MIN));
