/**
 * `appointment.list` at scale: by photographer + date range, by office + date
 * range and by free text, each a spread of different queries (so no single
 * cached page is measured), at one connection, so latency is the server's.
 * For each filter the plan of the SQL the API really runs is recorded
 * (captured from the store's query hook, then EXPLAIN ANALYZE).
 */
import { appRouter, createContext, onQuery } from "@plano/api";
import { createDb, poolOf } from "@plano/db";
import type { RouterInputs } from "@plano/client";
import { withClient } from "../lib/database";
import type { FigureSpec } from "../lib/figures";
import type { LoadGenerator } from "../lib/load";
import type { ServerProcess } from "../lib/processes";
import { trpcBoardRequest, trpcListRequest, type WireRequest } from "../lib/protocols";

type ListInput = RouterInputs["appointment"]["list"];
type BoardInput = RouterInputs["appointment"]["board"];

export type ListFilter = {
  scenario: string;
  /** The index the plan must use (null: none required). */
  index: string | null;
} & ({ procedure?: "list"; inputs: ListInput[] } | { procedure: "board"; inputs: BoardInput[] });

const searchTerms = ["maple", "cedar st", "drone", "twilight", "headshots", "lakeview", "garcia", "floor plan", "river rd", "sunset"];
const VARIANTS = 40;

/** A deterministic spread of list queries over the seeded data. */
export async function listFilters(databaseUrl: string): Promise<ListFilter[]> {
  return withClient(databaseUrl, async (client) => {
    const photographers = (await client.query<{ id: number }>("SELECT user_id AS id FROM employee_record WHERE is_photographer ORDER BY user_id")).rows.map(
      (r) => r.id,
    );
    const offices = (await client.query<{ id: number }>("SELECT id FROM office ORDER BY id")).rows.map((r) => r.id);
    const span = (await client.query<{ first: Date; last: Date }>("SELECT min(date_start_local) AS first, max(date_start_local) AS last FROM appointment"))
      .rows[0]!;
    const days = Math.max(1, Math.round((span.last.getTime() - span.first.getTime()) / 86_400_000) - 7);
    const week = (i: number) => {
      const from = new Date(span.first.getTime() + ((i * 37) % days) * 86_400_000);
      const to = new Date(from.getTime() + 6 * 86_400_000);
      return { dateFromLocal: from.toISOString().slice(0, 10), dateToLocal: to.toISOString().slice(0, 10) };
    };
    const variants = <T>(make: (i: number) => T) => Array.from({ length: VARIANTS }, (_, i) => make(i));
    return [
      {
        scenario: "list-photographer-week",
        index: "appointment_photographer_user_id_starts_at_id_idx",
        inputs: variants((i) => ({ photographerUserId: photographers[i % photographers.length]!, ...week(i), limit: 50 })),
      },
      {
        scenario: "list-office-week",
        index: "appointment_office_id_starts_at_id_idx",
        inputs: variants((i) => ({ officeId: offices[i % offices.length]!, ...week(i), limit: 50 })),
      },
      { scenario: "list-search", index: null, inputs: variants((i) => ({ search: searchTerms[i % searchTerms.length]!, limit: 50 })) },
      {
        // The admin list's first page as it opens (issue 11): today onward, no other filter.
        scenario: "list-first-page",
        index: null,
        inputs: variants((i) => ({ dateFromLocal: week(i).dateFromLocal, limit: 50 })),
      },
      {
        // The dispatch board: one office-day (its appointments, lanes and queue) in one request.
        scenario: "board-day",
        procedure: "board",
        index: "appointment_office_id_starts_at_id_idx",
        inputs: variants((i) => ({ officeId: offices[i % offices.length]!, date: week(i).dateFromLocal, view: "day" as const })),
      },
    ];
  });
}

/** The EXPLAIN ANALYZE of the (first) appointment query the API runs for the filter's first input. */
export async function explainList(databaseUrl: string, token: string, filter: ListFilter): Promise<string> {
  const db = createDb(databaseUrl, { poolSize: 1 });
  const queries: { query: string; params: unknown[] }[] = [];
  onQuery(db, ({ text, values }) => queries.push({ query: text, params: values }));
  try {
    const caller = appRouter.createCaller(createContext({ db, credentials: { token, application: "planoorder" }, channel: "trpc" }));
    if (filter.procedure === "board") await caller.appointment.board(filter.inputs[0]!);
    else await caller.appointment.list(filter.inputs[0]!);
    // The page query: from the appointment table, ordered (the query builder's or raw SQL's spelling).
    const listQuery = queries.find((q) => /FROM\s+(?:"public"\.)?"?appointment"?[\s"]/.test(q.query) && /ORDER BY/.test(q.query));
    if (!listQuery) throw new Error(`no appointment list query among ${queries.length} queries`);
    const { rows } = await poolOf(db).query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${listQuery.query}`, listQuery.params);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } finally {
    await db.$disconnect(); // and its pool
  }
}

/**
 * What the board figure's answers hold, on average over its office-days: its
 * cost grows with the blocks on the board, not with the table (the seed puts
 * every appointment in one year of 6 offices with 8 photographers each, so a
 * day at 1,000,000 rows is far busier than at 200,000).
 */
export async function boardShape(databaseUrl: string, token: string, filter: ListFilter): Promise<Record<string, number> | null> {
  if (filter.procedure !== "board") return null;
  const db = createDb(databaseUrl, { poolSize: 1 });
  try {
    const caller = appRouter.createCaller(createContext({ db, credentials: { token, application: "planoorder" }, channel: "trpc" }));
    const totals = { appointments: 0, queue: 0, lanes: 0 };
    for (const input of filter.inputs) {
      const board = await caller.appointment.board(input);
      totals.appointments += board.appointments.length;
      totals.queue += board.queue.length;
      totals.lanes += board.photographers.length;
    }
    const mean = (n: number) => Number((n / filter.inputs.length).toFixed(1));
    return { board_appointments_mean: mean(totals.appointments), board_queue_mean: mean(totals.queue), board_lanes_mean: mean(totals.lanes) };
  } finally {
    await db.$disconnect();
  }
}

/** `filter`'s queries against one tRPC server (`label` names it in the table, e.g. "trpc@before"). */
export async function listSpec(
  load: LoadGenerator,
  { server, label = "trpc" }: { server: ServerProcess; label?: string },
  token: string,
  filter: ListFilter,
  extra: Record<string, unknown>,
): Promise<FigureSpec> {
  const requests: WireRequest[] =
    filter.procedure === "board"
      ? await Promise.all(filter.inputs.map((input) => trpcBoardRequest(token, input)))
      : await Promise.all(filter.inputs.map((input) => trpcListRequest(token, input)));
  return {
    scenario: filter.scenario,
    layer: label,
    connections: 1,
    server,
    extra,
    load: (durationS) => load.run({ origin: server.origin, layer: "trpc", token, operation: "fixed", slices: [], requests, connections: 1, durationS }),
  };
}
