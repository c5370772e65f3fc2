/**
 * Every variable the bench reads, parsed once with zod when it starts
 * (`loadConfig` in run.ts, and the helper processes it spawns): a bad value
 * stops it naming the variable. See `.env.example` and bench/README.md.
 */
import { parseEnv } from "@tooling/env";
import { z } from "zod";

export { parseEnv };

export const scenarioGroups = ["update", "update-layout", "read", "list", "pglite", "scaleout", "bulk", "live", "webhooks"] as const;

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const count = (fallback: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, "expected a non-negative number")
      .transform(Number)
      .optional()
      .default(fallback),
  );
const text = z.preprocess(blank, z.string().trim().optional());
const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value);
const postgresUrl = z.preprocess(blank, z.string().trim().refine(isPostgresUrl, "expected a postgresql:// URL").optional());

const benchSchema = z.object({
  BENCH_DATABASE_URL: postgresUrl,
  BENCH_SERVER_URL: postgresUrl.transform((value) => value ?? "postgresql://postgres@127.0.0.1:5432/postgres"),
  BENCH_APPOINTMENTS: count(1_000_000),
  BENCH_CRUD_APPOINTMENTS: z.preprocess(blank, z.string().trim().regex(/^\d+$/, "expected a whole number").transform(Number).optional()),
  BENCH_DURATION: count(5),
  BENCH_WARMUP: count(2),
  BENCH_RUNS: count(3),
  BENCH_CONNECTIONS: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "expected whole numbers, comma-separated")
      .transform((value) => value.split(",").map(Number))
      .optional()
      .default([1, 8, 32]),
  ),
  BENCH_PER_CONNECTION: count(32),
  BENCH_ONLY: z.preprocess(
    blank,
    z
      .string()
      .transform((value) => value.split(",").map((group) => group.trim()))
      .pipe(z.array(z.enum(scenarioGroups, { error: `expected groups among ${scenarioGroups.join(", ")}` })))
      .optional()
      .default([...scenarioGroups]),
  ),
  BENCH_OUTPUT: text.transform((value) => value ?? "bench/results/latest.json"),
  BENCH_BEFORE_DIST: text,
  BENCH_MACHINE_NOTE: text,
  /** A folder: the API server writes a V8 CPU profile there when it stops. */
  BENCH_PROFILE: text,
  BENCH_LIVE_SUBSCRIPTIONS: count(500),
  BENCH_LIVE_UPDATES: count(40),
  BENCH_LIVE_MEMORY_SUBSCRIPTIONS: count(1000),
  /**
   * Processes the live fan-out's subscribers are spread over (each opens its share on both API processes).
   * 1, as before: on 2 cores, 4 processes used more client CPU and raised the latencies (bench/README.md).
   */
  BENCH_LIVE_CLIENTS: count(1),
});

/** bench/scale-out.ts, a process the bench spawns. */
export const scaleOutSchema = z.object({
  WORKERS: count(2),
  BENCH_SERVER_MAIN: text,
});

/** bench/baseline/server.ts, a process the bench spawns. */
export const baselineSchema = z.object({
  DATABASE_URL: z.string({ error: "required" }).trim().refine(isPostgresUrl, "expected a postgresql:// URL"),
  PORT: count(4000),
});

export type BenchEnv = z.infer<typeof benchSchema>;

let parsed: BenchEnv | undefined;

/** The bench's environment (the first call parses it, at start). */
export function benchEnv(): BenchEnv {
  parsed ??= parseEnv(benchSchema);
  return parsed;
}

export const parseBenchEnv = (source: Record<string, string | undefined>): BenchEnv => parseEnv(benchSchema, source);
