/**
 * Server processes under test: started as their own OS processes (the API
 * server from its production build), waited for on /healthz, watched for
 * memory and CPU through /proc, and stopped by their own pid only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ServerProcess {
  name: string;
  pid: number;
  origin: string;
  /** Resident memory now, in MiB (Linux /proc). */
  rssMb(): number;
  /** CPU time used so far (user + system), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return "";
  }
}

const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux

async function waitForHealth(origin: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${log()}`);
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`did not answer /healthz within ${timeoutMs} ms:\n${log()}`);
}

export interface StartOptions {
  name: string;
  args: string[];
  /** The whole environment of the process. */
  env: Record<string, string>;
  port: number;
}

/** Starts `node …args` and resolves once it answers /healthz on `port`. */
export async function startServer({ name, args, env, port }: StartOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000); // the tail is enough to explain a failure
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${name}: ${(error as Error).message}`);
  }
  const pid = child.pid!;
  return {
    name,
    pid,
    origin,
    rssMb: () => Number(/VmRSS:\s+(\d+) kB/.exec(readProc(pid, "status"))?.[1] ?? 0) / 1024,
    cpuMs: () => {
      // Fields 14 and 15 of /proc/PID/stat (after the parenthesised name) are utime and stime.
      const fields = readProc(pid, "stat").split(") ")[1]?.split(" ") ?? [];
      return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / ticksPerMs;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples the peak of `read()` every `everyMs` until stopped. */
export function samplePeak(read: () => number, everyMs = 50): () => number {
  let peak = read();
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, read());
  };
}
