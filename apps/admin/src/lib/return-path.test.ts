import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

/**
 * Where the browser actually lands: window.location.assign(path) resolves it
 * against the page's URL (WHATWG URL parsing, the same parser as here).
 */
const landing = (path: string) => new URL(path, "https://admin.example.com/login?next=x");

describe("safeReturnPath", () => {
  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "//evil.example",
    "//evil.example/appointments",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "https://evil.example/appointments",
    "HTTPS://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e/%2e//evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "///evil.example",
  ])("keeps %j on this site", (hostile) => {
    const path = safeReturnPath(hostile);
    expect(landing(path).origin).toBe("https://admin.example.com");
    expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")).toBe(true);
  });

  it.each([
    // Encoded slashes and backslashes stay inside the path: the browser does not decode them into a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5C%5Cevil.example", "/%5C%5Cevil.example"],
    ["%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps the encoded %j as a path on this site", (encoded, expected) => {
    expect(safeReturnPath(encoded)).toBe(expected);
    expect(landing(safeReturnPath(encoded)).origin).toBe("https://admin.example.com");
  });

  it("honours real paths on this site, with their query and fragment", () => {
    expect(safeReturnPath("/appointments/42?tab=history#top")).toBe("/appointments/42?tab=history#top");
    expect(safeReturnPath("/appointments?search=a%20b&confirmed=yes")).toBe("/appointments?search=a%20b&confirmed=yes");
    expect(safeReturnPath(null)).toBe("/board");
    expect(safeReturnPath("")).toBe("/board");
  });
});
