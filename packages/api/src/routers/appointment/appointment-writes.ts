/**
 * The appointment use cases that write: create, update, confirm, cancel (shared by the write
 * procedures; they do I/O, so they live here and not in the pure domain/).
 * Each resolves references, lets `planAppointmentWrite` decide the next state,
 * and persists it with its audit entry in one transaction.
 */
import type { Db, Tx } from "@plano/db";
import type { Appointment, AppointmentPatch, AppointmentResult, ChangeChannel, Overlap, Warning } from "@plano/schema";
import { readScope, type Principal } from "../../auth/principal";
import { fail, invalidParam } from "../../errors";
import { toAppointment, type AppointmentRow } from "../../domain/appointment-record";
import { diffStates, type AppointmentState } from "../../domain/appointment-state";
import { findPhotographerOverlaps } from "../../store/overlaps";
import { loadAppointment } from "../../store/appointment-load";
import { insertAppointment, isUniqueViolation, updateAppointmentIfUnchanged, type AuditContext } from "../../store/appointment-write";
import { changedFields, planAppointmentWrite, type WriteEnvironment, type WriteReferences } from "../../domain/plan-write";
import { namesVersion, readVersion } from "../../domain/versions";
import { withoutKeys } from "../../key-list-cache";

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

async function resolveReferences(db: Db | Tx, patch: AppointmentPatch & { officeId?: number }, current: AppointmentState | null): Promise<WriteReferences> {
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
  return warningsOf(appointment, await findPhotographerOverlaps(db, { ...appointment, excludeId: appointment.id }, readScope(principal)));
}

/** The photographer-overlap warning, if there are overlaps. */
function warningsOf(appointment: Appointment, overlaps: Overlap[]): Warning[] {
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

/** The appointment without what a write never sets: its identity and stamps (a literal copy, see `withoutKeys`). */
const stateOf: (appointment: Appointment) => AppointmentState = withoutKeys("id", "uuid", "createdAt", "updatedAt", "updatedAtMt");

async function withWarnings(ctx: WriteContext, row: AppointmentRow, appointment = toAppointment(row)): Promise<AppointmentResult> {
  return { appointment, warnings: await overlapWarnings(ctx.db, ctx.principal, appointment) };
}

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
    const idempotency = idempotencyKey ? { principal: ctx.principal.key, key: idempotencyKey } : undefined;
    return withWarnings(ctx, await insertAppointment(ctx.db, state, auditContext(ctx), idempotency));
  } catch (error) {
    // The same key raced in from a retry: the first one won; answer with it.
    if (idempotencyKey && isUniqueViolation(error)) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}

async function conflict(db: Db, id: number): Promise<never> {
  const loaded = await loadAppointment(db, { id });
  if (!loaded) throw new Error(`appointment ${id} vanished during its update`);
  const { order: _order, ...current } = loaded;
  return fail("update-conflict", "The appointment was changed by someone else since you read it; review their values and retry.", {
    field: "updatedAtMt",
    fields: ["updatedAtMt"],
    current: toAppointment(current),
  });
}

/**
 * Whether `next` differs from `current` in anything but who saved it. A save
 * that changes nothing writes nothing: no new version, no audit entry.
 */
export function changesAnything(current: AppointmentState, next: AppointmentState, changes = diffStates(current, next)): boolean {
  if (current.startsAt !== next.startsAt || current.stopsAt !== next.stopsAt) return true;
  const { updatedBy: _by, ...changed } = changes;
  return Object.keys(changed).length > 0;
}

/** `before` is `row` as the API answers it, when the caller has it already (it is converted once per write). */
export async function updateAppointment(
  ctx: WriteContext,
  row: AppointmentRow,
  patch: AppointmentPatch,
  updatedAtMt: string | undefined,
  action = "update",
  before: Appointment = toAppointment(row),
): Promise<AppointmentResult> {
  // Without a version (confirm/cancel, which only touch their own fields), the
  // version just read is the expectation: the compare-and-set still guards the write.
  const fresh = updatedAtMt === undefined || namesVersion(readVersion(updatedAtMt), row.updatedAt);
  const current = stateOf(before);
  // Only what changed needs its references looked up (a whole layout resends them all).
  const changed = changedFields(current, patch);
  const plan = async () => planAppointmentWrite(current, patch, await resolveReferences(ctx.db, changed, current), environment(ctx));
  let next: AppointmentState;
  if (fresh) next = await plan();
  else {
    // A stale version may still ask for nothing new (a retried save that was applied):
    // writing nothing cannot lose anyone's change. Anything else is a conflict.
    const planned = await plan().catch(() => undefined);
    if (!planned || changesAnything(current, planned)) return conflict(ctx.db, row.id);
    next = planned;
  }
  const changes = diffStates(current, next);
  if (!changesAnything(current, next, changes)) return withWarnings(ctx, row, before);
  // The exact stored version: a whole-second one that names it stands for it.
  // The overlap warning is read by the write's own statement (one round trip fewer).
  const outcome = await updateAppointmentIfUnchanged(
    ctx.db,
    row.id,
    row.updatedAt,
    current,
    next,
    action,
    auditContext(ctx),
    readScope(ctx.principal),
    changes,
  );
  if (!outcome.ok) return conflict(ctx.db, row.id);
  const appointment = toAppointment(outcome.row);
  return { appointment, warnings: appointment.cancelled ? [] : warningsOf(appointment, outcome.overlaps) };
}
