/**
 * How the store runs SQL: straight over the process's one `pg` pool (the one
 * Prisma's adapter also uses, see `poolOf`), as named prepared statements.
 *
 * Why not Prisma on these paths: every call through the client paid for its
 * query compiler, its adapter's row conversion and its result mapping, about as
 * much server CPU as the rest of a write (bench/, issue 13). Why not Kysely or
 * TypedSQL: the queries are few and hand-written already; typed templates over
 * `Prisma.sql` (sql-template-tag, which the code used) keep them as they were,
 * and each query's row type is declared beside it.
 *
 * Rows come back exactly as Prisma's `$queryRaw` returned them (the parsers
 * below copy its conversions; store.test.ts compares the two on the same rows),
 * so nothing above the store changes.
 */
import { pgTypeParser, poolOf, Prisma, type Db, type PgPool, type QueryResultRow } from "@plano/db";

/** The pool, or one of its connections inside a transaction. */
type Queryable = Pick<PgPool, "query">;

const DATE = 1082;
const TIME = 1083;
const TIMESTAMPTZ = 1184;

/**
 * Text to value as Prisma's `$queryRaw` (over @prisma/adapter-pg) gave it:
 * dates at UTC midnight, times on 1970-01-01 UTC, instants as Dates (an
 * unreadable one, e.g. `infinity`, as an invalid Date rather than a number).
 */
const parsers = new Map<number, (text: string) => unknown>([
  [DATE, (text) => new Date(text)],
  [TIME, (text) => new Date(`1970-01-01T${text}Z`)],
  // The session runs in UTC (the server's default, and PGlite's); the adapter rewrote the offset the same way.
  [TIMESTAMPTZ, (text) => new Date(text.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00"))],
]);

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    const custom = format !== "binary" ? parsers.get(oid) : undefined;
    if (custom) return custom;
    return pgTypeParser(oid, format);
  },
};

/** A statement and its values; `name` makes it a prepared statement on each connection. */
interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Statement names by text. A connection parses a named statement once and
 * then only binds it: Postgres skips parsing and planning, and the request
 * carries no SQL. Texts that vary (a SET list per changed fields, list filters)
 * are bounded in practice; past `MAX_NAMED` further texts run unnamed.
 */
const names = new Map<string, string>();
const MAX_NAMED = 500;

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `plano_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

type QueryListener = (query: { text: string; values: unknown[] }) => void;
const listeners = new WeakMap<object, Set<QueryListener>>();

/** Calls `listener` with every statement the store runs on `db`'s pool (the bench's EXPLAIN captures them). */
export function onQuery(db: Db, listener: QueryListener): () => void {
  const pool = poolOf(db);
  const set = listeners.get(pool) ?? new Set<QueryListener>();
  listeners.set(pool, set);
  set.add(listener);
  return () => set.delete(listener);
}

interface RunOptions {
  /**
   * Run as a prepared statement (default). Not for queries whose best plan
   * depends on their values (list and board filters over date ranges): after
   * five runs Postgres may settle on one generic plan for all values.
   */
  prepared?: boolean;
}

/** Runs `statement` on `db`'s pool and returns its rows. */
export function rows<Row extends QueryResultRow>(db: Db, statement: Statement, options?: RunOptions): Promise<Row[]> {
  return rowsOn<Row>(poolOf(db), statement, options);
}

/** Runs `statement` on `on` (the pool, or one connection of it inside a transaction) and returns its rows. */
async function rowsOn<Row extends QueryResultRow>(on: Queryable, { text, values }: Statement, { prepared = true }: RunOptions = {}): Promise<Row[]> {
  const heard = listeners.get(on);
  if (heard) for (const listener of heard) listener({ text, values });
  const result = await on.query<Row>({ name: prepared ? nameOf(text) : undefined, text, values, types } as Parameters<PgPool["query"]>[0] & object);
  return result.rows;
}

/** The statement builder: sql-template-tag, as Prisma exports it (values become $n parameters). */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export type Sql = Prisma.Sql;
