/**
 * "Placed" (the board's word; see board.ts), apart from the zod schemas so
 * that a page needing only these rules does not load zod.
 */

/** Whether an appointment sits on a lane: it has a photographer and a start date. */
export function isPlaced(appointment: { photographerUserId: number | null; dateStartLocal: string | null }): boolean {
  return appointment.photographerUserId !== null && appointment.dateStartLocal !== null;
}

/** Whether it belongs in the ready-to-schedule queue. */
export function isQueued(appointment: {
  readyToSchedule: boolean;
  cancelled: boolean;
  photographerUserId: number | null;
  dateStartLocal: string | null;
}): boolean {
  return appointment.readyToSchedule && !appointment.cancelled && !isPlaced(appointment);
}
