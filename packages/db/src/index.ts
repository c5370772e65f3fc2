export { connectDb, createDb, disconnectDb, EMBEDDED_DB_DEFAULTS, probeDb, SERVER_DB_DEFAULTS, type Db, type DbOptions } from "./client";
export { Prisma, PrismaClient } from "./generated/prisma/client";
export type * as Models from "./generated/prisma/client";

/** A Prisma interactive-transaction client. */
export type Tx = Omit<import("./client").Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export { listenForNotifications } from "./notifications";
