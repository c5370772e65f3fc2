/**
 * Thousands of random and malformed requests against every route: whatever
 * arrives, the answer is JSON with a documented status and that status's
 * HTTP code, and never application-crash (no fault is injected here).
 */
import { OutboxMailer } from "@plano/api";
import { appointmentFields } from "@plano/schema";
import { legacyStatuses } from "../src/statuses";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appToken, freshDatabase, smallWorld, testClock, userWithSession } from "@plano/testing/fixtures";
import { legacyRoutes, OPENAPI_PATH } from "../src";
import { commonParams } from "../src/params/common";
import { sendRaw, startApiServer, type TestServer } from "./harness";

type Database = Awaited<ReturnType<typeof freshDatabase>>;

/** 2,000 in `npm test`; `npm run fuzz` sets 10,000. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const clock = testClock(new Date("2026-06-15T15:00:00Z"));
let database: Database;
let server: TestServer;
let tokens: string[];
let officeId: number;
/** Seeded appointments and their current version (kept up to date from answers, so updates can succeed). */
let appointmentIds: { id: number; uuid: string; version: string }[];

beforeAll(async () => {
  database = await freshDatabase();
  const world = await smallWorld(database);
  const scheduler = await appToken(database, "planoorder");
  const viewer = await appToken(database, "planox2", "viewer");
  const staff = await userWithSession(database, { employee: true, roles: [{ application: "planoauth", role: "scheduler" }] }, { now: clock.now() });
  const nobody = await userWithSession(database, {}, { now: clock.now() });
  tokens = [scheduler, viewer, staff.token, nobody.token];
  officeId = world.denver.id;
  const rows = await Promise.all(
    [1, 2, 3].map((day) =>
      database.db.appointment.create({
        data: { officeId: world.denver.id, timeZoneLocal: "America/Denver", orderId: world.order.id, summary: `Seeded ${day}`, updatedAt: clock.now() },
      }),
    ),
  );
  appointmentIds = rows.map((row) => ({ id: row.id, uuid: row.uuid, version: row.updatedAt.toISOString() }));
  // Mail is recorded, not sent: confirm and cancel run their whole path.
  server = await startApiServer({ db: database.db, clock: clock.now, mailer: new OutboxMailer({ clock: clock.now }) });
});
afterAll(async () => {
  await server.close();
  await database.drop();
});

const routePaths = legacyRoutes.map((route) => `/api/v1${route.path}`);
const knownNames = [
  ...Object.keys(commonParams),
  ...new Set(legacyRoutes.flatMap((route) => Object.keys(route.params))),
  ...appointmentFields.map((field) => field.legacy),
];

/** Values a form or JSON body could carry: plausible spellings, near misses and junk. */
const values = fc.oneof(
  fc.constantFrom("", "0", "1", "yes", "No", "TRUE", "null", "07/04/2026", "2026-07-04", "2026-02-30", "13/45/2026", "2:30 PM", "25:00", "12:00 am"),
  fc.constantFrom("2026-07-04T10:00:00Z", "07/04/2026 10:00:00", "1:30", "America/Denver", "Mars/Olympus", "starts_at", "-starts_at", "none", "full"),
  // Text PostgreSQL cannot store, and text it can.
  fc.constantFrom("a\u0000b", "\ud800", "\u{1F4F7} shoot"),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 12, unit: "binary" }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant("x".repeat(12_000)),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

const names = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...knownNames) },
  fc.string({ maxLength: 12 }),
  fc.constantFrom("__proto__", "constructor", "toString"),
);

const request = fc.record({
  path: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...routePaths) },
    fc.constantFrom(OPENAPI_PATH, "/api/v1", "/api/v1/appointments", "/api/v1/appointments/update/", "/api/v1/appointments/delete"),
    fc.constant("/api/v1/users/client_register?x=1"),
    fc.string({ maxLength: 20 }).map((tail) => `/api/v1/${encodeURIComponent(tail)}`),
  ),
  method: fc.oneof({ weight: 15, arbitrary: fc.constant("POST") }, fc.constantFrom("GET", "PUT", "DELETE", "PATCH")),
  token: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 3) }, fc.constantFrom("pla_forged", "pls_forged", "", undefined, 42)),
  reference: fc.option(fc.record({ which: fc.nat(2), by: fc.constantFrom("id", "uuid", "both"), fresh: fc.boolean() })),
  /** Start from a valid all-day appointment's fields, so that creates and updates get past the API's checks. */
  valid: fc.boolean(),
  params: fc.dictionary(names, values, { maxKeys: 6 }),
  encoding: fc.oneof({ weight: 9, arbitrary: fc.constantFrom("json", "form", "multipart") }, fc.constant("raw")),
  // Sensitive routes need base64; elsewhere it is one kind of malformed body.
  base64: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
  /** Now and then a Content-Type that does not match the body. */
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    fc.constantFrom("text/plain", "application/json; charset=utf-8", "multipart/form-data", "application/xml", ""),
  ),
  raw: fc.uint8Array({ maxLength: 64 }),
});
type RandomRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function parametersOf(input: RandomRequest): Record<string, unknown> {
  const validBase = input.valid ? { office_id: officeId, allday: "1", date_start_local: "2026-07-01" } : {};
  const params: Record<string, unknown> = { ...validBase, ...input.params };
  if (typeof input.token === "number" && input.token < tokens.length) params.token = tokens[input.token];
  else if (input.token !== undefined) params.token = input.token;
  if (input.reference) {
    const target = appointmentIds[input.reference.which]!;
    if (input.reference.by !== "uuid") params.id = target.id;
    if (input.reference.by !== "id") params.uuid = target.uuid;
    params.updated_at_mt = input.reference.fresh ? target.version : "2020-01-01T00:00:00.000Z";
  }
  return params;
}

async function bodyOf(input: RandomRequest): Promise<{ body: Uint8Array; contentType: string }> {
  const params = parametersOf(input);
  if (input.encoding === "raw") return { body: input.raw, contentType: "application/octet-stream" };
  if (input.encoding === "json") return { body: new TextEncoder().encode(JSON.stringify(params)), contentType: "application/json" };
  const text = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  if (input.encoding === "form") {
    const form = new URLSearchParams(Object.entries(params).map(([key, value]) => [key, text(value)]));
    return { body: new TextEncoder().encode(form.toString()), contentType: "application/x-www-form-urlencoded" };
  }
  const form = new FormData();
  for (const [key, value] of Object.entries(params)) form.append(key, text(value));
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  return { body: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

async function exchange(input: RandomRequest) {
  const { body, contentType } = await bodyOf(input);
  const sent = input.base64 ? Buffer.from(body).toString("base64") : body;
  const withBody = input.method !== "GET";
  return sendRaw(server.url, input.path, {
    method: input.method,
    body: withBody ? sent : undefined,
    headers: withBody ? { "content-type": input.contentType ?? contentType } : {},
  });
}

const statusCounts = new Map<string, number>();

describe("random and malformed requests", () => {
  it(
    "always answer JSON with a documented status and its HTTP code, never application-crash",
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async (input) => {
          const answer = await exchange(input);
          expect(answer.contentType).toMatch(/^application\/json/);
          const body = JSON.parse(answer.text) as { status?: string; openapi?: string; message?: unknown; warnings?: unknown; data?: any };
          const changed = appointmentIds.find((seeded) => seeded.id === body.data?.appointment?.id);
          if (changed) changed.version = body.data.appointment.updated_at_mt;
          if (input.method === "GET" && input.path === OPENAPI_PATH) {
            expect({ http: answer.http, openapi: body.openapi }).toEqual({ http: 200, openapi: "3.1.0" });
            return;
          }
          const status = body.status as keyof typeof legacyStatuses;
          expect(Object.keys(legacyStatuses)).toContain(status);
          expect(answer.http).toBe(legacyStatuses[status].http);
          expect(status).not.toBe("application-crash");
          expect(status).not.toBe("identify-request-error");
          expect(typeof body.message).toBe("string");
          expect(Array.isArray(body.warnings)).toBe(true);
          statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
        }),
        { numRuns: RUNS },
      );
      console.log(Object.fromEntries(statusCounts));
      // The requests reached past decoding and authentication, into the procedures.
      expect(statusCounts.get("action-successful") ?? 0).toBeGreaterThan(50);
      expect(statusCounts.get("invalid-param") ?? 0).toBeGreaterThan(50);
      // About 10 s alone for 2,000; a busy machine running every test file at once can triple that.
    },
    60_000 + RUNS * 60,
  );
});
