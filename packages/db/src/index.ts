export {
  connectDb,
  createDb,
  disconnectDb,
  EMBEDDED_DB_DEFAULTS,
  PgQuery,
  pgTypeParser,
  poolOf,
  probeDb,
  SERVER_DB_DEFAULTS,
  type Db,
  type DbOptions,
} from "./client";
export { Prisma } from "./generated/prisma/client";
export type * as Models from "./generated/prisma/client";

/** A Prisma interactive-transaction client. */
export type Tx = Omit<import("./client").Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { listenForNotifications } from "./notifications";
/** The driver's types, for the API's store, which runs SQL on the pool of `poolOf` (the one pool of the process). */
export type { Pool as PgPool, QueryResultRow } from "pg";
