import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { EnvError, envOrExit, optional, parseEnv } from "./index";

const schema = z.object({
  PORT: optional(z.string().regex(/^\d+$/, "expected a TCP port").transform(Number)).default(3001),
  API_URL: z.string().url("expected a URL"),
});

describe("an entry point's environment", () => {
  afterEach(() => vi.restoreAllMocks());

  it("parses what is valid, and a blank value is the same as unset (the default applies)", () => {
    expect(parseEnv(schema, { API_URL: "http://a.example", PORT: "  " })).toEqual({ API_URL: "http://a.example", PORT: 3001 });
    expect(parseEnv(schema, { API_URL: "http://a.example", PORT: "8080" })).toEqual({ API_URL: "http://a.example", PORT: 8080 });
  });

  it("refuses with one message naming every bad variable, the value it had, and what was expected", () => {
    const parse = () => parseEnv(schema, { PORT: "eighty" });
    expect(parse).toThrow(EnvError);
    expect(parse).toThrow('Invalid environment:\n  PORT="eighty": expected a TCP port\n  API_URL="": ');
  });

  it("stops an entry point before it starts: the message on stderr and exit code 1", () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
    expect(() => envOrExit(schema, { API_URL: "not a url" })).toThrow("exit 1");
    expect(written.join("")).toBe('Invalid environment:\n  API_URL="not a url": expected a URL\n');
  });
});
