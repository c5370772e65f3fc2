/**
 * What a legacy route is: its path and registry defaults, the parameters it
 * reads, the API input it feeds (for the OpenAPI document), and `run`, which
 * calls the tRPC procedures and shapes `data`. Parsing, authentication
 * errors and the envelope are the handler's, the same for every route.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { createCaller } from "@plano/api";
import type { LegacyDateOptions, SessionView, Warning } from "@plano/schema";
import type { LegacyStatus } from "../statuses";
import type { z } from "zod";
import type { ArgsOf, ParamSpecs } from "../params/param-spec";
import type { LegacyValue } from "../params/parse-value";

/** The kinds of `data` a successful answer carries. */
export type ResponseData = "appointment" | "appointment-page" | "history" | "client-registration";

export type ApiCaller = ReturnType<typeof createCaller>;

/** The registry's services: each can be switched off as a whole. */
export const legacyServices = ["appointments", "users"] as const;
export type LegacyServiceName = (typeof legacyServices)[number];

export interface RouteCall<P extends ParamSpecs> {
  api: ApiCaller;
  args: ArgsOf<P>;
  /** The appointment fields sent, by API name (routes that take fields). */
  patch: Record<string, LegacyValue | null>;
  /** How the client writes dates, and so how they are written back. */
  format: LegacyDateOptions;
  headers: IncomingHttpHeaders;
}

export interface RouteResult {
  data: Record<string, unknown>;
  /** The API's warnings, e.g. a photographer's overlapping appointments. */
  warnings?: readonly Warning[];
  /** The session, when the procedure returned it; otherwise the handler asks `auth.me`. */
  session?: SessionView | null;
}

export interface LegacyRoute<P extends ParamSpecs = ParamSpecs> {
  /** Under `/api/v1`, e.g. `/appointments/update`. */
  path: string;
  service: LegacyServiceName;
  summary: string;
  description: string;
  /** The success message, a plain sentence. */
  done: string;
  /** The registry's default: the body comes base64-encoded. */
  sensitive: boolean;
  /** Parameters beyond the common ones (`token`, `application`, `session_view`, `month_first`). */
  params: P;
  /** Takes the appointment's fields (create, update). */
  takesFields: boolean;
  /** The procedure's input schema: its required keys and limits go into the OpenAPI document. */
  input?: z.ZodType;
  /** What `data` holds on success (the OpenAPI document describes each). */
  responds: ResponseData;
  /** Statuses this route can answer beyond the ones every route can. */
  statuses: readonly LegacyStatus[];
  run(call: RouteCall<P>): Promise<RouteResult>;
}

/** Keeps `P` precise so that `run` sees typed arguments. */
export function defineRoute<const P extends ParamSpecs>(route: LegacyRoute<P>): LegacyRoute<P> {
  return route;
}

export const LEGACY_BASE_PATH = "/api/v1";
