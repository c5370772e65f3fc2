/**
 * `multipart/form-data` bodies, as FileMaker's "Insert from URL" sends forms.
 * Text parts are parameters; file parts are not parameters of any route, so
 * they are drained and reported as ignored.
 */
import busboy from "busboy";
import { LegacyFailure } from "../envelope";
import type { DecodedBody } from "./decode-body";

export function decodeMultipart(body: Buffer, contentType: string): Promise<DecodedBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType }, limits: { fieldSize: body.length + 1 } });
    } catch (error) {
      // Busboy refuses a multipart type without a boundary before reading anything.
      return reject(new LegacyFailure("invalid-content-type", `The multipart Content-Type cannot be read: ${(error as Error).message}.`));
    }
    const decoded: DecodedBody = { params: new Map(), warnings: [] };
    parser.on("field", (name, value) => decoded.params.set(name, value));
    parser.on("file", (name, stream) => {
      stream.resume();
      decoded.warnings.push({ code: "unknown-param", field: name, message: `File part "${name}" was ignored: no route takes files.` });
    });
    parser.on("error", (error: Error) =>
      reject(new LegacyFailure("invalid-encoded-params", `The multipart body could not be decoded: ${error.message}.`)),
    );
    parser.on("close", () => resolve(decoded));
    parser.end(body);
  });
}
