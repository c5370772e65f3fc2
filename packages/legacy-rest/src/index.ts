/**
 * The legacy REST adapter (`/api/v1`) for FileMaker and other old clients.
 * It parses the legacy request, calls the same tRPC procedures as everyone
 * else (server-side caller), and answers in the seed's status vocabulary.
 */
export { createLegacyHandler, type LegacyHandlerOptions } from "./handler";
export { buildOpenApiDocument } from "./openapi/document";
export { OPENAPI_PATH } from "./openapi/serve";
export { setRouteSwitches, setServiceDeployed } from "./registry";
export { legacyRoutes } from "./routes/catalog";
export { legacyStatuses } from "./statuses";
