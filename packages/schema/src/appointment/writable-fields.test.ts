import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appointmentWritableShape } from "./model";
import { appointmentWritableKeys, appointmentWritableNullable } from "./writable-fields";

describe("the zod-free table of writable fields", () => {
  it("names the zod shape's fields, in its order", () => {
    expect(appointmentWritableKeys).toEqual(Object.keys(appointmentWritableShape));
  });

  it("says a field is nullable exactly when its zod rule accepts null", () => {
    const fromZod = Object.fromEntries(Object.entries(appointmentWritableShape).map(([key, rule]) => [key, rule.safeParse(null).success]));
    expect(appointmentWritableNullable).toEqual(fromZod);
  });

  it("agrees with zod's own wrapper type (the form maps an empty input to null only for these)", () => {
    for (const key of appointmentWritableKeys) {
      expect(appointmentWritableShape[key] instanceof z.ZodNullable, key).toBe(appointmentWritableNullable[key]);
    }
  });
});
