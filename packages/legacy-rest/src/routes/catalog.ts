/** Every legacy route, by full path: what the handler serves and the registry seeds. */
import type { ParamSpecs } from "../params/param-spec";
import { cancelRoute, confirmRoute, createRoute, getRoute, historyRoute, listRoute, updateRoute } from "./appointments";
import { LEGACY_BASE_PATH, type LegacyRoute } from "./define";
import { clientRegisterRoute } from "./users";

// Each route keeps its own precise parameter type; the catalogue only needs the common shape.
export const legacyRoutes = [
  updateRoute,
  createRoute,
  getRoute,
  listRoute,
  cancelRoute,
  confirmRoute,
  historyRoute,
  clientRegisterRoute,
] as unknown as readonly LegacyRoute<ParamSpecs>[];

export const fullPathOf = (route: Pick<LegacyRoute, "path">) => `${LEGACY_BASE_PATH}${route.path}`;

export const routesByFullPath: ReadonlyMap<string, LegacyRoute<ParamSpecs>> = new Map(legacyRoutes.map((route) => [fullPathOf(route), route]));
