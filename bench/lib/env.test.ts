import { describe, expect, it } from "vitest";
import { baselineSchema, parseBenchEnv, parseEnv, scaleOutSchema, scenarioGroups } from "./env";

describe("the bench's environment", () => {
  it("defaults to the full run", () => {
    const env = parseBenchEnv({});
    expect(env).toMatchObject({ BENCH_APPOINTMENTS: 1_000_000, BENCH_CONNECTIONS: [1, 8, 32], BENCH_RUNS: 3, BENCH_OUTPUT: "bench/results/latest.json" });
    expect(env.BENCH_ONLY).toEqual([...scenarioGroups]);
  });

  it("reads short development values", () => {
    expect(parseBenchEnv({ BENCH_APPOINTMENTS: "2000", BENCH_CONNECTIONS: "1, 4", BENCH_ONLY: "update,live", BENCH_DURATION: "0.5" })).toMatchObject({
      BENCH_APPOINTMENTS: 2000,
      BENCH_CONNECTIONS: [1, 4],
      BENCH_ONLY: ["update", "live"],
      BENCH_DURATION: 0.5,
    });
  });

  it.each([
    ["BENCH_APPOINTMENTS", "many"],
    ["BENCH_DURATION", "-1"],
    ["BENCH_CONNECTIONS", "1,eight"],
    ["BENCH_ONLY", "update,everything"],
    ["BENCH_DATABASE_URL", "mysql://root@localhost/bench"],
    ["BENCH_LIVE_SUBSCRIPTIONS", "lots"],
  ])("refuses %s=%s naming it", (name, value) => {
    expect(() => parseBenchEnv({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}`);
  });

  it("refuses the helper processes' bad values too", () => {
    expect(() => parseEnv(scaleOutSchema, { WORKERS: "two" })).toThrow('WORKERS="two"');
    expect(() => parseEnv(baselineSchema, {})).toThrow("DATABASE_URL");
    expect(() => parseEnv(baselineSchema, { DATABASE_URL: "postgresql://postgres@127.0.0.1/x", PORT: "port" })).toThrow('PORT="port"');
  });
});
