/**
 * At least once across a crash: the production server (its own OS process)
 * is killed with SIGKILL while a webhook request is in flight; a new process
 * delivers everything, so the receiver ends up with every event once after
 * de-duplication, in commit order per appointment.
 */
import path from "node:path";
import { createApplicationToken, syncReferenceData } from "@plano/api";
import { startWebhookReceiver, type WebhookReceiver } from "@plano/testing/webhook-receiver";
import { createPlanoClient } from "@plano/client";
import { createTestDatabase, type TestDatabase } from "@plano/testing/database";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot, type ServerProcess } from "../../../bench/lib/processes";
import { buildServer, serverEnv, startApi } from "../../../bench/lib/servers";

const until = async (check: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("webhooks across a crash of the API process", () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let dist: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    [dist, database, receiver] = await Promise.all([
      buildServer(path.join(repoRoot, "bench/dist/webhook-crash")),
      createTestDatabase(inject("templateDatabase"), { poolSize: 2 }),
      startWebhookReceiver(),
    ]);
    await syncReferenceData(database.db);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await receiver?.close();
    await database?.drop();
  });

  it("loses nothing when killed mid-delivery", async () => {
    const env = serverEnv(database.url, { WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8", WEBHOOK_TIMEOUT_MS: "3000", WEBHOOK_POLL_MS: "50" });
    const first = await startApi({ dist, env });
    const { token } = await createApplicationToken(database.db, "planox2", { role: "scheduler" });
    const plano = createPlanoClient({ url: `${first.origin}/api/trpc`, token });

    const office = await database.db.office.create({ data: { name: "Denver", timeZone: "America/Denver" } });
    await plano.webhook.create.mutate({ url: receiver.url("/gate"), events: ["appointment.updated"] });
    receiver.gate.closed = true;
    const ids: number[] = [];
    for (let n = 0; n < 4; n += 1) {
      const { appointment } = await plano.appointment.create.mutate({ officeId: office.id, allday: true, dateStartLocal: "2026-12-01" });
      ids.push(appointment.id);
      let version = appointment.updatedAtMt;
      for (let step = 1; step <= 5; step += 1) {
        version = (await plano.appointment.update.mutate({ id: appointment.id, updatedAtMt: version, patch: { notes: `s${step}` } })).appointment.updatedAtMt;
      }
    }
    // A request is in flight (the receiver holds it): kill the process that sent it.
    await until(() => receiver.received.length > 0, 20_000, "a delivery in flight");
    process.kill(first.pid, "SIGKILL");
    const caughtInFlight = receiver.received.map((message) => message.headers["webhook-id"]);
    receiver.gate.closed = false;

    servers.push(await startApi({ dist, env }));
    const unique = () => new Map(receiver.received.filter((m) => m.answered === 200).map((m) => [m.headers["webhook-id"], m]));
    await until(() => unique().size === 20, 60_000, "all 20 events after the restart");

    // The killed process's request came again from the new one (at least once; receivers drop the duplicate).
    for (const id of caughtInFlight) expect(receiver.received.filter((m) => m.headers["webhook-id"] === id && m.answered === 200)).toHaveLength(1);
    const seen = new Set<string>();
    const perAppointment = new Map<number, string[]>();
    for (const message of receiver.received.filter((m) => m.answered === 200)) {
      if (seen.has(message.headers["webhook-id"]!)) continue;
      seen.add(message.headers["webhook-id"]!);
      const { data } = JSON.parse(message.body) as { data: { appointmentId: number; changes: { notes: { after: string } } } };
      perAppointment.set(data.appointmentId, [...(perAppointment.get(data.appointmentId) ?? []), data.changes.notes.after]);
    }
    expect([...perAppointment.keys()].sort((a, b) => a - b)).toEqual(ids);
    for (const notes of perAppointment.values()) expect(notes).toEqual(["s1", "s2", "s3", "s4", "s5"]);
  }, 180_000);
});
