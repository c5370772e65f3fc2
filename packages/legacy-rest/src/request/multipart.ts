/**
 * `multipart/form-data` bodies, as FileMaker's "Insert from URL" sends forms.
 * Text parts are parameters; file parts are not parameters of any route, so
 * they are drained and reported as ignored.
 */
import busboy from "busboy";
import { LegacyFailure } from "../envelope";
import { charsetOf, paramDecoder, type DecodedBody } from "./decode-body";

export function decodeMultipart(body: Buffer, contentType: string): Promise<DecodedBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Parts without a charset of their own arrive as latin1 (byte for byte) and are decoded below, strictly:
      // busboy's own UTF-8 decoding would turn bytes that are not UTF-8 into U+FFFD without a word.
      parser = busboy({ headers: { "content-type": contentType }, limits: { fieldSize: body.length + 1 }, defCharset: "latin1" });
    } catch (error) {
      // Busboy refuses a multipart type without a boundary before reading anything.
      return reject(new LegacyFailure("invalid-content-type", `The multipart Content-Type cannot be read: ${(error as Error).message}.`));
    }
    const decoded: DecodedBody = { params: new Map(), warnings: [] };
    let decode: ReturnType<typeof paramDecoder>;
    try {
      decode = paramDecoder(charsetOf(contentType));
    } catch (error) {
      return reject(error);
    }
    parser.on("field", (name, value) => {
      // A character past U+00FF means the part declared a charset and busboy decoded it already.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the range U+0000-U+00FF is the point: latin1 bytes.
      const asBytes = /[^\u0000-\u00ff]/.test(value) ? null : Buffer.from(value, "latin1");
      try {
        decoded.params.set(name, asBytes ? decode(name, asBytes) : value);
      } catch (error) {
        parser.removeAllListeners("close");
        reject(error);
      }
    });
    parser.on("file", (name, stream) => {
      stream.resume();
      decoded.warnings.push({ code: "unknown-param", field: name, message: `File part "${name}" was ignored: no route takes files.` });
    });
    parser.on("error", (error: Error) => reject(new LegacyFailure("invalid-encoded-params", `The multipart body could not be decoded: ${error.message}.`)));
    parser.on("close", () => resolve(decoded));
    parser.end(body);
  });
}
