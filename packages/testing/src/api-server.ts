/**
 * The API server's request listener exactly as production wires it, for the
 * packages' integration tests (the legacy REST door is tested through it).
 * The test kit is the one package that may reach into an app: a package
 * depending on @plano/server directly would make a cycle.
 */
export { createApiServer } from "@plano/server/http";
