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
  legacyStatuses,
  sessionViewSchema,
  warningSchema,
  type LegacyStatus,
} from "@plano/schema";
import type { z } from "zod";
import { commonParams } from "../params/common";
import { paramNameOf, type ParamSpecs } from "../params/param-spec";
import { fullPathOf, legacyRoutes } from "../routes/catalog";
import type { LegacyRoute, ResponseData } from "../routes/define";
import {
  dateSpelling,
  dateTimeSpelling,
  fieldParamSchema,
  paramSchema,
  toJsonSchema,
  withLegacyNames,
  type JsonSchema,
} from "./json-schema";

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
    const spelling = field?.type === "date" ? dateSpelling : field?.type === "datetime" ? dateTimeSpelling : undefined;
    const nullable = property.isNullable() ? ["string", "null"] : "string";
    schema.properties[legacy] = {
      ...(spelling ? { type: nullable, "x-spelling": spelling } : schema.properties[legacy]),
      ...(field ? { description: field.description } : {}),
    };
  }
  schema.properties.updated_at_mt = { type: "string", description: "The record's version: send it back unchanged with the next update." };
  return schema as JsonSchema;
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
        "A path under /api/v1 that does not exist answers route-non-existent.\n\nStatuses:\n" +
        seedStatusTable,
    },
    paths: Object.fromEntries(legacyRoutes.map((route) => [fullPathOf(route), { post: operation(route) }])),
    components: {
      schemas: {
        Appointment: appointmentRecordSchema(),
        HistoryEntry: withLegacyNames(toJsonSchema(appointmentChangeSchema)),
        Session: {
          ...(withLegacyNames(toJsonSchema(sessionViewSchema)) as JsonSchema),
          description: "session_view basic: user, remember_me, expires_at; full adds created_at, last_used_at and roles.",
          required: ["user", "remember_me", "expires_at"],
        },
        Warning: withLegacyNames(toJsonSchema(warningSchema)),
      },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "The token, when it is not sent as the token parameter." } },
    },
  };
}
