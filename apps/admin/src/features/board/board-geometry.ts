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

/** An instant's place on the axis, in minutes from its start (may fall outside [0, total]). */
export function axisMinute(axis: Axis, instant: string | Date, zone: string): number {
  const { date, time } = instantToZoned(new Date(instant), zone);
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return daysBetween(axis.from, date) * DAY_SPAN_MIN + (minutes - AXIS_START_MIN);
}

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
  start: number;
  end: number;
  /** Wall-clock start and end in the lane's zone ("18:45", "22:45"), for labels: the axis itself stops at 22:00. */
  startLabel: string;
  endLabel: string;
  row: number;
  overlaps: Appointment[];
}

/** Blocks of one lane on the axis, stacked so that overlapping ones never cover each other. */
export function layoutLane(axis: Axis, appointments: Appointment[], zone: string): { blocks: Placed[]; rows: number } {
  const blocks: Placed[] = [];
  for (const appointment of appointments) {
    if (!appointment.startsAt) continue;
    const start = axisMinute(axis, appointment.startsAt, zone);
    const stop = appointment.stopsAt ? axisMinute(axis, appointment.stopsAt, zone) : start + 60;
    const end = Math.max(stop, start + SNAP_MIN);
    if (end <= 0 || start >= axis.total) continue;
    const wall = (instant: string) => instantToZoned(new Date(instant), zone).time.slice(0, 5);
    const startLabel = wall(appointment.startsAt);
    const endLabel = appointment.stopsAt ? wall(appointment.stopsAt) : axisClock(end);
    blocks.push({ appointment, start, end, startLabel, endLabel, row: 0, overlaps: [] });
  }
  blocks.sort((a, b) => a.start - b.start || a.appointment.id - b.appointment.id);
  const rowEnds: number[] = [];
  for (const block of blocks) {
    let row = rowEnds.findIndex((end) => end <= block.start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = block.end;
    block.row = row;
  }
  // Cancelled blocks neither cause nor suffer overlap warnings.
  const live = blocks.filter((block) => !block.appointment.cancelled);
  for (const block of live) {
    block.overlaps = live
      .filter((other) => other !== block && other.start < block.end && block.start < other.end)
      .map((other) => other.appointment);
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
