/**
 * An unknown email must cost what a known one costs, or the answer's timing
 * tells which accounts exist (121 ms against 2.75 ms before). Not measured by
 * the clock (a shared test machine is too noisy): every scrypt call is
 * recorded, and both paths must make the same call with the same cost.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const scryptCalls = vi.hoisted(() => [] as { keyLength: number; options: unknown }[]);
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  return {
    ...crypto,
    scrypt: (...args: Parameters<typeof crypto.scrypt>) => {
      scryptCalls.push({ keyLength: args[2] as number, options: args[3] });
      return (crypto.scrypt as (...a: unknown[]) => void)(...args);
    },
  };
});

const { createUser } = await import("../src/auth/credentials-admin");
const { callerFor, freshDatabase } = await import("@plano/testing/fixtures");
type TestDatabase = Awaited<ReturnType<typeof freshDatabase>>;

vi.setConfig({ testTimeout: 120_000 });

describe("auth.login's password work", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
    await createUser(database.db, { email: "known@example.com", name: "Known", password: "the right one", employee: true });
    await createUser(database.db, { email: "nopassword@example.com", name: "No password", employee: true });
  });
  afterAll(() => database.drop());

  async function workOf(email: string) {
    scryptCalls.length = 0;
    const failure = await callerFor(database)
      .auth.login({ email, password: "a wrong guess" })
      .then(() => "signed in")
      .catch((error: Error) => error.message);
    return { failure, calls: [...scryptCalls] };
  }

  it("runs the same scrypt for an unknown email, an account without a password and a wrong password", async () => {
    const known = await workOf("known@example.com");
    expect(known.failure).toBe("The email or password is incorrect.");
    expect(known.calls).toEqual([{ keyLength: 32, options: { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } }]);
    expect(await workOf("nobody@example.com")).toEqual(known);
    expect(await workOf("nopassword@example.com")).toEqual(known);
  });
});
