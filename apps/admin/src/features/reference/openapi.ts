import "server-only";
/**
 * The legacy API's OpenAPI document, as the API server publishes it, read
 * into what the reference page shows: per route its parameters (name, type,
 * required, description, possible values) and statuses, as the seed's
 * reference pages list them.
 */
import { fieldByLegacyName } from "@plano/schema";
import { apiServerUrl } from "~/lib/api-server";

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  description?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  readOnly?: boolean;
  "x-spelling"?: string;
  contentSchema?: JsonSchema;
}

interface Operation {
  summary?: string;
  description?: string;
  "x-statuses"?: string[];
  "x-sensitive"?: boolean;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** A status as the document's `x-status-table` describes it (the REST adapter's status table). */
interface StatusSpec {
  http: number;
  description: string;
  kind: "common" | "uncommon" | "extension";
}

interface OpenApiDocument {
  info: { title: string; description?: string };
  "x-status-table"?: Record<string, StatusSpec>;
  paths: Record<string, { post?: Operation }>;
}

export interface ParameterDoc {
  name: string;
  type: string;
  required: boolean;
  description: string;
  spelling: string | undefined;
  possibleValues: string[];
  setByServer: boolean;
}

export interface StatusDoc {
  status: string;
  http: number | undefined;
  description: string;
  uncommon: boolean;
}

export interface RouteDoc {
  path: string;
  summary: string;
  description: string;
  sensitive: boolean;
  parameters: ParameterDoc[];
  /** Alternatives the route needs one of, e.g. ["id", "uuid"]. */
  oneOf: string[];
  statuses: StatusDoc[];
}

/** The seed's vocabulary: a field's legacy type where it is one, else the JSON type. */
function typeOf(name: string, schema: JsonSchema): string {
  const legacy = fieldByLegacyName.get(name)?.type;
  if (legacy) return legacy;
  const type = schema.type ?? schema.anyOf?.[0]?.type ?? "string";
  return Array.isArray(type) ? type.filter((t) => t !== "null").join(" | ") : type;
}

function parametersOf(operation: Operation): { parameters: ParameterDoc[]; oneOf: string[] } {
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  const schema = body?.contentSchema ?? body ?? {};
  const required = new Set(schema.required ?? []);
  const oneOf = ((schema as { anyOf?: { required?: string[] }[] }).anyOf ?? []).flatMap((choice) => choice.required ?? []);
  const parameters = Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeOf(name, property),
    required: required.has(name),
    description: property.description ?? "-",
    spelling: property["x-spelling"],
    possibleValues: (property.enum ?? []).map(String),
    setByServer: property.readOnly === true,
  }));
  return { parameters, oneOf };
}

function statusOf(status: string, table: Record<string, StatusSpec>): StatusDoc {
  const spec = table[status];
  return { status, http: spec?.http, description: spec?.description ?? "", uncommon: spec?.kind === "uncommon" };
}

export async function loadApiReference(): Promise<{ title: string; routes: RouteDoc[] }> {
  const response = await fetch(`${apiServerUrl()}/api/v1/openapi.json`, { cache: "no-store" });
  if (!response.ok) throw new Error(`The API server answered ${response.status} for its OpenAPI document.`);
  const document = (await response.json()) as OpenApiDocument;
  const routes = Object.entries(document.paths).flatMap(([path, item]) => {
    const operation = item.post;
    if (!operation) return [];
    return [
      {
        path,
        summary: operation.summary ?? path,
        description: operation.description ?? "",
        sensitive: operation["x-sensitive"] === true,
        ...parametersOf(operation),
        statuses: (operation["x-statuses"] ?? []).map((status) => statusOf(status, document["x-status-table"] ?? {})),
      },
    ];
  });
  return { title: document.info.title, routes };
}
