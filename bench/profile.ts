/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) by where the time went:
 * self time per package, then the hottest functions (bench/lib/profile-summary.ts).
 *
 *   npx tsx bench/profile.ts path/to/CPU.….cpuprofile [top]
 */
import { summariseProfile } from "./lib/profile-summary";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx bench/profile.ts FILE.cpuprofile [top]");
console.log(summariseProfile(file, Number(process.argv[3] ?? 25)));
