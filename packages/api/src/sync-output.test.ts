/**
 * `syncOutput` (trpc.ts) checks an answer with zod's synchronous parse, where
 * tRPC would call `parseAsync`: the same answer (unlisted fields stripped, in
 * the schema's order) and the same refusal, for the board's schema.
 */
import { appointmentSchema, boardSchema } from "@plano/schema";
import { describe, expect, it } from "vitest";
import { syncOutput } from "./trpc";

/** A valid appointment: each field the first value its schema takes (null where it may), and one field too many. */
const candidates = [null, 1, "text", true, "2026-03-29T01:30:00.123Z"];
const appointment: Record<string, unknown> = { extra: "stripped" };
for (const [key, field] of Object.entries(appointmentSchema.shape).reverse()) {
  appointment[key] = candidates.find((value) => (field as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success);
}

describe("syncOutput", () => {
  it("answers as parseAsync does, and refuses what it refuses", async () => {
    const check = syncOutput(boardSchema);
    const answer = { lastEventId: "3", from: "2026-03-29", to: "2026-03-29", view: "day", officeId: 2, truncated: false, photographers: [], queue: [] };
    const full = { ...answer, appointments: [{ ...appointment }] };
    const viaAsync = await boardSchema.safeParseAsync(full);
    let viaSync: unknown;
    try {
      viaSync = check(full);
    } catch (error) {
      viaSync = error;
    }
    expect(viaAsync.success).toBe(true);
    expect(JSON.stringify(viaSync)).toBe(JSON.stringify(viaAsync.data));
    expect(JSON.stringify(viaSync)).not.toContain("stripped");

    const bad = { ...answer, appointments: [{ ...appointment, startsAt: "yesterday" }] };
    const badAsync = await boardSchema.safeParseAsync(bad);
    expect(badAsync.success).toBe(false);
    expect(() => check(bad)).toThrow(String(badAsync.error?.issues[0]?.message));
  });
});
