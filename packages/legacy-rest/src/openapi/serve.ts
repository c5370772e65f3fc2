import type { ServerResponse } from "node:http";
import { LEGACY_BASE_PATH } from "../routes/define";
import { buildOpenApiDocument } from "./document";

export const OPENAPI_PATH = `${LEGACY_BASE_PATH}/openapi.json`;

let documentJson: string | undefined;

/** The document is the same for the life of the process: built on first request, then served as is. */
export function sendOpenApiDocument(res: ServerResponse, requestId: string): void {
  documentJson ??= JSON.stringify(buildOpenApiDocument());
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(documentJson),
    "cache-control": "public, max-age=300",
    "x-request-id": requestId,
  });
  res.end(documentJson);
}
