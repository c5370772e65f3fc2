import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { pgConfigFromUrl } from "./pg-config";

export type Db = PrismaClient;

export interface DbOptions {
  /** Pool size. The embedded database runs one transaction at a time, so it wants few. */
  poolSize?: number;
}

/**
 * A Prisma client over `pg` through the driver adapter: the same path for the
 * production database and the embedded one (reached over its socket server).
 */
export function createDb(databaseUrl: string, { poolSize = 10 }: DbOptions = {}): Db {
  const pool = new pg.Pool(pgConfigFromUrl(databaseUrl, { max: poolSize }));
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

let processDb: Db | undefined;

/** The one client of this process; `connectDb` must have been called at start-up. */
export function db(): Db {
  if (!processDb) throw new Error("The database is not connected: call connectDb(url) at start-up.");
  return processDb;
}

export function connectDb(databaseUrl: string, options?: DbOptions): Db {
  processDb ??= createDb(databaseUrl, options);
  return processDb;
}

export async function disconnectDb(): Promise<void> {
  const current = processDb;
  processDb = undefined;
  await current?.$disconnect();
}
