import type { ServerResponse } from "node:http";
import type { CookieJar } from "@plano/api";

/** Set-Cookie on a Node response, appended so several cookies can coexist; `Secure` when served over TLS. */
export function cookieJar(res: ServerResponse, { secure }: { secure: boolean }): CookieJar {
  const append = (value: string) => {
    const existing = res.getHeader("set-cookie");
    const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
    res.setHeader("set-cookie", [...list, value]);
  };
  return {
    set(name, value, options) {
      const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `SameSite=${options.sameSite}`];
      if (options.httpOnly) parts.push("HttpOnly");
      if (secure) parts.push("Secure");
      if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
      append(parts.join("; "));
    },
    clear(name) {
      append(`${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
    },
  };
}
