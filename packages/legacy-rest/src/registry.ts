/**
 * The route registry: one `LegacyRoute` row per legacy route (deployed and
 * sensitive flags) and one `LegacyService` row per service (deployed flag),
 * switched at run time with the CLI (`route:set`, `service:set`). The code's
 * catalogue seeds the rows; the rows' flags, once there, are the operator's.
 */
import type { Db } from "@plano/db";
import { fullPathOf, legacyRoutes } from "./routes/catalog";
import { LEGACY_BASE_PATH, legacyServices } from "./routes/define";

export interface RouteSwitches {
  deployed: boolean;
  sensitive: boolean;
  serviceDeployed: boolean;
}

/** Adds the rows the catalogue has and the database lacks; never overwrites a flag. */
export async function seedRouteRegistry(db: Db): Promise<void> {
  await db.legacyService.createMany({ data: legacyServices.map((name) => ({ name })), skipDuplicates: true });
  await db.legacyRoute.createMany({
    data: legacyRoutes.map((route) => ({ path: fullPathOf(route), service: route.service, sensitive: route.sensitive })),
    skipDuplicates: true,
  });
}

async function readRegistry(db: Db): Promise<Map<string, RouteSwitches>> {
  const rows = await db.legacyRoute.findMany({ include: { legacyService: { select: { deployed: true } } } });
  return new Map(rows.map((row) => [row.path, { deployed: row.deployed, sensitive: row.sensitive, serviceDeployed: row.legacyService.deployed }]));
}

export interface RouteRegistry {
  /** The route's switches, or undefined when it has no row. Throws when the registry cannot be read. */
  switchesOf(path: string): Promise<RouteSwitches | undefined>;
}

/**
 * Reads the registry at most once per `cacheMs` (the table is tiny and read
 * on every request); a switch thrown with the CLI takes effect within that.
 * Seeding runs once, and again after a failure.
 */
export function createRouteRegistry(db: Db, { cacheMs, log }: { cacheMs: number; log: (message: string, error: unknown) => void }): RouteRegistry {
  let seeded: Promise<void> | undefined;
  let cached: { readAt: number; switches: Promise<Map<string, RouteSwitches>> } | undefined;
  /** The last registry read that worked: while the database is unreachable, routes stay identified by it. */
  let lastGood: Map<string, RouteSwitches> | undefined;

  const ensureSeeded = () => {
    seeded ??= seedRouteRegistry(db).catch((error: unknown) => {
      seeded = undefined;
      throw error;
    });
    return seeded;
  };

  const current = () => {
    const now = performance.now();
    if (!cached || now - cached.readAt >= cacheMs) {
      const switches = ensureSeeded()
        .then(() => readRegistry(db))
        .then((read) => (lastGood = read));
      cached = { readAt: now, switches };
      // A failed read is not cached: the next request tries again.
      switches.catch(() => {
        if (cached?.switches === switches) cached = undefined;
      });
    }
    return cached.switches;
  };

  // Read (and seed) at start-up, so the first request does not wait and a broken registry shows in the log at once.
  void current().catch((error: unknown) => log("legacy route registry: the start-up read failed:", error));
  return {
    switchesOf: async (path) => {
      try {
        return (await current()).get(path);
      } catch (error) {
        // The request is then identified and fails where the database is needed, as application-crash.
        if (lastGood) return lastGood.get(path);
        throw error;
      }
    },
  };
}

/** `appointments/update`, `/appointments/update` or `/api/v1/appointments/update` → the registry's path. */
export function registryPath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, "");
  if (trimmed.startsWith(`${LEGACY_BASE_PATH}/`)) return trimmed;
  return `${LEGACY_BASE_PATH}/${trimmed.replace(/^\/+/, "")}`;
}

export async function setRouteSwitches(
  db: Db,
  path: string,
  switches: { deployed?: boolean; sensitive?: boolean },
): Promise<{ path: string; service: string; deployed: boolean; sensitive: boolean }> {
  await seedRouteRegistry(db);
  const fullPath = registryPath(path);
  const route = await db.legacyRoute.findUnique({ where: { path: fullPath } });
  if (!route) {
    const known = (await db.legacyRoute.findMany({ select: { path: true }, orderBy: { path: "asc" } })).map((row) => row.path);
    throw new RangeError(`No legacy route ${fullPath}; the routes are: ${known.join(", ")}`);
  }
  const { service, deployed, sensitive } = await db.legacyRoute.update({ where: { path: fullPath }, data: switches });
  return { path: fullPath, service, deployed, sensitive };
}

export async function setServiceDeployed(db: Db, name: string, deployed: boolean): Promise<{ name: string; deployed: boolean; routes: string[] }> {
  await seedRouteRegistry(db);
  const service = await db.legacyService.findUnique({ where: { name } });
  if (!service) {
    const known = (await db.legacyService.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((row) => row.name);
    throw new RangeError(`No legacy service ${JSON.stringify(name)}; the services are: ${known.join(", ")}`);
  }
  const updated = await db.legacyService.update({
    where: { name },
    data: { deployed },
    include: { routes: { select: { path: true }, orderBy: { path: "asc" } } },
  });
  return { name: updated.name, deployed: updated.deployed, routes: updated.routes.map((route) => route.path) };
}
