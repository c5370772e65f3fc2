import { addDays, bulkInput, bulkResultSchema, type BulkChange, type BulkRowResult } from "@plano/schema";
import type { Context } from "../../context";
import { describeError } from "../../error-detail";
import { requirePermission, syncParse } from "../../trpc";
import { singleAppointmentCaller } from "./single-router";

type Caller = ReturnType<typeof singleAppointmentCaller>;
type Row = { id: number; updatedAtMt: string };

/** One row's change, through the very procedure a single change would call. */
async function applyOne(caller: Caller, change: BulkChange, row: Row) {
  switch (change.kind) {
    case "confirm":
      return caller.confirm({ id: row.id, updatedAtMt: row.updatedAtMt });
    case "cancel":
      return caller.cancel({ id: row.id, updatedAtMt: row.updatedAtMt, reason: change.reason });
    case "reassign":
      return caller.update({ id: row.id, updatedAtMt: row.updatedAtMt, patch: { photographerUserId: change.photographerUserId } });
    case "move": {
      const current = await caller.byId({ id: row.id });
      if (!current.dateStartLocal) return { invalid: { field: "dateStartLocal", reason: "date_start_local: the appointment has no start date to move" } };
      // Only the start is given: the shared schedule rule keeps the length and derives the rest.
      const patch = { dateStartLocal: addDays(current.dateStartLocal, change.days), ...(current.allday ? {} : { timeStartLocal: current.timeStartLocal }) };
      return caller.update({ id: row.id, updatedAtMt: row.updatedAtMt, patch });
    }
  }
}

function resultOf(row: Row, outcome: Awaited<ReturnType<typeof applyOne>>): BulkRowResult {
  if ("invalid" in outcome) return { id: row.id, status: "invalid", reason: outcome.invalid.reason, field: outcome.invalid.field, updatedAtMt: null };
  return { id: row.id, status: "done", reason: null, field: null, updatedAtMt: outcome.appointment.updatedAtMt };
}

function failureOf(row: Row, error: unknown): BulkRowResult {
  const described = describeError(error);
  if (!described) throw error; // not a refusal but a fault (database down): the caller gets the error, as for a single call
  if (described.reason === "update-conflict") {
    return { id: row.id, status: "conflict", reason: described.message, field: "updatedAtMt", updatedAtMt: described.extra.current?.updatedAtMt ?? null };
  }
  // The change stands; only the client email failed (and is retried), as a single confirm/cancel reports it.
  if (described.reason === "email-failed" && described.extra.saved) {
    return { id: row.id, status: "done", reason: described.message, field: null, updatedAtMt: described.extra.saved.updatedAtMt };
  }
  return { id: row.id, status: "invalid", reason: described.message, field: described.field ?? null, updatedAtMt: null };
}

/**
 * One change (confirm, cancel with a reason, reassign, move by N days) to up
 * to 500 appointments, each with its own version, each through the single
 * procedure's rules and audit entry; reports per row done/conflict/invalid.
 * Rows are applied one after another, so one row's refusal never undoes another's change.
 */
export const bulk = requirePermission("appointments:read")
  .input(syncParse(bulkInput))
  .output(syncParse(bulkResultSchema))
  .mutation(async ({ ctx, input }) => {
    // The principal goes along: each row is checked against it without a second token lookup.
    const caller = singleAppointmentCaller(ctx as Context);
    const results: BulkRowResult[] = [];
    for (const row of input.rows) {
      try {
        results.push(resultOf(row, await applyOne(caller, input.change, row)));
      } catch (error) {
        results.push(failureOf(row, error));
      }
    }
    const count = (status: BulkRowResult["status"]) => results.filter((r) => r.status === status).length;
    return { results, done: count("done"), conflicts: count("conflict"), invalid: count("invalid") };
  });
