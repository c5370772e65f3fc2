/**
 * The baseline: the least a server can do for the same database work, with no
 * framework. Plain `node:http` + `pg`, hand-written SQL, JSON by hand.
 *
 * It issues the same statements, in the same order, as the API's best path
 * for one update (see SQL below and bench/README.md), as named prepared
 * statements like the API's store, so the ratio
 * "API / baseline" measures our layers (tRPC, zod, the REST adapter, Prisma,
 * the domain code), not a query trick. Whenever the API's SQL changes, this
 * file changes with it.
 *
 *   DATABASE_URL=postgresql://… PORT=4000 node --import tsx bench/baseline/server.ts
 */
import { createHash, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { baselineSchema, parseEnv } from "../lib/env";

/** The compare-and-set and its audit entry, as a data-modifying CTE. */
const WRITE = `WITH updated AS (
            UPDATE appointment SET notes = $1, updated_by = $2, search_text = $3, is_long = $8, updated_at = $4
             WHERE id = $5 AND updated_at = $6 RETURNING *
          ), audit AS (
            INSERT INTO appointment_change (appointment_id, action, actor, actor_user_id, application, channel, at, changes)
            SELECT id, 'update', $2::text, NULL, $2::text, 'trpc', $4::timestamptz, $7::jsonb FROM updated
          )`;

export const SQL = {
  /** The caller's application token with its application and role (one probe of the unique hash index). */
  token: `SELECT t.id, t.token_hash, t.name, a.slug, r.name AS role_name, r.permissions
            FROM application_token t JOIN application a ON a.id = t.application_id LEFT JOIN role r ON r.id = t.role_id
           WHERE t.token_hash = $1`,
  /** The appointment with what the API needs beside it: the office's zone and the order's client (visibility). */
  load: `SELECT ap.*, o.time_zone AS office_time_zone, ord.client_id AS order_client_id
           FROM appointment ap JOIN office o ON o.id = ap.office_id LEFT JOIN "order" ord ON ord.id = ap.order_id
          WHERE ap.id = $1`,
  /**
   * The compare-and-set and its audit entry in one statement (so one
   * transaction): the entry is written exactly when the row was.
   */
  write: `${WRITE}
          SELECT * FROM updated`,
  /**
   * The same, with the photographer-overlap warning the API returns with every
   * write read in the same statement ($9 photographer, $10 start, $11 stop).
   */
  writeWithOverlaps: `${WRITE}
          SELECT updated.*, (SELECT coalesce(json_agg(o ORDER BY o.starts_at, o.id), '[]'::json) FROM (
            SELECT id, uuid, summary, starts_at, stops_at FROM (
              SELECT id, uuid, summary, starts_at, stops_at, cancelled FROM appointment
               WHERE photographer_user_id = $9 AND NOT is_long AND starts_at >= $10::timestamptz - interval '24 hours' AND starts_at < $11::timestamptz
              UNION ALL
              SELECT id, uuid, summary, starts_at, stops_at, cancelled FROM appointment
               WHERE photographer_user_id = $9 AND is_long AND starts_at < $11::timestamptz
            ) candidate
            WHERE NOT cancelled AND stops_at > $10::timestamptz AND id <> $5
            ORDER BY starts_at, id LIMIT 20) o) AS overlaps
            FROM updated`,
} as const;

type Row = Record<string, unknown>;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function authenticate(pool: pg.Pool, req: IncomingMessage): Promise<Row> {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  if (!token) throw new HttpError(401, "invalid-token");
  const hash = createHash("sha256").update(token, "utf8").digest("hex");
  const { rows } = await pool.query({ name: "token", text: SQL.token, values: [hash] });
  const row = rows[0] as Row | undefined;
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash as string, "hex"), Buffer.from(hash, "hex"))) {
    throw new HttpError(401, "invalid-token");
  }
  return row;
}

async function load(pool: pg.Pool, id: number): Promise<Row> {
  const { rows } = await pool.query({ name: "load", text: SQL.load, values: [id] });
  if (!rows[0]) throw new HttpError(404, "not-found");
  return rows[0] as Row;
}

/** Whether the appointment lasts more than a day (the overlap query reads those apart). */
const isLong = (row: Row) =>
  row.starts_at !== null && row.stops_at !== null && (row.stops_at as Date).getTime() - (row.starts_at as Date).getTime() > 24 * 60 * 60 * 1000;

const searchText = (row: Row) => [row.summary, row.location, row.notes, row.photographer_name].filter(Boolean).join("\n").toLowerCase();

/** The answer: the row plus the version string callers send back (`updated_at` to the millisecond). */
const present = (row: Row) => ({ ...row, updatedAtMt: (row.updated_at as Date).toISOString() });

async function update(pool: pg.Pool, caller: Row, body: { id: number; updatedAtMt: string; patch: { notes: string } }) {
  const current = await load(pool, body.id);
  const expected = new Date(body.updatedAtMt);
  if ((current.updated_at as Date).getTime() !== expected.getTime()) throw new HttpError(409, "update-conflict");
  const next: Row = { ...current, notes: body.patch.notes, updated_by: caller.slug };
  // Strictly later than the version it replaces, even within one millisecond.
  const version = new Date(Math.max(Date.now(), expected.getTime() + 1));
  const changes = {
    notes: { before: current.notes, after: next.notes },
    ...(current.updated_by !== next.updated_by ? { updatedBy: { before: current.updated_by, after: next.updated_by } } : {}),
  };

  const params = [next.notes, next.updated_by, searchText(next), version, body.id, expected, JSON.stringify(changes), isLong(next)];
  // As the API: the overlap warning is read in the write's own statement, for a dated appointment with a photographer.
  const dated = next.photographer_user_id !== null && !next.cancelled && next.starts_at !== null && next.stops_at !== null;
  const written = dated
    ? await pool.query({ name: "write_overlaps", text: SQL.writeWithOverlaps, values: [...params, next.photographer_user_id, next.starts_at, next.stops_at] })
    : await pool.query({ name: "write", text: SQL.write, values: params });
  const { overlaps = [], ...row } = (written.rows[0] as Row | undefined) ?? {};
  if (!row.id) throw new HttpError(409, "update-conflict");
  return { appointment: present({ ...row, office_time_zone: current.office_time_zone }), warnings: (overlaps as Row[]).length ? [{ overlaps }] : [] };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return body;
}

export function createBaselineServer(databaseUrl: string, poolSize = 10): { server: http.Server; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const handle = async (req: IncomingMessage, _res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://baseline");
    if (url.pathname === "/healthz") return { ok: true };
    const caller = await authenticate(pool, req);
    if (url.pathname === "/get") return present(await load(pool, Number(url.searchParams.get("id"))));
    if (url.pathname === "/update" && req.method === "POST") return update(pool, caller, JSON.parse(await readBody(req)));
    throw new HttpError(404, "route-non-existent");
  };
  const server = http.createServer((req, res) => {
    handle(req, res).then(
      (result) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result)),
      (error: unknown) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (status === 500) console.error(error);
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: (error as Error).message }));
      },
    );
  });
  server.keepAliveTimeout = 65_000; // as the API server
  return { server, pool };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = parseEnv(baselineSchema);
  const { server, pool } = createBaselineServer(env.DATABASE_URL);
  const port = env.PORT;
  server.listen(port, "127.0.0.1", () => console.log(`baseline listening on http://127.0.0.1:${port}`));
  process.on("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}
