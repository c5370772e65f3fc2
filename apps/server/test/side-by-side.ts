/**
 * The equivalence tests' two servers: the lean tRPC handler and tRPC's own
 * node adapter over the same router and context, each on loopback and each
 * noting the errors it reports, so a test can ask both the same and compare.
 */
import http from "node:http";
import { createContext, credentialsFromHeaders, type ChangeHub } from "@plano/api";
import type { TestDatabase } from "@plano/testing/database";
import type { AnyTRPCRouter, TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { cookieJar } from "../src/cookies";
import { createTrpcHandler } from "../src/trpc-handler";
import { listenOnLoopback } from "./listening";

export interface Side {
  origin: string;
  /** Each error the server reported, as its code and path. */
  reported: [code: string, path: string | undefined][];
}

type ContextOf = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export async function bothHandlers<R extends AnyTRPCRouter>(router: R, context: ContextOf) {
  const options = (reported: Side["reported"]) => ({
    router,
    basePath: "/api/trpc/",
    createContext: ({ req, res }: { req: http.IncomingMessage; res: http.ServerResponse }) => context(req, res) as never,
    onError: ({ error, path }: { error: TRPCError; path: string | undefined }) => void reported.push([error.code, path]),
  });
  const side = async (handler: (reported: Side["reported"]) => http.RequestListener) => {
    const reported: Side["reported"] = [];
    const listening = await listenOnLoopback(http.createServer(handler(reported)));
    return { origin: listening.origin, reported, stop: listening.stop };
  };
  const lean = await side((reported) => createTrpcHandler(options(reported)));
  const adapter = await side((reported) => createHTTPHandler(options(reported)));
  return { lean, adapter, stop: () => Promise.all([lean.stop(), adapter.stop()]) };
}

/** The API's context as the server makes it from a request's bearer token or cookie, with the test's clock. */
export function apiContext(database: TestDatabase, options: { clock: () => Date; changes?: ChangeHub }): ContextOf {
  return (req, res) =>
    createContext({
      db: database.db,
      credentials: credentialsFromHeaders(req.headers).credentials,
      channel: "trpc",
      clock: options.clock,
      cookies: cookieJar(res, { secure: false }),
      changes: options.changes,
    });
}
