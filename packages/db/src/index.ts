export { connectDb, createDb, db, disconnectDb, EMBEDDED_DB_DEFAULTS, pgTypeParser, poolOf, probeDb, SERVER_DB_DEFAULTS, type Db, type DbOptions } from "./client";
export { Prisma, PrismaClient } from "./generated/prisma/client";
export type * as Models from "./generated/prisma/client";
export { pgConfigFromUrl } from "./pg-config";

/** A Prisma interactive-transaction client. */
export type Tx = Omit<import("./client").Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { listenForNotifications, type ListenOptions, type NotificationListener } from "./notifications";
/** The driver's types, for the API's store, which runs SQL on the pool of `poolOf` (the one pool of the process). */
export type { Pool as PgPool, PoolClient as PgPoolClient, QueryResultRow } from "pg";
