import { describe, expect, it } from "vitest";
import { parseAdminEnv } from "./env";

describe("parseAdminEnv", () => {
  it("defaults API_URL to the local API server, and drops a trailing slash", () => {
    expect(parseAdminEnv({}).API_URL).toBe("http://127.0.0.1:3001");
    expect(parseAdminEnv({ API_URL: "" }).API_URL).toBe("http://127.0.0.1:3001");
    expect(parseAdminEnv({ API_URL: "https://api.plano.example/" }).API_URL).toBe("https://api.plano.example");
  });

  it.each(["127.0.0.1:3001", "ftp://api.plano.example", "http://"])("refuses API_URL=%s naming it", (value) => {
    expect(() => parseAdminEnv({ API_URL: value })).toThrow(`API_URL=${JSON.stringify(value)}`);
  });
});
