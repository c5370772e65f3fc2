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
import { pgTypeParser, poolOf, Prisma, type Db, type QueryResultRow } from "@plano/db";
import { queryRows, type Queryable } from "./row-query";

const DATE = 1082;
const TIME = 1083;
const TIMESTAMPTZ = 1184;

/**
 * Text to value as Prisma's `$queryRaw` (over @prisma/adapter-pg) gave it:
 * dates at UTC midnight, times on 1970-01-01 UTC, instants as Dates (an
 * unreadable one, e.g. `infinity`, as an invalid Date rather than a number).
 */
/** An instant as the adapter read it: the session runs in UTC (the server's default, and PGlite's), and the adapter rewrote any offset to +00:00. */
export const instantOfText = (text: string): Date => new Date(text.replace(" ", "T").replace(/[+-]\d{2}(:\d{2})?$/, "+00:00"));

const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const digits = (text: string, at: number, count: number) => {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const d = digit(text, at + i);
    if (d < 0 || d > 9) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
};

/**
 * `instantOfText` for PostgreSQL's common spelling, `YYYY-MM-DD HH:MM:SS[.f…]+00`
 * in years 1900–9999, read digit by digit: V8's Date parsing of the rewritten
 * text took ~1.2 µs, and an appointment row holds five instants (bench/,
 * issue 13). Anything else takes `instantOfText`. The same Date for every
 * text (client.test.ts).
 */
export function parseInstant(text: string): Date {
  const n = text.length;
  const fraction = n > 22 && text.charCodeAt(19) === 46 ? n - 23 : 0;
  const plain =
    (n === 22 || (fraction > 0 && fraction <= 6)) &&
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 32 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    text.endsWith("+00") &&
    text >= "1900" &&
    text < ":";
  if (!plain) return instantOfText(text);
  const [year, month, day] = [digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)];
  const [hour, minute, second] = [digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2)];
  // Milliseconds as Date parsing takes them: the first three digits of the fraction, truncated.
  const ms = fraction === 0 ? 0 : digits(`${text.slice(20, 20 + Math.min(fraction, 3))}00`, 0, 3);
  // Out-of-range fields (month 13, hour 25…) or a non-digit: leave the judgement to Date parsing, as before.
  const fieldsInRange = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59;
  if (!fieldsInRange || Number.isNaN(ms) || (fraction > 0 && Number.isNaN(digits(text, 20, fraction)))) return instantOfText(text);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  // A day past its month's end (Feb 30) rolls over in Date.UTC where parsing refuses it.
  return date.getUTCDate() === day ? date : instantOfText(text);
}

/**
 * A date as `new Date(text)` reads it: `YYYY-MM-DD` in years 1900–9999 digit by
 * digit (Date parsing took ~0.5 µs, bench/ issue 13), anything else (a day
 * past its month's end, which Date parsing rolls over; infinity; BC) by Date
 * parsing itself. The same Date for every text (client.test.ts).
 */
export function parseDate(text: string): Date {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && text >= "1900" && text < ":") {
    const [year, month, day] = [digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)];
    if (month >= 1 && month <= 12 && day >= 1) {
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCDate() === day) return date;
    }
  }
  return new Date(text);
}

/** A timestamptz as PostgreSQL writes it into JSON in a UTC session, years 1900–9999, fields in range. */
const JSON_INSTANT = /^((?:19|[2-9]\d)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,6}))?\+00:00$/;
const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/**
 * `new Date(text).toISOString()` for an instant of a JSON column
 * (`json_agg`): the common spelling `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00` read
 * as text (~0.16 against ~0.96 µs here), since an update's overlap warning
 * carries up to 20 appointments, two instants each (bench/ update at
 * 1,000,000 rows). Anything else (another offset, a day its month lacks,
 * years outside 1900–9999, infinity) takes the Date, throwing as it throws.
 * The same answer for every text (client.test.ts).
 */
export function isoOfJsonInstant(text: string): string {
  const match = JSON_INSTANT.exec(text);
  if (match === null || Number(match[3]) > daysIn(Number(match[1]), Number(match[2]))) return new Date(text).toISOString();
  const [, year, month, day, hour, minute, second, fraction = ""] = match;
  // Milliseconds as Date parsing takes them: the first three digits of the fraction, truncated.
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${fraction.padEnd(3, "0").slice(0, 3)}Z`;
}

const parsers = new Map<number, (text: string) => unknown>([
  [DATE, parseDate],
  [TIME, (text) => new Date(`1970-01-01T${text}Z`)],
  [TIMESTAMPTZ, parseInstant],
]);

type TypeParser = (text: string) => unknown;

/**
 * pg asks for a parser for every column of every result; each type's text
 * parser is looked up once. (pg's own registry is not changed after start: no
 * code here or in Prisma's adapter calls `setTypeParser`.)
 */
function typesOf(lookUp: (oid: number, format?: "text" | "binary") => TypeParser) {
  const known = new Map<number, TypeParser>();
  return {
    getTypeParser(oid: number, format?: "text" | "binary"): TypeParser {
      if (format === "binary") return lookUp(oid, format);
      let parser = known.get(oid);
      if (parser === undefined) {
        parser = lookUp(oid, format);
        known.set(oid, parser);
      }
      return parser;
    },
  };
}

const types = typesOf((oid, format) => (format !== "binary" ? parsers.get(oid) : undefined) ?? pgTypeParser(oid, format));

/** Years the API speaks (domain/appointment-record.ts `readableDate`), as PostgreSQL's text starts them. */
const readableYear = (text: string) => text >= "1900" && text < ":";
const INSTANT_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * For `{ apiText: true }`: the common values straight as the text the API
 * answers with (domain/appointment-record.ts), since Date objects built from
 * the text only to be turned back into the same text cost a board of hundreds
 * of rows more than its queries (bench/ board-day, issue 10). Anything else
 * (infinity, BC, years outside 1900–9999, an offset other than UTC) comes as
 * the Date above, and `toAppointment` converts it as before: same answer, byte for byte.
 */
const apiTextParsers = new Map<number, (text: string) => unknown>([
  // `YYYY-MM-DD`, as ISO DateStyle prints it: exactly `toIsoDate`'s answer.
  [DATE, (text) => (text.length === 10 && readableYear(text) ? text : parsers.get(DATE)!(text))],
  // `HH:MM:SS[.ffffff]`: `toIsoTime` keeps the first 8 characters (24:00:00 wraps, so it takes the Date path).
  [TIME, (text) => (text.length >= 8 && text < "24" ? text.slice(0, 8) : parsers.get(TIME)!(text))],
  // `YYYY-MM-DD HH:MM:SS[.f…]+00`: `toISOString`'s spelling, milliseconds truncated as a Date truncates them.
  [
    TIMESTAMPTZ,
    (text) => {
      const match = readableYear(text) ? INSTANT_TEXT.exec(text) : null;
      return match ? `${match[1]}T${match[2]}.${(match[3] ?? "").padEnd(3, "0").slice(0, 3)}Z` : parsers.get(TIMESTAMPTZ)!(text);
    },
  ],
]);

const apiTextTypes = typesOf((oid, format) => (format !== "binary" ? apiTextParsers.get(oid) : undefined) ?? types.getTypeParser(oid, format));

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
  /**
   * Date, time and instant columns as the API's text where they are readable
   * (Dates otherwise): for rows that go to `toAppointment` and nowhere else.
   */
  apiText?: boolean;
}

/** Runs `statement` on `db`'s pool and returns its rows. */
export function rows<Row extends QueryResultRow>(db: Db, statement: Statement, options?: RunOptions): Promise<Row[]> {
  return rowsOn<Row>(poolOf(db), statement, options);
}

/** Runs `statement` on `on` (the pool, or one connection of it inside a transaction) and returns its rows. */
function rowsOn<Row extends QueryResultRow>(on: Queryable, { text, values }: Statement, { prepared = true, apiText = false }: RunOptions = {}): Promise<Row[]> {
  const heard = listeners.get(on);
  if (heard) for (const listener of heard) listener({ text, values });
  return queryRows<Row>(on, { name: prepared ? nameOf(text) : undefined, text, values }, apiText ? apiTextTypes : types);
}

/** The statement builder: sql-template-tag, as Prisma exports it (values become $n parameters). */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export type Sql = Prisma.Sql;
