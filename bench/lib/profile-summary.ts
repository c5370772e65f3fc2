/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) by where the time went:
 * self time per package (node_modules/…, our workspace packages, node
 * internals, GC, idle), then the hottest functions.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to, e.g. "@prisma/client", "@plano/api", "node:internal". */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (workspace) return `@plano/${workspace[2]}`;
  if (url.startsWith("node:")) return "node:internal";
  return url.replace(/^file:\/\//, "");
}

/** The summary as text: shares of self time by package (`packages` lines) and by function (`top` lines). */
export function summariseProfile(file: string, top = 25, packages = 20): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id)!;
    total += us;
    const who = owner(callFrame.url, callFrame.functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us);
    const where = `${callFrame.functionName || "(anonymous)"} ${who}:${callFrame.lineNumber + 1}`;
    byFunction.set(where, (byFunction.get(where) ?? 0) + us);
  }
  const lines = [`${file}: ${(total / 1000).toFixed(0)} ms sampled`];
  const section = (title: string, entries: Map<string, number>, count: number) => {
    lines.push("", title);
    for (const [key, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
      lines.push(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
    }
  };
  section("Self time by package", byOwner, packages);
  section("Hottest functions", byFunction, top);
  return lines.join("\n");
}
