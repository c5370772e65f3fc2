import type { PoolConfig } from "pg";

/**
 * A `pg` pool config from a URL, as discrete fields. `pg` lets a
 * `connectionString` win over `database`, which would point Prisma's shadow
 * database (created as `{ ...config, database }`) back at the real one.
 */
export function pgConfigFromUrl(url: string, extra: PoolConfig = {}): PoolConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must be a postgresql:// URL, got ${parsed.protocol}`);
  }
  const params = parsed.searchParams;
  return {
    host: decodeURIComponent(parsed.hostname || params.get("host") || "127.0.0.1"),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username || "postgres"),
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres",
    ssl: params.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
    ...extra,
  };
}
