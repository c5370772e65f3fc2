/**
 * Loaded into the live figure's API processes only (`node --expose-gc --import`):
 * on SIGUSR2, a full garbage collection, then the memory the process still
 * holds (JS heap and the buffers outside it) written to BENCH_HEAP_FILE. The
 * resident size alone moved with the collector's timing, not with what the
 * subscriptions hold (bench/README.md).
 */
import { writeFileSync } from "node:fs";

process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  writeFileSync(process.env.BENCH_HEAP_FILE, JSON.stringify({ heapUsed, external }));
});
