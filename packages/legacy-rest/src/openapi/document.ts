/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the route catalogue,
 * the field table and the zod schemas, so it cannot drift from what the
 * handler accepts. The admin's reference page is rendered from it too.
 */
import {
  appointmentChangeSchema,
  appointmentFields,
  appointmentSchema,
  appointmentWritableShape,
  fieldByKey,
  legacyName,
  sessionViewSchema,
  warningSchema,
} from "@plano/schema";
import { CSRF_HEADER, SESSION_COOKIE } from "@plano/api";
import type { z } from "zod";
import { legacyTypeOf } from "../output/records";
import { legacyStatuses, type LegacyStatus } from "../statuses";
import { commonParams } from "../params/common";
import { paramNameOf, type ParamSpecs } from "../params/param-spec";
import { fullPathOf, legacyRoutes } from "../routes/catalog";
import type { LegacyRoute, ResponseData } from "../routes/define";
import { dateSpelling, dateTimeSpelling, fieldParamSchema, paramSchema, toJsonSchema, withLegacyNames, type JsonSchema } from "./json-schema";

/** Statuses any route can answer; a route lists the ones only it can. */
export const everyRouteStatuses: readonly LegacyStatus[] = [
  "action-successful",
  "invalid-token",
  "session-expired",
  "client-required",
  "missing-param",
  "invalid-param",
  "application-crash",
  "invalid-content-type",
  "no-params-decoded",
  "invalid-encoded-params",
  "route-not-found",
  "identify-request-error",
  "service-not-found",
];

export function statusesOf(route: LegacyRoute): LegacyStatus[] {
  return [...everyRouteStatuses, ...route.statuses];
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const operationIdOf = (route: LegacyRoute) => route.path.slice(1).replace(/\W+/g, "_");

const writableShape: Readonly<Record<string, z.ZodType>> = appointmentWritableShape;

function requestSchema(route: LegacyRoute): JsonSchema {
  const params: ParamSpecs = { ...commonParams, ...route.params };
  const properties: Record<string, JsonSchema> = Object.fromEntries(Object.entries(params).map(([name, spec]) => [name, paramSchema(spec)]));
  if (route.takesFields) {
    for (const field of appointmentFields) properties[field.legacy] ??= fieldParamSchema(field, writableShape[field.key]);
  }
  const apiRequired = route.input ? ((toJsonSchema(route.input, "input").required as string[] | undefined) ?? []) : [];
  const required = ["token", ...apiRequired.map((key) => paramNameOf(key, route.params))].filter((name) => name in properties);
  const identifiedBy = "id" in route.params && "uuid" in route.params ? { anyOf: [{ required: ["id"] }, { required: ["uuid"] }] } : {};
  return { type: "object", properties, required, ...identifiedBy, additionalProperties: true };
}

/**
 * The parameters sit inline in each media type rather than behind a $ref:
 * readers such as the admin's reference page take the schema as it stands.
 */
function requestBody(route: LegacyRoute) {
  const params = requestSchema(route);
  // A sensitive route takes the same parameters, base64-encoded as a whole.
  const schemaFor = (mediaType: string) =>
    route.sensitive ? { type: "string", contentEncoding: "base64", contentMediaType: mediaType, contentSchema: params } : params;
  const mediaTypes = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"];
  return { required: true, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: schemaFor(type) }])) };
}

const dataSchemas: Record<ResponseData, JsonSchema> = {
  appointment: { type: "object", properties: { appointment: ref("Appointment") }, required: ["appointment"] },
  "appointment-page": {
    type: "object",
    properties: { appointments: { type: "array", items: ref("Appointment") }, next_cursor: { type: ["string", "null"] } },
    required: ["appointments", "next_cursor"],
  },
  history: { type: "object", properties: { history: { type: "array", items: ref("HistoryEntry") } }, required: ["history"] },
  "client-registration": { type: "object", properties: { client_id: { type: "integer" } }, required: ["client_id"] },
};

/** `data` of a failure: the parameter at fault, and for some statuses the record. */
const failureData: JsonSchema = {
  type: "object",
  properties: {
    param: { type: "string", description: "The parameter at fault (missing-param, invalid-param, update-conflict)." },
    params: { type: "array", items: { type: "string" }, description: "Every parameter involved." },
    appointment: { ...ref("Appointment"), description: "update-conflict: the current record; mandrill-email-failed: the saved record." },
  },
};

function envelope(statuses: LegacyStatus[], data: JsonSchema): JsonSchema {
  return {
    type: "object",
    properties: {
      status: { type: "string", enum: statuses },
      message: { type: "string" },
      data,
      session: ref("Session"),
      warnings: { type: "array", items: ref("Warning") },
    },
    required: ["status", "message", "warnings"],
  };
}

function responses(route: LegacyRoute) {
  const byCode = new Map<number, LegacyStatus[]>();
  for (const status of statusesOf(route)) {
    const code = legacyStatuses[status].http;
    byCode.set(code, [...(byCode.get(code) ?? []), status]);
  }
  return Object.fromEntries(
    [...byCode].map(([code, statuses]) => [
      String(code),
      {
        description: statuses.map((status) => `${status}: ${legacyStatuses[status].description}`).join("\n\n"),
        content: { "application/json": { schema: envelope(statuses, code === 200 ? dataSchemas[route.responds] : failureData) } },
      },
    ]),
  );
}

function operation(route: LegacyRoute) {
  const sensitive = route.sensitive ? " Sensitive (by default; the route registry decides): the body is base64-encoded." : "";
  return {
    operationId: operationIdOf(route),
    tags: [route.service],
    summary: route.summary,
    description: `${route.description}${sensitive}`,
    "x-sensitive": route.sensitive,
    "x-statuses": statusesOf(route),
    requestBody: requestBody(route),
    responses: responses(route),
  };
}

/** The appointment record: the API's appointment, in legacy names, with dates spelled per month_first. */
function appointmentRecordSchema(): JsonSchema {
  const schema = withLegacyNames(toJsonSchema(appointmentSchema)) as { properties: Record<string, JsonSchema> };
  for (const [key, property] of Object.entries(appointmentSchema.shape)) {
    const field = fieldByKey.get(key);
    const legacy = legacyName(key);
    const type = legacyTypeOf(key);
    const spelling = type === "date" ? dateSpelling : type === "datetime" ? dateTimeSpelling : undefined;
    const nullable = property.isNullable() ? ["string", "null"] : "string";
    schema.properties[legacy] = {
      ...(spelling ? { type: nullable, "x-spelling": spelling } : schema.properties[legacy]),
      ...(field ? { description: field.description } : {}),
    };
  }
  schema.properties.updated_at_mt = {
    type: "string",
    "x-spelling": dateTimeSpelling,
    description:
      "The record's version, send it back with the next update. `_mt` is the modification timestamp: the instant of the last write, " +
      "in UTC like every timestamp here (ISO 8601 to the millisecond, or MM/DD/YYYY HH:MM:SS with month_first). It is not Mountain Time: " +
      "a value sent back with an offset (e.g. -06:00) is read with it, one without as UTC. Every spelling the API returns is accepted back, " +
      "also cut to the whole second as a FileMaker timestamp field keeps it: writes are a whole second apart, so a whole-second version " +
      "names exactly one version. An update that changes nothing writes nothing and keeps the version.",
  };
  return schema as JsonSchema;
}

/** Timestamps in a legacy reply are spelled per month_first: no ISO `format` holds for them. */
function asLegacyInstant(schema: JsonSchema): JsonSchema {
  const nullable = Array.isArray(schema.anyOf) || (Array.isArray(schema.type) && schema.type.includes("null"));
  return { type: nullable ? ["string", "null"] : "string", "x-spelling": dateTimeSpelling };
}

function sessionSchema(): JsonSchema {
  const schema = withLegacyNames(toJsonSchema(sessionViewSchema)) as { properties: Record<string, JsonSchema> };
  for (const key of ["created_at", "last_used_at", "expires_at"]) schema.properties[key] = asLegacyInstant(schema.properties[key]!);
  schema.properties.token = {
    type: "string",
    description: "client-required only: the session's token, which /api/v1/users/client_register needs (the seed).",
  };
  return {
    ...schema,
    description: "session_view basic: user, remember_me, expires_at; full adds created_at, last_used_at and roles.",
    required: ["user", "remember_me", "expires_at"],
  };
}

function historySchema(): JsonSchema {
  const schema = withLegacyNames(toJsonSchema(appointmentChangeSchema)) as { properties: Record<string, JsonSchema> };
  if (schema.properties.at) schema.properties.at = asLegacyInstant(schema.properties.at);
  return schema;
}

const seedStatusTable = Object.entries(legacyStatuses)
  .map(([status, spec]) => `- \`${status}\` (HTTP ${spec.http}${spec.kind === "extension" ? ", beyond the seed" : ""}): ${spec.description}`)
  .join("\n");

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Plano Appointments legacy API",
      version: "1",
      description:
        "The FileMaker-era appointment API under /api/v1. Every route takes POST with a JSON, form-encoded or multipart body " +
        "and answers JSON `{status, message, data, session, warnings}`. Unknown parameters are ignored and listed in warnings. " +
        "The token may come as an Authorization: Bearer header instead, and then counts as a parameter (no-params-decoded). " +
        "A role that may not do something, or an appointment the caller may not see, answers invalid-param naming application or id. " +
        "A path under /api/v1 that does not exist answers route-non-existent. " +
        "Parameters may also come in the query string, read like the body's; the body wins on a clash, and a token in the URL is " +
        "answered with a warning (token-in-url). Form bodies honour charset= (UTF-8, ISO-8859-1, windows-1252); without one they are " +
        "UTF-8, and a value that is not is refused as invalid-encoded-params naming its parameter (never guessed, never stored as U+FFFD). " +
        "Values are trimmed (FileMaker appends a CR). An update is a whole-layout save: a value equal to the stored one (in any " +
        "accepted spelling) is no change, and the schedule is derived from the changed fields. Setting confirmed or cancelled through " +
        "update is confirming or cancelling (same stamps, same client email, mandrill-email-failed if it fails); moving or " +
        "reassigning an appointment emails the client and the photographers concerned.\n\nStatuses:\n" +
        seedStatusTable,
    },
    paths: Object.fromEntries(legacyRoutes.map((route) => [fullPathOf(route), { post: operation(route) }])),
    components: {
      schemas: {
        Appointment: appointmentRecordSchema(),
        HistoryEntry: historySchema(),
        Session: sessionSchema(),
        Warning: withLegacyNames(toJsonSchema(warningSchema)),
      },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "The token, when it is not sent as the token parameter." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: `The admin's session cookie (set by logging in); counts only together with the ${CSRF_HEADER} header.`,
        },
        csrfHeader: { type: "apiKey", in: "header", name: CSRF_HEADER, description: "Any value; a cross-site form cannot send it." },
      },
    },
    // Any one of these authenticates; the empty alternative is the token parameter in the body (the seed's way).
    security: [{}, { bearer: [] }, { sessionCookie: [], csrfHeader: [] }],
    /** Every status with its HTTP code, kind and meaning, for readers such as the admin's reference page. */
    "x-status-table": legacyStatuses,
  };
}
