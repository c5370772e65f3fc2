/**
 * The OpenAPI document is generated from the route catalogue, the field table
 * and the zod schemas: it lists every route, parameter and status the handler
 * has, with the API's required fields and limits.
 */
import { appointmentFields } from "@plano/schema";
import { legacyStatuses } from "../src/statuses";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "@plano/testing/fixtures";
import { buildOpenApiDocument, legacyRoutes, OPENAPI_PATH } from "../src";
import { sendRaw, startApiServer, type TestServer } from "./harness";

type Operation = {
  requestBody: { content: Record<string, { schema: any }> };
  responses: Record<string, { description: string; content: { "application/json": { schema: any } } }>;
  "x-statuses": string[];
};

const document = buildOpenApiDocument();
const operation = (path: string) => (document.paths as Record<string, { post: Operation }>)[`/api/v1/appointments/${path}`]!.post;
const schemas = document.components.schemas as Record<string, any>;
const paramsOf = (path: string) => operation(path).requestBody.content["application/x-www-form-urlencoded"]!.schema;

describe("the OpenAPI document", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  beforeAll(async () => {
    database = await freshDatabase();
    server = await startApiServer({ db: database.db });
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
  });

  it("is served at GET /api/v1/openapi.json as OpenAPI 3.1 with every route", async () => {
    const answer = await sendRaw(server.url, OPENAPI_PATH, { method: "GET" });
    expect(answer.http).toBe(200);
    const served = JSON.parse(answer.text);
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths).sort()).toEqual(legacyRoutes.map((route) => `/api/v1${route.path}`).sort());
  });

  it("takes every appointment field on update and create, with the API's required parameters", () => {
    const update = paramsOf("update");
    for (const field of appointmentFields) expect(update.properties).toHaveProperty(field.legacy);
    expect(update.required).toEqual(["token", "updated_at_mt"]);
    expect(update.anyOf).toEqual([{ required: ["id"] }, { required: ["uuid"] }]);
    expect(paramsOf("create").required).toEqual(["token", "office_id"]);
    // The API calls it `reason`; the legacy parameter is cancel_reason.
    expect(paramsOf("cancel").required).toEqual(["token", "cancel_reason"]);
  });

  it("carries the API's limits and the legacy spellings", () => {
    const { properties } = paramsOf("update");
    expect(properties.summary).toMatchObject({ type: "string", maxLength: 500 });
    expect(properties.summary.description).toContain("Empty clears it.");
    expect(properties.window_time_start.anyOf[0]).toMatchObject({ type: "integer", minimum: 0, maximum: 1440 });
    expect(properties.optional.anyOf[1].enum).toEqual(["true", "false", "1", "0", "yes", "no"]);
    expect(properties.optional.description).toContain("Empty means false.");
    expect(properties.confirmed_at).toMatchObject({ readOnly: true });
    expect(properties.session_view).toMatchObject({ enum: ["none", "basic", "full"], default: "basic" });
    expect(properties.application.enum).toEqual(["planoauth", "planoorder", "planox2"]);
  });

  it("lists each route's statuses under their HTTP codes, update-conflict and mandrill-email-failed where they apply", () => {
    const statusesAt = (path: string, code: number) => operation(path).responses[String(code)]!.content["application/json"].schema.properties.status.enum;
    expect(statusesAt("update", 409)).toEqual(["update-conflict"]);
    expect(statusesAt("confirm", 500)).toEqual(["application-crash", "identify-request-error", "mandrill-email-failed"]);
    expect(operation("get").responses).not.toHaveProperty("409");
    expect(statusesAt("get", 400)).toEqual(["missing-param", "invalid-param", "invalid-content-type", "no-params-decoded", "invalid-encoded-params"]);
    for (const route of legacyRoutes) {
      const post = (document.paths as Record<string, { post: Operation }>)[`/api/v1${route.path}`]!.post;
      for (const status of post["x-statuses"]) {
        expect(post.responses[String(legacyStatuses[status as keyof typeof legacyStatuses].http)]!.description).toContain(status);
      }
    }
  });

  it("describes a sensitive route's body as base64 of the parameters", () => {
    const register = (document.paths as Record<string, { post: Operation }>)["/api/v1/users/client_register"]!.post;
    expect(register.requestBody.content["application/json"]!.schema).toMatchObject({
      type: "string",
      contentEncoding: "base64",
      contentMediaType: "application/json",
      contentSchema: { type: "object", required: ["token"] },
    });
  });

  it("describes records in legacy names, dates spelled per month_first", () => {
    const appointment = schemas.Appointment.properties;
    expect(appointment.date_start_local).toMatchObject({ type: ["string", "null"], "x-spelling": "YYYY-MM-DD, or MM/DD/YYYY with month_first" });
    expect(appointment.updated_at_mt.description).toContain("send it back with the next update");
    expect(Object.keys(appointment)).toEqual(expect.arrayContaining(["id", "uuid", "office_time_zone", "starts_at", "cancel_reason"]));
  });
});
