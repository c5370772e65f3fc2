/**
 * Live subscribers in a process of their own (forked by bench/scenarios/live.ts):
 * one job over IPC opens `count` `appointment.onChange` subscriptions to one
 * office-day with tRPC's own client, as a service would; each event's arrival
 * is kept (appointment id, wall-clock ms) and handed back in one message when
 * asked, with the CPU time this process spent, so the parent can tell whether
 * the subscribers, not the servers, were the limit.
 *
 * Arrival times are `performance.timeOrigin + performance.now()`: wall-clock
 * milliseconds with sub-millisecond resolution, comparable across processes on
 * one machine (the parent stamps commits the same way).
 */
import { createPlanoClient } from "@plano/client";
import { EventSource } from "eventsource";

export interface SubscriberJob {
  /** How many subscriptions to open on each API server. */
  targets: { origin: string; count: number }[];
  token: string;
  input: { officeId: number; dateFrom: string; dateTo: string };
}

export type SubscriberMessage =
  | { type: "started" }
  | { type: "failed"; error: string }
  | { type: "report"; arrivals: [appointmentId: number, atMs: number][]; cpuMs: number };

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: SubscriberMessage) => process.send!(message);

let arrivals: [number, number][] = [];
let close = () => {};

async function open({ targets, token, input }: SubscriberJob) {
  let started = 0;
  const subscriptions = targets.flatMap(({ origin, count }) => {
    const client = createPlanoClient({ url: `${origin}/api/trpc`, token, EventSource, batch: false });
    return Array.from({ length: count }, () =>
      client.appointment.onChange.subscribe(input, {
        onStarted: () => started++,
        onData: ({ data }) => {
          if (data.kind === "change") arrivals.push([data.appointmentId, now()]);
        },
      }),
    );
  });
  const count = subscriptions.length;
  close = () => {
    for (const s of subscriptions) s.unsubscribe();
  };
  const deadline = Date.now() + 60_000;
  while (started < count && Date.now() < deadline) await sleep(50);
  if (started < count) throw new Error(`only ${started} of ${count} subscriptions started`);
}

process.on("message", (message: { type: "open"; job: SubscriberJob } | { type: "report" } | { type: "close" }) => {
  if (message.type === "open") {
    open(message.job).then(
      () => send({ type: "started" }),
      (error: unknown) => send({ type: "failed", error: String(error) }),
    );
  } else if (message.type === "report") {
    const usage = process.cpuUsage();
    send({ type: "report", arrivals, cpuMs: (usage.user + usage.system) / 1000 });
    arrivals = [];
  } else {
    close();
    process.exit(0);
  }
});
