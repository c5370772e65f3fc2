/**
 * Offline migrations through Prisma's own schema engine, compiled to WebAssembly.
 *
 * The Prisma CLI would download a native schema-engine binary, which cannot be
 * fetched on an offline machine. `@prisma/schema-engine-wasm` is the same engine,
 * driven through a driver adapter; it writes the standard `_prisma_migrations`
 * table, so `prisma migrate deploy` stays valid wherever the binary is available.
 */
import { randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolConfig } from "pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { pgConfigFromUrl } from "./pg-config";
import { prismaDir } from "./paths";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");

/**
 * The engine arms a long timer after each command; unref'd, it no longer keeps
 * a finished CLI process alive for ten seconds. Active commands still hold
 * their sockets, so nothing is cut short.
 */
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = { ...imports };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

let enginePromise: Promise<SchemaEngineModule> | undefined;

/**
 * Node 20 cannot `import` a .wasm file, so instantiate the module by hand and
 * hand it to the wasm-bindgen glue, which is what the package's entry does.
 */
function loadSchemaEngine(): Promise<SchemaEngineModule> {
  enginePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(gluePath)) as SchemaEngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": withUnrefTimers(glue as unknown as WebAssembly.ModuleImports),
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return enginePromise;
}

export const migrationsDir = path.join(prismaDir, "migrations");
export const schemaPath = path.join(prismaDir, "schema.prisma");

async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const lockfilePath = "migration_lock.toml";
  const lockContent = await readFile(path.join(dir, lockfilePath), "utf8").catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => ({
        path: entry.name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, entry.name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return { baseDir: dir, lockfile: { path: lockfilePath, content: lockContent }, shadowDbInitScript: "", migrationDirectories };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * A pool for the schema engine. Describing a schema reads catalog columns of
 * Postgres' one-byte `"char"` type, which the driver adapter cannot map; they
 * are plain text, so they are reported as such.
 */
function introspectionPool(config: PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  // pg's query() has many overloads; the adapter uses the promise form only.
  const query = pool.query.bind(pool) as (config: pg.QueryConfig, values?: unknown[]) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig, values?: unknown[]) => {
    const result = await query(config, values);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  }) as typeof pool.query;
  return pool;
}

type Connected = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * PrismaPg's `executeScript` splits a migration on every ";", which cuts a
 * function body (a trigger's `$$ … $$`) into pieces. Postgres runs a
 * multi-statement script itself (simple query protocol, one implicit
 * transaction), so the script goes to it whole; errors are mapped as before.
 */
function withWholeScripts(connection: Connected, pool: pg.Pool): Connected {
  const mapError = (connection as unknown as { onError(error: unknown): never }).onError.bind(connection);
  connection.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      mapError(error);
    }
  };
  return connection;
}

/**
 * PrismaPg's own `connectToShadowDb` drops the shadow database while its pool
 * still holds a connection, so Postgres refuses. Same steps, in an order that
 * works: close the shadow pool, then drop (forcing out any straggler).
 */
function withClosableShadowDb(factory: PrismaPg, mainPool: pg.Pool, config: PoolConfig): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withWholeScripts(await factory.connect(), mainPool),
    async connectToShadowDb() {
      const main = await factory.connect();
      const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await main.executeScript(`CREATE DATABASE "${database}"`);
      const shadowPool = introspectionPool({ ...config, database, max: 1 });
      const shadow = withWholeScripts(await new PrismaPg(shadowPool).connect(), shadowPool);
      shadow.dispose = async () => {
        await shadowPool.end();
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}

async function withEngine<T>(databaseUrl: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadSchemaEngine();
  const schema = await readFile(schemaPath, "utf8");
  // Our own pool, so it can be closed the moment the engine is done (an idle
  // pool would otherwise keep a CLI process alive for its idle timeout).
  const config = pgConfigFromUrl(databaseUrl, { max: 2 });
  const pool = introspectionPool(config);
  const adapter = bindMigrationAwareSqlAdapterFactory(withClosableShadowDb(new PrismaPg(pool), pool, config));
  const log = (message: string) => {
    if (process.env.PLANO_DEBUG_MIGRATIONS) process.stderr.write(`${message}\n`);
  };
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/** Applies every pending migration; idempotent. Returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  return withEngine(databaseUrl, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would take the migrations to what `schema.prisma` declares:
 * empty when they agree. Replays the migrations on a temporary shadow database.
 */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  const migrationsList = await readMigrations();
  const schema = await readFile(schemaPath, "utf8");
  const from: DiffTarget = { tag: "migrations", ...migrationsList };
  const to: DiffTarget = { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] };
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({ from, to, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
    return (result.stdout ?? "").trim();
  });
}
