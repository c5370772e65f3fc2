/**
 * The `/api/v1` request handler. A request goes through the same steps on
 * every route, each with the seed's status for what can go wrong there:
 *
 *  1. identify the route: the code's catalogue (route-non-existent), then the
 *     registry's switches (route-not-found, service-not-found; a registry that
 *     cannot be read is identify-request-error);
 *  2. decode the body (invalid-content-type, invalid-encoded-params, no-params-decoded);
 *  3. read the parameters (missing-param, invalid-param; unknown ones become warnings);
 *  4. call the tRPC procedures through the server-side caller, and answer
 *     with their result or their failure in the seed's vocabulary.
 *
 * Anything else is application-crash: logged with the request id, which the
 * answer names, and nothing of the error itself.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createCaller, createContext, credentialsFromHeaders, requestIdFrom, tokenKind, type AppointmentMailer } from "@plano/api";
import type { Db } from "@plano/db";
import { failureFromApi, type FailureContext } from "./api-errors";
import { failureReply, LegacyFailure, missingParam, sendReply, type LegacyReply, type LegacyWarning } from "./envelope";
import { OPENAPI_PATH, sendOpenApiDocument } from "./openapi/serve";
import { legacyWarnings } from "./output/records";
import { sessionObject, type SessionViewName } from "./output/session";
import { commonParams } from "./params/common";
import { readArgs, readFields, unknownParamWarnings } from "./params/read-params";
import { createRouteRegistry, type RouteRegistry } from "./registry";
import { decodeBody, decodeUrlEncoded } from "./request/decode-body";
import { routesByFullPath } from "./routes/catalog";
import type { LegacyRoute } from "./routes/define";

export interface LegacyHandlerOptions {
  db: Db;
  mailer?: AppointmentMailer;
  clock?: () => Date;
  /** How long one read of the route registry serves (ms): CLI switches take effect within it. Default 1000. */
  registryCacheMs?: number;
  /** Where failures are logged; default `console.error`. */
  log?: (message: string, error: unknown) => void;
}

function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0]!.replace(/(.)\/+$/, "$1");
}

function routeNonExistent(method: string, path: string, route: LegacyRoute | undefined): LegacyFailure {
  const message = route ? `${path} takes POST requests, not ${method}.` : `No route ${method} ${path} exists.`;
  return new LegacyFailure("route-non-existent", message);
}

function crashReply(requestId: string): LegacyReply {
  return {
    status: "application-crash",
    message: `An internal error occurred; please try again later. If it persists, quote request id ${requestId}.`,
    warnings: [],
  };
}

export function createLegacyHandler(options: LegacyHandlerOptions) {
  const { db, mailer, clock } = options;
  const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
  const registry: RouteRegistry = createRouteRegistry(db, { cacheMs: options.registryCacheMs ?? 1000, log });

  /** Step 1: which route, and is it switched on. */
  async function identify(req: IncomingMessage, path: string, requestId: string): Promise<LegacyReply> {
    const method = req.method ?? "GET";
    const route = routesByFullPath.get(path);
    if (!route || method !== "POST") return failureReply(routeNonExistent(method, path, route), []);
    let switches: Awaited<ReturnType<RouteRegistry["switchesOf"]>>;
    try {
      switches = await registry.switchesOf(path);
    } catch (error) {
      log(`[${requestId}] legacy ${path}: the route registry could not be read:`, error);
      const message = `The request could not be identified; please try again later. If it persists, quote request id ${requestId}.`;
      return failureReply(new LegacyFailure("identify-request-error", message), []);
    }
    if (!switches?.deployed) return failureReply(new LegacyFailure("route-not-found", `The route ${path} is not deployed.`), []);
    if (!switches.serviceDeployed) {
      return failureReply(new LegacyFailure("service-not-found", `The ${route.service} service of ${path} is not deployed.`), []);
    }
    return serve(route, switches.sensitive, req, requestId);
  }

  /**
   * Steps 2–3: the body, then the parameters. Fills in `context` (how to write
   * dates and sessions back) and `warnings` as it learns them, since a failure
   * later on still answers with both.
   */
  async function readRequest(route: LegacyRoute, sensitive: boolean, req: IncomingMessage, context: FailureContext, warnings: LegacyWarning[]) {
    const body = await decodeBody(req, { sensitive });
    warnings.push(...body.warnings);
    mergeQueryParams(req.url, body.params, warnings);
    const { credentials } = credentialsFromHeaders(req.headers);
    if (body.params.size === 0 && !credentials.token) {
      throw new LegacyFailure("no-params-decoded", "The request body was decoded, but it holds no parameters.");
    }
    const consumed = new Set<string>();
    const common = readArgs(body.params, commonParams, context.format, consumed);
    context.format = { monthFirst: common.month_first };
    context.sessionView = common.session_view as SessionViewName;
    const token = common.token ?? credentials.token;
    context.token = token;
    if (!token) throw missingParam("token", "token is required (as a parameter, or as an Authorization: Bearer header).");

    const args = readArgs(body.params, route.params, context.format, consumed);
    const fields = route.takesFields ? readFields(body.params, context.format, consumed) : undefined;
    warnings.push(...(fields?.warnings ?? []), ...unknownParamWarnings(body.params, consumed));
    return { credentials: { token, application: common.application ?? credentials.application }, args, patch: fields?.patch ?? {} };
  }

  /**
   * Parameters in the query string are read like the body's (FileMaker scripts
   * build URLs as often as bodies); the body wins on a clash. A token in a URL
   * ends up in logs and proxies, so it is answered with a warning.
   */
  function mergeQueryParams(url: string | undefined, params: Map<string, unknown>, warnings: LegacyWarning[]): void {
    const query = (url ?? "").split("?").slice(1).join("?");
    if (query === "") return;
    for (const [name, value] of decodeUrlEncoded(Buffer.from(query, "latin1"), undefined)) {
      if (name === "token") {
        warnings.push({
          code: "token-in-url",
          field: "token",
          message: "token was sent in the URL, where logs and proxies keep it; send it in the body or an Authorization: Bearer header.",
        });
      }
      if (params.has(name)) {
        warnings.push({ code: "ignored-param", field: name, message: `${name} was sent in both the URL and the body; the body's value was used.` });
      } else params.set(name, value);
    }
  }

  /** Steps 2–4. */
  async function serve(route: LegacyRoute, sensitive: boolean, req: IncomingMessage, requestId: string): Promise<LegacyReply> {
    const warnings: LegacyWarning[] = [];
    const context: FailureContext = { params: route.params, format: { monthFirst: false }, sessionView: "basic" };
    try {
      const { credentials, args, patch } = await readRequest(route, sensitive, req, context, warnings);
      const api = createCaller(createContext({ db, credentials, channel: "rest", clock, mailer, requestId }));
      const result = await route.run({ api, args, patch, format: context.format, headers: req.headers });
      // The session as it is after the call (its last use is now), unless the procedure returned it already.
      // Application tokens have none: asking would cost every FileMaker request a second authentication.
      const wanted = context.sessionView !== "none" && tokenKind(credentials.token) === "session";
      const session = result.session !== undefined || !wanted ? result.session : (await api.auth.me()).session;
      const sessionShown = sessionObject(session, context.sessionView, context.format);
      return {
        status: "action-successful",
        message: route.done,
        data: result.data,
        ...(sessionShown ? { session: sessionShown } : {}),
        warnings: [...warnings, ...legacyWarnings(result.warnings ?? [], context.format)],
      };
    } catch (error) {
      const failure = error instanceof LegacyFailure ? error : failureFromApi(error, context);
      if (!failure) throw error;
      return failureReply(failure, warnings);
    }
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdFrom(req.headers);
    const path = pathOf(req.url);
    if (path === OPENAPI_PATH && (req.method === "GET" || req.method === "HEAD")) return sendOpenApiDocument(res, requestId);
    let reply: LegacyReply;
    try {
      reply = await identify(req, path, requestId);
    } catch (error) {
      log(`[${requestId}] legacy ${req.method} ${path} crashed:`, error);
      reply = crashReply(requestId);
    }
    if (!res.headersSent) sendReply(res, reply, requestId);
  };
}
