import type { Appointment } from "@plano/schema";
import { describe, expect, it } from "vitest";
import { savedDespiteEmail } from "./errors";

/** A tRPC client error as the API sends it: the reason (and the saved record) in `data.plano`. */
const failure = (message: string, plano: Record<string, unknown>) => Object.assign(new Error(message), { data: { plano } });

describe("savedDespiteEmail", () => {
  const saved = { id: 7, updatedAtMt: "2027-01-01T10:00:00.000Z" } as Appointment;

  it("keeps the saved record and the API's words when only the email failed", () => {
    expect(savedDespiteEmail(failure("The client email could not be sent.", { reason: "email-failed", saved }))).toEqual({
      saved,
      message: "The client email could not be sent.",
    });
  });

  it("is null for an email failure without a saved record, and for every other error", () => {
    expect(savedDespiteEmail(failure("x", { reason: "email-failed" }))).toBeNull();
    expect(savedDespiteEmail(failure("x", { reason: "update-conflict", current: saved }))).toBeNull();
    expect(savedDespiteEmail(new Error("fetch failed"))).toBeNull();
  });
});
