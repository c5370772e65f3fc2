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
    throw undecodable('The JSON body must be an object of parameters, e.g. {"token": "..."}.');
  }
  return { params: new Map(Object.entries(value)), warnings: [] };
}

/**
 * The charsets a form body may declare (`charset=` of its Content-Type): UTF-8,
 * and ISO-8859-1 / windows-1252, which FileMaker on Windows sends. Per the
 * WHATWG Encoding standard ISO-8859-1 is read as windows-1252, its superset,
 * which is what such clients mean by it (an en dash or a euro sign).
 */
const formCharsets: ReadonlyMap<string, string> = new Map([
  ["utf-8", "utf-8"],
  ["utf8", "utf-8"],
  ["iso-8859-1", "windows-1252"],
  ["latin1", "windows-1252"],
  ["iso_8859-1", "windows-1252"],
  ["windows-1252", "windows-1252"],
  ["cp1252", "windows-1252"],
  ["us-ascii", "windows-1252"],
]);

export function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

/** windows-1252's 0x80–0x9F (undefined bytes map to their C1 control, as the WHATWG standard does). */
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/** Node's TextDecoder reads "windows-1252" as plain latin1 (0x80–0x9F as C1 controls), so it is decoded by hand. */
function decodeWindows1252(bytes: Buffer): string {
  let text = "";
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** `+` and `%XX` decoded to the bytes they stand for; any other byte is itself. */
function percentDecode(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const hex = byte === 0x25 ? bytes.subarray(i + 1, i + 3).toString("latin1") : "";
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out[length++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[length++] = byte === 0x2b ? 0x20 : byte;
  }
  return out.subarray(0, length);
}

/**
 * `application/x-www-form-urlencoded` bytes (a body or a query string) in
 * `charset`. URLSearchParams cannot do this: it decodes every `%XX` as UTF-8
 * and silently turns other bytes into U+FFFD. Here a value that is not valid
 * in the charset is refused naming its parameter: without a charset that is
 * UTF-8, and windows-1252 bytes sent without saying so are never guessed at
 * (nor stored as U+FFFD); the client is told to declare its charset.
 * A repeated name keeps its last value, as form handlers usually do.
 */
/** How a parameter's bytes become text in `charset` (UTF-8 when none is declared), or the failure naming it. */
export function paramDecoder(charset: string | undefined): (name: string | undefined, bytes: Buffer) => string {
  const encoding = formCharsets.get(charset ?? "utf-8");
  if (!encoding) {
    throw undecodable(`The charset ${JSON.stringify(charset)} cannot be read; send UTF-8, ISO-8859-1 or windows-1252.`);
  }
  const utf8Decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = encoding === "utf-8" ? (bytes: Buffer) => utf8Decoder.decode(bytes) : decodeWindows1252;
  const spelled = charset ? charset.toUpperCase() : "UTF-8";
  return (name, bytes) => {
    try {
      return decode(bytes);
    } catch {
      if (name === undefined) throw undecodable(`A parameter name is not valid ${spelled}; declare the body's charset (e.g. charset=windows-1252).`);
      throw new LegacyFailure(
        "invalid-encoded-params",
        `${name}: the value is not valid ${spelled}; declare the body's charset (e.g. Content-Type: application/x-www-form-urlencoded; charset=windows-1252).`,
        { param: name },
      );
    }
  };
}

export function decodeUrlEncoded(bytes: Buffer, charset: string | undefined): Map<string, unknown> {
  const decode = paramDecoder(charset);
  const params = new Map<string, unknown>();
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x26, start); // "&"
    if (end === -1) end = bytes.length;
    const pair = bytes.subarray(start, end);
    start = end + 1;
    if (pair.length === 0) continue;
    const equals = pair.indexOf(0x3d); // "="
    const [rawName, rawValue] = equals === -1 ? [pair, Buffer.alloc(0)] : [pair.subarray(0, equals), pair.subarray(equals + 1)];
    const name = decode(undefined, percentDecode(rawName));
    params.set(name, decode(name, percentDecode(rawValue)));
  }
  return params;
}

function decodeForm(body: Buffer, contentType: string): DecodedBody {
  return { params: decodeUrlEncoded(body, charsetOf(contentType)), warnings: [] };
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
