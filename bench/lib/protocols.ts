/**
 * What one request of each layer looks like on the wire, and how to read the
 * new version out of its answer. The load generator sends these through
 * autocannon; the smoke test checks them against the real servers.
 *
 * The tRPC shape is captured from `@plano/client` itself (a fetch that records
 * instead of sending), so the benchmark sends exactly what an internal caller
 * sends, without paying the client's cost on every request.
 */
import { createPlanoClient, type RouterInputs } from "@plano/client";
import { appointmentFields, appointmentWritableShape } from "@plano/schema";

export type Layer = "baseline" | "rest" | "trpc";

export interface WireRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Target {
  id: number;
  /** The appointment's current `updated_at_mt`, as the API returned it. */
  version: string;
  /** update-layout: the record as this layer last answered it (its own names and spellings). */
  record?: Record<string, unknown>;
}

export interface Protocol {
  update(target: Target, notes: string): WireRequest;
  read(id: number): WireRequest;
  /** The new version from a successful update's answer, or undefined if it is not a success. */
  versionFrom(body: string): string | undefined;
  /** Whether a read's answer is the appointment (not an error dressed as 200). */
  readOk(body: string): boolean;
  /** A whole-layout save of `target.record` with `notes` changed. */
  updateLayout(target: Target, notes: string): WireRequest;
  /** The record a read or update answered (what the next layout save starts from), or undefined. */
  recordFrom(body: string): Record<string, unknown> | undefined;
  /** The read that gives a layout save its record: for REST with month_first, as FileMaker reads. */
  layoutRead(id: number): WireRequest;
}

const writableKeys = Object.keys(appointmentWritableShape);

/** The API fields a caller may write, as the record holds them: what the admin's form and tRPC callers send back. */
function writablePatch(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(writableKeys.filter((key) => key in record).map((key) => [key, record[key]]));
}

// biome-ignore lint/suspicious/noExplicitAny: load-test answers are read loosely; their shape is checked by the API's own tests.
const parsed = (body: string): any => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

// Placeholders the captured tRPC requests carry; each request substitutes its own values.
const ID = 987654321;
const VERSION = "__BENCH_VERSION__";
const NOTES = "__BENCH_NOTES__";

interface Captured {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Runs one call of the real client against a recording fetch and returns the HTTP request it made. */
async function capture(token: string, call: (client: ReturnType<typeof createPlanoClient>) => Promise<unknown>): Promise<Captured> {
  let captured: Captured | undefined;
  const recorder: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    captured = {
      method: (init?.method ?? "GET") as Captured["method"],
      path: url.pathname + url.search,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === "string" ? init.body : undefined,
    };
    throw new Error("captured"); // the request is only recorded, never sent
  };
  const client = createPlanoClient({ url: "http://capture.invalid/api/trpc", token, application: "planoorder", fetch: recorder });
  await call(client).catch(() => undefined);
  if (!captured) throw new Error("@plano/client made no request to capture");
  return captured;
}

function fill(template: string, id: number, version = "", notes = ""): string {
  return template.replace(String(ID), String(id)).replace(VERSION, version).replace(NOTES, notes);
}

const versionField = (name: string) => new RegExp(`"${name}":"([^"]+)"`);

export async function trpcProtocol(token: string): Promise<Protocol> {
  const update = await capture(token, (c) => c.appointment.update.mutate({ id: ID, updatedAtMt: VERSION, patch: { notes: NOTES } }));
  const read = await capture(token, (c) => c.appointment.byId.query({ id: ID }));
  const version = versionField("updatedAtMt");
  const encodedId = encodeURIComponent(String(ID)); // the id sits URL-encoded in a GET's input
  const notesPatch = `{"notes":"${NOTES}"}`;
  if (!update.body?.includes(notesPatch)) throw new Error("the captured tRPC update does not carry its patch as plain JSON");
  const readOf = (id: number) => ({ ...read, path: read.path.replace(encodedId, String(id)) });
  return {
    update: (target, notes) => ({ ...update, body: fill(update.body ?? "", target.id, target.version, JSON.stringify(notes).slice(1, -1)) }),
    read: readOf,
    versionFrom: (body) => (body.includes('"result"') ? version.exec(body)?.[1] : undefined),
    readOk: (body) => body.includes('"result"') && body.includes('"updatedAtMt"'),
    // The patch's values are plain JSON (strings, numbers, booleans, null): the transformer writes them as they are.
    updateLayout: (target, notes) => ({
      ...update,
      body: fill(update.body!.replace(notesPatch, JSON.stringify({ ...writablePatch(target.record ?? {}), notes })), target.id, target.version),
    }),
    recordFrom: (body) => {
      const answer = parsed(body);
      const data = (Array.isArray(answer) ? answer[0] : answer)?.result?.data; // a batch link answers an array
      return (data?.json ?? data)?.appointment ?? data?.json ?? data;
    },
    layoutRead: readOf,
  };
}

/** FileMaker's text for a value: checkboxes 1/0, empty for nothing. */
const layoutText = (value: unknown) => (value === null || value === undefined ? "" : typeof value === "boolean" ? (value ? "1" : "0") : String(value));

/** The legacy adapter: parameters in a JSON body, the token among them, snake_case fields. */
export function restProtocol(token: string): Protocol {
  const version = versionField("updated_at_mt");
  const headers = { "content-type": "application/json" };
  return {
    update: (target, notes) => ({
      method: "POST",
      path: "/api/v1/appointments/update",
      headers,
      body: JSON.stringify({ token, application: "planoorder", id: target.id, updated_at_mt: target.version, notes }),
    }),
    read: (id) => ({ method: "POST", path: "/api/v1/appointments/get", headers, body: JSON.stringify({ token, application: "planoorder", id }) }),
    versionFrom: (body) => (body.includes('"action-successful"') ? version.exec(body)?.[1] : undefined),
    readOk: (body) => body.includes('"action-successful"'),
    // As a FileMaker layout saves: a form body, every field of the seed's list as text, month_first dates.
    updateLayout: (target, notes) => {
      const record = target.record ?? {};
      const form = new URLSearchParams({ token, application: "planoorder", month_first: "1", id: String(target.id), updated_at_mt: target.version });
      for (const { legacy } of appointmentFields) if (legacy in record) form.set(legacy, layoutText(record[legacy]));
      form.set("notes", notes);
      return { method: "POST", path: "/api/v1/appointments/update", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form.toString() };
    },
    recordFrom: (body) => parsed(body)?.data?.appointment,
    layoutRead: (id) => ({
      method: "POST",
      path: "/api/v1/appointments/get",
      headers,
      body: JSON.stringify({ token, application: "planoorder", id, month_first: true }),
    }),
  };
}

/** Whether the legacy adapter serves `appointments/get` on `origin` (it is built separately, issue 3). */
export async function restAnswers(origin: string, token: string, id: number): Promise<boolean> {
  const request = restProtocol(token).read(id);
  const response = await fetch(origin + request.path, { method: request.method, headers: request.headers, body: request.body ?? null });
  return response.ok && restProtocol(token).readOk(await response.text());
}

/** The raw baseline server (bench/baseline): bearer token, JSON in and out. */
export function baselineProtocol(token: string): Protocol {
  const version = versionField("updatedAtMt");
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return {
    update: (target, notes) => ({
      method: "POST",
      path: "/update",
      headers,
      body: JSON.stringify({ id: target.id, updatedAtMt: target.version, patch: { notes } }),
    }),
    read: (id) => ({ method: "GET", path: `/get?id=${id}`, headers }),
    versionFrom: (body) => version.exec(body)?.[1],
    readOk: (body) => body.includes('"updatedAtMt"'),
    // The same database work as an update (the least a server can do for a layout save), on a body as large:
    // every column of the record it answered, sent back with notes changed.
    updateLayout: (target, notes) => ({
      method: "POST",
      path: "/update",
      headers,
      body: JSON.stringify({ id: target.id, updatedAtMt: target.version, patch: { ...target.record, notes } }),
    }),
    recordFrom: (body) => {
      const answer = parsed(body);
      return answer?.appointment ?? answer;
    },
    layoutRead: (id) => ({ method: "GET", path: `/get?id=${id}`, headers }),
  };
}

/** The request `@plano/client` makes for `appointment.list(input)`. */
export function trpcListRequest(token: string, input: RouterInputs["appointment"]["list"]): Promise<WireRequest> {
  return capture(token, (c) => c.appointment.list.query(input));
}

export function trpcBoardRequest(token: string, input: RouterInputs["appointment"]["board"]): Promise<WireRequest> {
  return capture(token, (c) => c.appointment.board.query(input));
}

export async function protocolFor(layer: Layer, token: string): Promise<Protocol> {
  if (layer === "trpc") return trpcProtocol(token);
  if (layer === "rest") return restProtocol(token);
  return baselineProtocol(token);
}
