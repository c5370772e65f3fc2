/**
 * A `pg` query that builds its rows itself, the rows `pg` would build.
 *
 * Why not pg's own: for every result its `Result.addFields` builds an empty
 * row as a dictionary-mode object and spreads it, and `parseRow` spreads that
 * again for each row: ~25 µs per result of an appointment's ~50 columns
 * (measured, pg 8.23), twice per update, where an object literal compiled once
 * per column list costs a fraction of it (bench/, issue 13). The hooks
 * overridden here are those the client calls on every query it runs, the ones
 * pg-cursor and pg-query-stream (pg's own) implement; `row-query.test.ts`
 * compares the rows with pg's for the same statements.
 */
import { PgQuery, type PgPool, type QueryResultRow } from "@plano/db";
import { perKeyList } from "../key-list-cache";

type TypeParser = (text: string) => unknown;

/** The `types` option of a pg query: a parser per type oid. */
export interface TypeParsers {
  getTypeParser(oid: number, format?: "text" | "binary"): TypeParser;
}

/** A column of a RowDescription, as pg-protocol reads it. */
interface FieldDescription {
  name: string;
  dataTypeID: number;
  format: "text" | "binary";
}

type RawValue = string | Buffer | null;
type Build = (values: RawValue[], parsers: TypeParser[]) => QueryResultRow;

/** What pg does for a column: binary values are copied, then every non-null value goes through its type's parser. */
function parsed(raw: RawValue, field: FieldDescription, parser: TypeParser): unknown {
  if (raw === null) return null;
  return parser((field.format === "binary" ? Buffer.from(raw as Buffer) : raw) as string);
}

/**
 * The row for any column list, as pg's `Result` builds it: keys in their first
 * column's order, a later column of the same name overriding the value, and
 * `__proto__` an own key like any other (pg spreads a null-prototype object).
 */
function buildGeneric(fields: FieldDescription[]): Build {
  return (values, parsers) => {
    const row: QueryResultRow = {};
    for (const { name } of fields) Object.defineProperty(row, name, { value: null, writable: true, enumerable: true, configurable: true });
    for (let i = 0; i < fields.length; i++) row[fields[i]!.name] = parsed(values[i]!, fields[i]!, parsers[i]!);
    return row;
  };
}

/** An object literal per list of text column names (a `__proto__` key in a literal would set the prototype instead). */
const compiledFor = perKeyList<Build | undefined>((names) => {
  if (names.includes("__proto__")) return undefined;
  const properties = names.map((name, i) => `${JSON.stringify(name)}: v[${i}] === null ? null : p[${i}](v[${i}])`);
  return new Function("v", "p", `return { ${properties.join(", ")} };`) as Build;
});

class RowQuery extends PgQuery {
  // Not `rows`: pg's Query reads that as the number of rows to fetch per portal execution.
  readonly collected: QueryResultRow[] = [];
  private build: Build | undefined;
  private parsers: TypeParser[] = [];
  /** Statements the server reported done. */
  private completed = 0;
  // pg's own fields, which it reads when it binds the statement and reports the outcome.
  declare values: unknown[];
  declare name: string | undefined;
  declare types: TypeParsers;
  declare private _canceledDueToError: unknown;

  constructor(
    { name, text, values }: { name?: string; text: string; values: unknown[] },
    private readonly parserTypes: TypeParsers,
  ) {
    // Text alone: pg copies a config object property by property (its cloneQueryConfig), which the profile showed.
    super(text);
    this.values = values;
    this.name = name;
    this.types = parserTypes;
  }

  handleRowDescription(message: { fields: FieldDescription[] }): void {
    if (this.completed > 0) return;
    const { fields } = message;
    this.parsers = fields.map((field) => this.parserTypes.getTypeParser(field.dataTypeID, field.format || "text"));
    const text = fields.every((field) => field.format !== "binary");
    this.build = (text && compiledFor(fields.map((field) => field.name))) || buildGeneric(fields);
  }

  /**
   * The store runs one statement per query; pg would answer a list of results for more. Only a text
   * without values or name can hold more (PostgreSQL refuses them in a prepared statement).
   */
  handleCommandComplete(message: unknown, connection: unknown): void {
    if (++this.completed > 1) this._canceledDueToError ||= new Error("A store query ran more than one statement.");
    // pg's own handler (its typings leave the protocol hooks out).
    (PgQuery.prototype as unknown as { handleCommandComplete(message: unknown, connection: unknown): void }).handleCommandComplete.call(
      this,
      message,
      connection,
    );
  }

  handleDataRow(message: { fields: RawValue[] }): void {
    if (this._canceledDueToError || this.completed > 0) return;
    try {
      this.collected.push(this.build!(message.fields, this.parsers));
    } catch (error) {
      // As pg: a parser's failure is the query's, reported once the server is ready again.
      this._canceledDueToError = error;
    }
  }
}

/** What `rows` runs on: the pool, or one of its connections inside a transaction. */
export type Queryable = Pick<PgPool, "query">;

/**
 * Runs one statement (named: a prepared statement on each connection) on `on`
 * and answers its rows, each as `pg` would have built it with `types`.
 */
export function queryRows<Row extends QueryResultRow>(
  on: Queryable,
  statement: { name?: string; text: string; values: unknown[] },
  types: TypeParsers,
): Promise<Row[]> {
  const query = new RowQuery(statement, types);
  return new Promise((resolve, reject) => {
    // With a callback, the pool and a client both hand the query to the connection and call back when it is done.
    (on as unknown as { query(query: RowQuery, callback: (error?: Error) => void): void }).query(query, (error) =>
      error ? reject(error) : resolve(query.collected as Row[]),
    );
  });
}
