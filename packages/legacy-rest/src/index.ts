/**
 * The legacy REST adapter (`/api/v1`) for FileMaker and other old clients.
 * It parses the legacy request, calls the same tRPC procedures as everyone
 * else (server-side caller), and answers in the seed's status vocabulary.
 */
export { createLegacyHandler, type LegacyHandlerOptions } from "./handler";
