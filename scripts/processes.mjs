// @ts-check
/** Small helpers for scripts that start and stop the app's processes. */

/**
 * The environment for child processes: telemetry off, offline-safe Prisma.
 * @param {Record<string, string>} [extra]
 * @returns {Record<string, string | undefined>}
 */
export function processEnv(extra = {}) {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    ...extra,
  };
}

/**
 * Polls a URL until it answers (any HTTP status), or throws after `timeoutMs`.
 * @param {string} url
 * @param {number} timeoutMs
 */
export async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  /** @type {Error | undefined} */
  let lastError;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch (error) {
      lastError = /** @type {Error} */ (error);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${lastError?.message ?? "no answer"}`);
}

/**
 * Stops a child by its PID: SIGTERM, then SIGKILL if it has not exited after `graceMs`.
 * @param {import("node:child_process").ChildProcess} child
 * @returns {Promise<void>}
 */
export function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((/** @type {() => void} */ resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
