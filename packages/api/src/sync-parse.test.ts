/**
 * `syncParse` (trpc.ts) has tRPC check inputs and outputs with zod's
 * synchronous parse, where it would call `parseAsync`: the same answer
 * (unlisted fields stripped, in the schema's order) and the same refusal, the
 * same reason and field for the caller; and every procedure uses it.
 */
import { appointmentSchema, boardSchema, cancelAppointmentInput, createAppointmentInput, listAppointmentsInput, updateAppointmentInput } from "@plano/schema";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeError } from "./error-detail";
import { appRouter } from "./root";
import { syncParse } from "./trpc";

/** A valid appointment: each field the first value its schema takes (null where it may), and one field too many. */
const candidates = [null, 1, "text", true, "2026-03-29T01:30:00.123Z"];
const appointment: Record<string, unknown> = { extra: "stripped" };
for (const [key, field] of Object.entries(appointmentSchema.shape).reverse()) {
  appointment[key] = candidates.find((value) => (field as { safeParse(v: unknown): { success: boolean } }).safeParse(value).success);
}

/** What tRPC makes of a parser's answer: the value, or the error its input check throws, as the caller reads it. */
async function outcome(parser: { parseAsync(value: unknown): Promise<unknown> }, value: unknown) {
  try {
    return { data: JSON.stringify(await parser.parseAsync(value)) };
  } catch (cause) {
    const { reason, field, fields, message } = describeError(new TRPCError({ code: "BAD_REQUEST", cause }), value) ?? {};
    return { issues: JSON.stringify((cause as z.ZodError).issues), reason, field, fields, message };
  }
}

describe("syncParse", () => {
  it("answers as parseAsync does, and refuses what it refuses", async () => {
    const answer = { lastEventId: "3", from: "2026-03-29", to: "2026-03-29", view: "day", officeId: 2, truncated: false, photographers: [], queue: [] };
    const full = { ...answer, appointments: [{ ...appointment }] };
    const checked = await outcome(syncParse(boardSchema), full);
    expect(checked).toEqual(await outcome(boardSchema, full));
    expect(checked.data).not.toContain("stripped");

    const bad = { ...answer, appointments: [{ ...appointment, startsAt: "yesterday" }] };
    const refused = await outcome(syncParse(boardSchema), bad);
    expect(refused.issues).toContain("startsAt");
    expect(refused).toEqual(await outcome(boardSchema, bad));
  });

  it("refuses a failing input with the same error, reason and field", async () => {
    const cases: [z.ZodType, unknown][] = [
      [updateAppointmentInput, { updatedAtMt: "x", patch: {} }],
      [updateAppointmentInput, { id: "7", updatedAtMt: "x", patch: {} }],
      [updateAppointmentInput, { id: 7, updatedAtMt: "", patch: { notes: 3 } }],
      [updateAppointmentInput, { id: 7, updatedAtMt: "x", patch: { dateStartLocal: "2026-02-30", bogus: 1 } }],
      [cancelAppointmentInput, { uuid: "not-a-uuid", reason: "  " }],
      [listAppointmentsInput, { limit: 201 }],
      [createAppointmentInput, { officeId: -1, timeDurationS: "long" }],
    ];
    for (const [schema, input] of cases) {
      const refused = await outcome(syncParse(schema), input);
      expect(refused.reason, JSON.stringify(input)).toBeDefined();
      expect(refused).toEqual(await outcome(schema, input));
    }
    // Any JSON at all, valid or not: the same outcome either way.
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { id: fc.jsonValue(), updatedAtMt: fc.jsonValue(), patch: fc.dictionary(fc.constantFrom("notes", "summary", "timeDurationS", "x"), fc.jsonValue()) },
          { requiredKeys: [] },
        ),
        async (input) => {
          expect(await outcome(syncParse(updateAppointmentInput), input)).toEqual(await outcome(updateAppointmentInput, input));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("falls back to parseAsync for a schema with an async refinement", async () => {
    const schema = z.object({ name: z.string().refine(async (name) => name !== "taken", { error: "taken" }) });
    await expect(syncParse(schema).parseAsync({ name: "free" })).resolves.toEqual({ name: "free" });
    expect(await outcome(syncParse(schema), { name: "taken" })).toEqual(await outcome(schema, { name: "taken" }));
  });

  it("checks every procedure's input and output that way", () => {
    // A syncParse'd schema is an object whose prototype is the schema; a parser function (trackedEvents) checks as it likes.
    const wrapped = (parser: unknown) => typeof parser === "function" || Object.hasOwn(Object.getPrototypeOf(parser), "_zod");
    const unchecked: string[] = [];
    for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
      const { inputs, output } = (procedure as unknown as { _def: { inputs: unknown[]; output?: unknown } })._def;
      for (const [index, input] of inputs.entries()) if (!wrapped(input)) unchecked.push(`${path} input ${index}`);
      if (output !== undefined && !wrapped(output)) unchecked.push(`${path} output`);
    }
    expect(unchecked).toEqual([]);
  });
});
