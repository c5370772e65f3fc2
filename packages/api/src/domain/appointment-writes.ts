/**
 * The appointment use cases that write: create, update, confirm, cancel.
 * Each resolves references, lets `planAppointmentWrite` decide the next state,
 * and persists it with its audit entry in one transaction.
 */
import type { Db, Tx } from "@plano/db";
import type { Appointment, AppointmentPatch, AppointmentResult, ChangeChannel, Warning } from "@plano/schema";
import { readScope, type Principal } from "../auth/principal";
import { fail, invalidParam } from "../errors";
import { toAppointment, versionOf, type AppointmentRow } from "./appointment-record";
import type { AppointmentState } from "./appointment-state";
import { findPhotographerOverlaps } from "./overlaps";
import { insertAppointment, updateAppointmentIfUnchanged, type AuditContext } from "./persist";
import { planAppointmentWrite, type WriteEnvironment, type WriteReferences } from "./plan-write";

export interface WriteContext {
  db: Db;
  principal: Principal;
  channel: ChangeChannel;
  now: Date;
}

function auditContext({ principal, channel, now }: WriteContext): AuditContext {
  return { actor: principal.actor, actorUserId: principal.userId, application: principal.application, channel, now };
}

function environment({ principal, channel, now }: WriteContext): WriteEnvironment {
  return { now, actor: principal.actor, origin: `${channel}:${principal.application}` };
}

async function resolveReferences(
  db: Db | Tx,
  patch: AppointmentPatch & { officeId?: number },
  current: AppointmentState | null,
): Promise<WriteReferences> {
  const officeId = patch.officeId ?? current?.officeId;
  if (officeId === undefined) return invalidParam("officeId", "is required");
  // The current office came with the appointment: only a different one needs looking up.
  const office =
    current && officeId === current.officeId
      ? { id: officeId, timeZone: current.officeTimeZone }
      : await db.office.findUnique({ where: { id: officeId }, select: { id: true, timeZone: true } });
  if (!office) return invalidParam("officeId", `no office with id ${officeId}`);

  let photographer: WriteReferences["photographer"];
  if (patch.photographerUserId === null) photographer = null;
  else if (patch.photographerUserId !== undefined) {
    const user = await db.user.findFirst({
      where: { id: patch.photographerUserId, employee: { isNot: null } },
      select: { id: true, name: true },
    });
    if (!user) return invalidParam("photographerUserId", `no photographer (employee) with user id ${patch.photographerUserId}`);
    photographer = user;
  }

  if (patch.orderId !== undefined && patch.orderId !== null) {
    const order = await db.order.findUnique({ where: { id: patch.orderId }, select: { id: true } });
    if (!order) return invalidParam("orderId", `no order with id ${patch.orderId}`);
  }
  return { office, photographer };
}

async function overlapWarnings(db: Db, principal: Principal, appointment: Appointment): Promise<Warning[]> {
  if (appointment.cancelled) return [];
  const overlaps = await findPhotographerOverlaps(db, { ...appointment, excludeId: appointment.id }, readScope(principal));
  if (overlaps.length === 0) return [];
  return [
    {
      code: "photographer-overlap",
      field: "photographerUserId",
      message: `${appointment.photographerName ?? "The photographer"} has ${overlaps.length} other appointment(s) at the same time.`,
      overlaps,
    },
  ];
}

function stateOf(row: AppointmentRow): AppointmentState {
  const { id: _id, uuid: _uuid, createdAt: _c, updatedAt: _u, updatedAtMt: _v, ...state } = toAppointment(row);
  return state;
}

async function withWarnings(ctx: WriteContext, row: AppointmentRow): Promise<AppointmentResult> {
  const appointment = toAppointment(row);
  return { appointment, warnings: await overlapWarnings(ctx.db, ctx.principal, appointment) };
}

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export async function createAppointment(
  ctx: WriteContext,
  input: AppointmentPatch & { officeId: number; idempotencyKey?: string },
): Promise<AppointmentResult> {
  const { idempotencyKey, ...patch } = input;
  const replay = async () => {
    if (!idempotencyKey) return undefined;
    const previous = await ctx.db.idempotencyKey.findUnique({
      where: { principal_key: { principal: ctx.principal.key, key: idempotencyKey } },
      include: { appointment: { include: { office: { select: { timeZone: true } } } } },
    });
    return previous ? withWarnings(ctx, previous.appointment) : undefined;
  };
  const replayed = await replay();
  if (replayed) return replayed;

  const refs = await resolveReferences(ctx.db, patch, null);
  const state = planAppointmentWrite(null, patch, refs, environment(ctx));
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await insertAppointment(tx, state, auditContext(ctx));
      if (idempotencyKey) {
        await tx.idempotencyKey.create({
          data: { principal: ctx.principal.key, key: idempotencyKey, appointmentId: created.id },
        });
      }
      return created;
    });
    return withWarnings(ctx, row);
  } catch (error) {
    // The same key raced in from a retry: the first one won; answer with it.
    if (idempotencyKey && uniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

/** Parses a caller's `updated_at_mt`; anything that is not an instant is invalid. */
function parseVersion(updatedAtMt: string): Date {
  const version = new Date(updatedAtMt);
  if (Number.isNaN(version.getTime())) {
    return invalidParam("updatedAtMt", `expected the updated_at_mt value returned by the API, got "${updatedAtMt}"`);
  }
  return version;
}

async function conflict(db: Db, id: number): Promise<never> {
  const current = await db.appointment.findUniqueOrThrow({ where: { id }, include: { office: { select: { timeZone: true } } } });
  return fail("update-conflict", "The appointment was changed by someone else since you read it; review their values and retry.", {
    field: "updatedAtMt",
    fields: ["updatedAtMt"],
    current: toAppointment(current),
  });
}

export async function updateAppointment(
  ctx: WriteContext,
  row: AppointmentRow,
  patch: AppointmentPatch,
  updatedAtMt: string | undefined,
  action = "update",
): Promise<AppointmentResult> {
  // Without a version (confirm/cancel, which only touch their own fields), the
  // version just read is the expectation: the compare-and-set still guards the write.
  const expected = updatedAtMt === undefined ? row.updatedAt : parseVersion(updatedAtMt);
  if (expected.getTime() !== row.updatedAt.getTime()) return conflict(ctx.db, row.id);

  const current = stateOf(row);
  const refs = await resolveReferences(ctx.db, patch, current);
  const next = planAppointmentWrite(current, patch, refs, environment(ctx));
  const outcome = await updateAppointmentIfUnchanged(ctx.db, row.id, expected, current, next, action, auditContext(ctx));
  if (!outcome.ok) return conflict(ctx.db, row.id);
  return withWarnings(ctx, outcome.row);
}

