/**
 * The request body → parameters. JSON, form-encoded and multipart bodies
 * (FileMaker's "Insert from URL" sends the latter two); sensitive routes take
 * the body base64-encoded. Every way this can fail has its seed status:
 * invalid-content-type, invalid-encoded-params, no-params-decoded (the last
 * is the handler's, which also counts a bearer token).
 */
import type { IncomingMessage } from "node:http";
import { LegacyFailure, type LegacyWarning } from "../envelope";
import { decodeMultipart } from "./multipart";

/** Far above any legacy request (the longest field holds 10,000 characters). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface DecodedBody {
  params: Map<string, unknown>;
  warnings: LegacyWarning[];
}

const undecodable = (message: string) => new LegacyFailure("invalid-encoded-params", message);

const utf8 = new TextDecoder("utf-8", { fatal: true });

function textOf(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw undecodable("The request body is not valid UTF-8.");
  }
}

function decodeJson(body: Buffer): DecodedBody {
  const text = textOf(body);
  if (text.trim() === "") return { params: new Map(), warnings: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw undecodable(`The request body is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw undecodable("The JSON body must be an object of parameters, e.g. {\"token\": \"...\"}.");
  }
  return { params: new Map(Object.entries(value)), warnings: [] };
}

/** A repeated name keeps its last value, as form handlers usually do. */
function decodeForm(body: Buffer): DecodedBody {
  return { params: new Map(new URLSearchParams(textOf(body))), warnings: [] };
}

const decoders: Record<string, (body: Buffer, contentType: string) => Promise<DecodedBody> | DecodedBody> = {
  "application/json": decodeJson,
  "application/x-www-form-urlencoded": decodeForm,
  "multipart/form-data": decodeMultipart,
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A sensitive route's body: base64 (standard or URL-safe; line breaks allowed) of the real body. */
function fromBase64(body: Buffer): Buffer {
  const text = body.toString("latin1").replace(/\s+/g, "");
  const valid = (BASE64.test(text) || BASE64URL.test(text)) && text.length % 4 !== 1;
  if (!valid) throw undecodable("This route takes its request body base64-encoded, and the body is not base64.");
  return Buffer.from(text, BASE64.test(text) ? "base64" : "base64url");
}

/**
 * The whole body, or invalid-encoded-params once it passes the limit. The rest
 * of an oversized body is read and dropped (not destroyed), so the answer can
 * still be sent on the same connection.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      tooLarge = true;
      chunks.length = 0;
      reject(undecodable(`The request body is larger than ${MAX_BODY_BYTES} bytes.`));
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

export async function decodeBody(req: IncomingMessage, { sensitive }: { sensitive: boolean }): Promise<DecodedBody> {
  const contentType = req.headers["content-type"];
  const decode = decoders[mediaTypeOf(contentType)];
  if (!decode) {
    req.resume(); // drain the unread body so the connection can be reused
    throw new LegacyFailure(
      "invalid-content-type",
      `The request's Content-Type ${contentType ? JSON.stringify(contentType) : "(none)"} cannot be read; ` +
        "send application/json, application/x-www-form-urlencoded or multipart/form-data.",
    );
  }
  const body = await readBody(req);
  return decode(sensitive ? fromBase64(body) : body, contentType ?? "");
}
