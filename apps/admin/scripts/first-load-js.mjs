#!/usr/bin/env node
/**
 * First-load JavaScript per page, measured in Chromium on a running
 * production build (Next 16's build output no longer prints it): every script
 * a fresh, signed-in browser downloads before the page's load event, raw and
 * gzipped. (Later scripts are link prefetches of other pages.) The legacy
 * polyfills (`<script nomodule>`) are left out: browsers that run modules
 * never execute them.
 *
 *   node apps/admin/scripts/first-load-js.mjs http://127.0.0.1:3000 EMAIL PASSWORD /appointments /appointments/1
 */
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const [baseUrl, email, password, ...paths] = process.argv.slice(2);
if (!baseUrl || !email || !password || paths.length === 0) {
  console.error("usage: first-load-js.mjs BASE_URL EMAIL PASSWORD PATH…");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const path of paths) {
    const context = await browser.newContext({ baseURL: baseUrl });
    const login = await context.request.post("/api/trpc/auth.login", { data: { json: { email, password, rememberMe: false } } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const page = await context.newPage();
    const scripts = new Map();
    let loaded = false;
    page.on("load", () => (loaded = true));
    page.on("response", (response) => {
      if (!loaded && response.request().resourceType() === "script")
        scripts.set(
          response.url(),
          response.body().catch(() => Buffer.alloc(0)),
        );
    });
    await page.goto(path, { waitUntil: "load" });
    const nomodule = await page.evaluate(() =>
      [...document.querySelectorAll("script[nomodule]")].map((script) => /** @type {HTMLScriptElement} */ (script).src),
    );
    for (const url of nomodule) scripts.delete(url);
    const bodies = await Promise.all(scripts.values());
    if (process.env.VERBOSE) for (const [url, body] of [...scripts.keys()].map((url, i) => [url, bodies[i]])) console.log(`  ${url} ${body.length}`);
    const raw = bodies.reduce((sum, body) => sum + body.length, 0);
    const gzip = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
    console.log(`${path}\t${bodies.length} scripts\t${(raw / 1024).toFixed(1)} kB raw\t${(gzip / 1024).toFixed(1)} kB gzip`);
    await context.close();
  }
} finally {
  await browser.close();
}
