/**
 * A change goes to every subscriber that hears it as one shared event: the
 * output schema checks it once per process, not once per subscriber (the
 * fan-out's cost, bench/ live), and every subscriber still gets the checked
 * copy (unlisted fields stripped), frozen, and the transformer's plain answer.
 */
import { tracked } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { transformer } from "../transformer";
import { trackedEvents } from "./tracked-output";

const schema = z.object({ kind: z.literal("change"), id: z.number(), fields: z.array(z.string()) });

async function* events(...items: unknown[]) {
  for (const item of items) yield tracked(String((item as { id: number }).id), item);
}

async function drain(iterable: AsyncIterable<unknown>) {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("trackedEvents", () => {
  it("checks a shared (frozen) event once for all its subscribers, and each gets the checked copy", async () => {
    const parse = vi.spyOn(schema, "parse");
    const output = trackedEvents(schema);
    const shared = Object.freeze({ kind: "change", id: 7, fields: ["notes"], extra: "not in the schema" });
    const received = await Promise.all(Array.from({ length: 50 }, () => drain(output(events(shared)))));
    expect(parse).toHaveBeenCalledTimes(1);
    const datas = received.map((items) => (items[0] as [string, unknown])[1]);
    expect(new Set(datas).size).toBe(1);
    expect(datas[0]).toEqual({ kind: "change", id: 7, fields: ["notes"] });
    expect(Object.isFrozen(datas[0])).toBe(true);
    expect(Object.isFrozen((datas[0] as { fields: string[] }).fields)).toBe(true);
    expect(transformer.serialize(datas[0])).toEqual({ json: { kind: "change", id: 7, fields: ["notes"] } });
  });

  it("still checks every event that is not shared, and refuses a bad one", async () => {
    const parse = vi.spyOn(schema, "parse");
    parse.mockClear();
    const output = trackedEvents(schema);
    await drain(output(events({ kind: "change", id: 1, fields: [] }, { kind: "change", id: 2, fields: [] })));
    expect(parse).toHaveBeenCalledTimes(2);
    await expect(drain(output(events(Object.freeze({ kind: "change", id: "3", fields: [] }))))).rejects.toThrow();
  });
});
