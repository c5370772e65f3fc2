/**
 * Writing appointments: every write holds the row change and its audit entry
 * in one transaction. Updates are a compare-and-set on `updated_at`, decided
 * by the database, so concurrent writers cannot lose each other's changes.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@plano/db";
import type { ChangeChannel } from "@plano/schema";
import type { AppointmentRow } from "../domain/appointment-record";
import { diffStates, type AppointmentState, type FieldChanges } from "../domain/appointment-state";
import { nextVersion } from "../domain/versions";
import type { Overlap } from "@plano/schema";
import type { ReadScope } from "../auth/principal";
import { appointmentColumns, columnOf, writtenRow, type AppointmentScalars } from "./appointment-columns";
import { isoOfJsonInstant, join, raw, rows, sql, type Sql } from "./client";
import { isDatedSlot, overlapSelect, type Slot } from "./overlaps";

const notStored = new Set(["officeTimeZone"]);

/** Lower-cased text the free-text search matches against (trigram-indexed). */
function searchTextOf(state: Pick<AppointmentState, "summary" | "location" | "notes" | "photographerName">): string {
  return [state.summary, state.location, state.notes, state.photographerName]
    .filter((part): part is string => Boolean(part))
    .join("\n")
    .toLowerCase();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the appointment lasts more than a day: such rare ones are looked up apart when checking overlaps. */
function isLongOf(state: Pick<AppointmentState, "startsAt" | "stopsAt">): boolean {
  if (!state.startsAt || !state.stopsAt) return false;
  return Date.parse(state.stopsAt) - Date.parse(state.startsAt) > DAY_MS;
}

export interface AuditContext {
  actor: string;
  actorUserId: number | null;
  application: string | null;
  channel: ChangeChannel;
  now: Date;
}

/**
 * The stored columns and values for the API fields in `keys`, plus the derived
 * ones. Dates, times and instants are ISO strings in the state already, and
 * Postgres types each value from its column: no zone can creep in. The one
 * place inserts and updates get their columns from.
 */
function columnsOf(state: AppointmentState, keys: Iterable<string>): { columns: Sql[]; values: unknown[] } {
  const columns: Sql[] = [];
  const values: unknown[] = [];
  for (const key of keys) {
    if (notStored.has(key)) continue;
    columns.push(raw(`"${columnOf(key)}"`));
    values.push((state as Record<string, unknown>)[key]);
  }
  columns.push(raw("search_text"), raw("is_long"));
  values.push(searchTextOf(state), isLongOf(state));
  return { columns, values };
}

/** The audit entry's values: the action, who did it, through which door, when, and the changes as JSON. */
type AuditValues = [action: string, actor: string, actorUserId: number | null, application: string | null, channel: string, at: string, changes: string];

const auditValuesOf = (action: string, changes: FieldChanges, audit: AuditContext): AuditValues => [
  action,
  audit.actor,
  audit.actorUserId,
  audit.application,
  audit.channel,
  audit.now.toISOString(),
  JSON.stringify(changes),
];

/** The audit entry of the row the statement wrote (`written`), in the same statement: it exists exactly when the row does. */
function auditOf([action, actor, actorUserId, application, channel, at, changes]: AuditValues): Sql {
  return sql`
    INSERT INTO appointment_change (appointment_id, action, actor, actor_user_id, application, channel, at, changes)
    SELECT "id", ${action}::text, ${actor}::text, ${actorUserId}::int, ${application}::text,
           ${channel}::change_channel, ${at}::timestamptz, ${changes}::jsonb
      FROM written`;
}

/** A retried create's key: the same key from the same caller names this appointment. */
interface IdempotencyRecord {
  principal: string;
  key: string;
}

/**
 * Inserts the appointment, its audit entry and (if given) its idempotency key
 * in one statement, so one transaction without a round trip for BEGIN and
 * COMMIT. A key already used fails the whole statement (unique violation,
 * `isUniqueViolation`): nothing is written.
 */
export async function insertAppointment(db: Db, state: AppointmentState, audit: AuditContext, idempotency?: IdempotencyRecord): Promise<AppointmentRow> {
  const { columns, values } = columnsOf(state, Object.keys(state));
  const now = audit.now.toISOString();
  const keyInsert = idempotency
    ? sql`, key AS (
        INSERT INTO idempotency_key (principal, key, appointment_id) SELECT ${idempotency.principal}::text, ${idempotency.key}::text, "id" FROM written
      )`
    : sql``;
  const [inserted] = await rows<AppointmentScalars>(
    db,
    sql`
    WITH written AS (
      INSERT INTO appointment AS a (uuid, ${join(columns)}, created_at, updated_at)
      VALUES (${randomUUID()}::uuid, ${join(values)}, ${now}::timestamptz, ${now}::timestamptz)
      RETURNING ${appointmentColumns}
    ), audit AS (${auditOf(auditValuesOf("create", diffStates(null, state), audit))})${keyInsert}
    SELECT * FROM written`,
  );
  return writtenRow(inserted!, state.officeTimeZone);
}

/** Whether a write failed on a unique constraint (an idempotency key used twice). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "23505";

/** `overlaps`: the written appointment's photographer overlaps (findPhotographerOverlaps), when asked for. */
type UpdateOutcome = { ok: true; row: AppointmentRow; changes: FieldChanges; overlaps: Overlap[] } | { ok: false };

/** An overlap as json_agg writes it: instants in Postgres' JSON spelling ("…+00:00"). */
type OverlapJson = Omit<Overlap, "startsAt" | "stopsAt"> & { startsAt: string; stopsAt: string };

/**
 * Writes `next` over the row if it is still at `expectedVersion`, and its
 * audit entry with it. The new version is in a later second than the old one
 * even if the clock is not (see versions.ts).
 *
 * One statement does both: the UPDATE is the compare-and-set (under
 * concurrency Postgres re-checks `updated_at` on the locked row, so of two
 * writers with the same version exactly one matches), and the INSERT takes
 * its row from the UPDATE's result, so an entry exists exactly when the write
 * happened, atomically. One round trip instead of BEGIN, UPDATE, INSERT,
 * COMMIT through an interactive transaction (see bench/).
 *
 * With `overlapScope`, the same statement also reads the written
 * appointment's photographer overlaps that scope may see (the warning every
 * write answers with): one round trip fewer per update, which on the embedded
 * database is a fifth of a write's cost (issue 13). The statement reads the
 * other appointments as they were when it started, as the separate query,
 * run just after, read them; the appointment itself is never its own overlap.
 */
export async function updateAppointmentIfUnchanged(
  db: Db,
  id: number,
  expectedVersion: Date,
  before: AppointmentState,
  next: AppointmentState,
  action: string,
  audit: AuditContext,
  overlapScope?: ReadScope,
  /** `diffStates(before, next)`, when the caller has it already (it is ~60 comparisons). */
  known?: FieldChanges,
): Promise<UpdateOutcome> {
  const { statement, changes } = updateStatement(id, expectedVersion, before, next, action, audit, overlapScope, { changes: known });
  const [written] = await rows<AppointmentScalars & { overlaps?: OverlapJson[] }>(db, statement);
  if (!written) return { ok: false };
  const found = written.overlaps ?? [];
  // The office's zone is already in `next` (planned from the office the row now has): no query for it.
  return {
    ok: true,
    row: writtenRow(written, next.officeTimeZone),
    changes,
    overlaps: found.map((overlap) => ({ ...overlap, startsAt: isoOfJsonInstant(overlap.startsAt), stopsAt: isoOfJsonInstant(overlap.stopsAt) })),
  };
}

/** The inputs of an update statement, by position: every value the statement carries is one of them. */
type UpdateInputs = [
  sets: unknown[],
  version: string,
  id: number,
  expected: string,
  ...audit: AuditValues,
  photographer: number | null,
  startsAt: string | null,
  stopsAt: string | null,
  scopePhotographer: number | null,
  scopeClient: number | null,
];

/**
 * The update's SQL with `inputs` as its values: the columns set (`keys`), and
 * the overlap query for `overlapScope` when given. Called with markers for
 * the values, it shows where each input goes (`recipeOf`).
 */
function updateSql(keys: readonly string[], inputs: UpdateInputs, overlapScope: ReadScope | undefined): Sql {
  const [setValues, version, id, expected, ...rest] = inputs;
  const audit = rest.slice(0, 7) as AuditValues;
  const overlapInputs = rest.slice(7) as [number | null, string | null, string | null, number | null, number | null];
  const columns = [...keys.filter((key) => !notStored.has(key)).map((key) => raw(`"${columnOf(key)}"`)), raw("search_text"), raw("is_long")];
  const sets = columns.map((column, i) => sql`${column} = ${setValues[i]}`);
  const [photographerUserId, startsAt, stopsAt, scopePhotographer, scopeClient] = overlapInputs;
  const scope: ReadScope | undefined =
    overlapScope && (overlapScope.all ? overlapScope : { all: false, photographerUserId: scopePhotographer, clientId: scopeClient });
  const overlaps = scope
    ? sql`, (SELECT coalesce(json_agg(o ORDER BY o."startsAt", o.id), '[]'::json) FROM (${overlapSelect(
        { photographerUserId: photographerUserId!, startsAt: startsAt!, stopsAt: stopsAt!, excludeId: id },
        scope,
      )}) o) AS "overlaps"`
    : sql``;
  return sql`
    WITH written AS (
      UPDATE appointment a SET ${join(sets)}, updated_at = ${version}::timestamptz
       WHERE a.id = ${id} AND a.updated_at = ${expected}::timestamptz
      RETURNING ${appointmentColumns}
    ), audit AS (${auditOf(audit)})
    SELECT written.*${overlaps} FROM written`;
}

/** Where an input goes: its position in `UpdateInputs`, and for the SET list, in `sets`. */
class Marker {
  constructor(
    readonly input: number,
    readonly set = -1,
  ) {}
}

interface Recipe {
  text: string;
  /** Each value of the statement: where it comes from, or a constant of the text's own (the overlap LIMIT). */
  take: unknown[];
}

/**
 * The text of each shape of update, built once, and where each input goes.
 * An update's text depends only on the columns it sets and the overlap query
 * it carries; rebuilt each time, its ~3 KB (the RETURNING list and the overlap
 * query) were flattened, hashed to find its prepared statement's name and
 * compared with the prepared text by pg, ~40 µs a write in process. The same
 * string object each time costs none of that. A few dozen shapes exist (which
 * fields an update sets); past MAX_SHAPES, texts are built each time.
 */
const recipes = new Map<string, Recipe>();
const MAX_SHAPES = 200;

function recipeOf(keys: readonly string[], inputs: UpdateInputs, overlapScope: ReadScope | undefined): Recipe {
  // A scope's missing photographer or client leaves its condition out of the text: those stay null (the shape says so).
  const scopeInputs = inputs.length - 2; // the scope's photographer and client are UpdateInputs' last two
  const markers = inputs.map((value, input) => (input >= scopeInputs && value === null ? null : new Marker(input))) as unknown as UpdateInputs;
  markers[0] = inputs[0].map((_, set) => new Marker(0, set));
  const built = updateSql(keys, markers, overlapScope);
  return { text: built.text, take: built.values };
}

/** The statement and the audit's changes of an update (`updateAppointmentIfUnchanged`); exported for its equivalence test. */
export function updateStatement(
  id: number,
  expectedVersion: Date,
  before: AppointmentState,
  next: AppointmentState,
  action: string,
  audit: AuditContext,
  overlapScope?: ReadScope,
  { reference = false, changes = diffStates(before, next) }: { reference?: boolean; changes?: FieldChanges } = {},
): { statement: { text: string; values: unknown[] }; changes: FieldChanges } {
  const keys = Object.keys(changes);
  for (const key of ["startsAt", "stopsAt"] as const) if (before[key] !== next[key] && !(key in changes)) keys.push(key);
  const { values: setValues } = columnsOf(next, keys);
  const slot: Slot = { photographerUserId: next.photographerUserId, startsAt: next.startsAt, stopsAt: next.stopsAt, excludeId: id };
  const withOverlaps = overlapScope && !next.cancelled && isDatedSlot(slot) ? overlapScope : undefined;
  const scopeInputs = withOverlaps && !withOverlaps.all ? [withOverlaps.photographerUserId, withOverlaps.clientId] : [null, null];
  const inputs: UpdateInputs = [
    setValues,
    nextVersion(expectedVersion, audit.now).toISOString(),
    id,
    expectedVersion.toISOString(),
    ...auditValuesOf(action, changes, audit),
    slot.photographerUserId,
    slot.startsAt,
    slot.stopsAt,
    scopeInputs[0] ?? null,
    scopeInputs[1] ?? null,
  ];
  if (reference) {
    const built = updateSql(keys, inputs, withOverlaps);
    return { statement: { text: built.text, values: built.values }, changes };
  }
  // The scope's values decide the text only by being there or not (scopeCondition).
  const overlapShape = !withOverlaps
    ? "-"
    : withOverlaps.all
      ? "all"
      : `${withOverlaps.photographerUserId === null ? "" : "p"}${withOverlaps.clientId === null ? "" : "c"}`;
  const shape = `${keys.join(",")}|${overlapShape}`;
  let recipe = recipes.get(shape);
  if (!recipe) {
    recipe = recipeOf(keys, inputs, withOverlaps);
    if (recipes.size < MAX_SHAPES) recipes.set(shape, recipe);
  }
  const values = recipe.take.map((from) => (!(from instanceof Marker) ? from : from.set >= 0 ? setValues[from.set] : inputs[from.input]));
  return { statement: { text: recipe.text, values }, changes };
}
