/**
 * Webhook delivery under update load: an API process with one subscription
 * (every `appointment.updated`, to a receiver in this process on 127.0.0.1)
 * takes tRPC updates on 32 connections while it delivers. Reported beside the
 * update figure: deliveries per second, and the lag from the write (the
 * event's timestamp, taken just before commit) to the receiver's receipt,
 * p50/p99. After the runs the queue is drained; how long that takes is the
 * backlog the load left.
 */
import { startWebhookReceiver } from "@plano/testing/webhook-receiver";
import { cli, withClient, type Deployment } from "../lib/database";
import { measure, type Figure, type MeasureOptions } from "../lib/figures";
import type { ServerProcess } from "../lib/processes";
import { crudSpec, type CrudContext } from "./crud";

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function pendingDeliveries(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) =>
    Number((await client.query("SELECT count(*) AS n FROM webhook_delivery WHERE status = 'pending'")).rows[0].n),
  );
}

export const WEBHOOK_BENCH_ENV = { WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8", WEBHOOK_POLL_MS: "50" };

export async function webhookFigures(
  deployment: Deployment,
  ctx: CrudContext,
  startApi: () => Promise<ServerProcess>,
  connections: number,
  options: MeasureOptions,
): Promise<Figure[]> {
  const receiver = await startWebhookReceiver();
  const subscription = (await cli(deployment, "webhook:create", "--url", receiver.url("/ok"), "--event", "appointment.updated", "--description", "bench")) as {
    id: number;
  };
  try {
    const api = await startApi();
    try {
      const spec = crudSpec(ctx, "update-webhooks", "update", { layer: "trpc", server: api }, connections);
      receiver.received.length = 0;
      const started = Date.now();
      const [figure] = await measure([spec], options);
      const loadEnded = Date.now();
      const deadline = loadEnded + 120_000;
      while ((await pendingDeliveries(ctx.databaseUrl)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const drainS = (Date.now() - loadEnded) / 1000;
      const backlog = await pendingDeliveries(ctx.databaseUrl);

      const messages = receiver.received.filter((m) => m.answered === 200);
      const lags = messages.map((m) => m.at - Date.parse((JSON.parse(m.body) as { timestamp: string }).timestamp));
      const during = messages.filter((m) => m.at <= loadEnded);
      // Events written in the same window (every update writes one), so the two rates compare: the update figure's
      // req/s is the median of the measured runs only, while this window also holds the warm-up and the pauses.
      const written = new Set(
        messages.filter((m) => Date.parse((JSON.parse(m.body) as { timestamp: string }).timestamp) <= loadEnded).map((m) => m.headers["webhook-id"]),
      ).size;
      const unique = new Set(messages.map((m) => m.headers["webhook-id"])).size;
      options.log(
        `  webhooks: ${messages.length} delivered (${unique} distinct), lag p50 ${percentile(lags, 50)} ms p99 ${percentile(lags, 99)} ms, drained ${drainS.toFixed(1)} s after the load`,
      );
      return [
        {
          ...figure!,
          webhook_delivered: messages.length,
          webhook_distinct: unique,
          webhook_delivered_per_s: round(during.length / Math.max(0.001, (loadEnded - started) / 1000), 1),
          webhook_written_per_s: round(written / Math.max(0.001, (loadEnded - started) / 1000), 1),
          webhook_lag_p50_ms: percentile(lags, 50),
          webhook_lag_p99_ms: percentile(lags, 99),
          webhook_drain_s: round(drainS),
          webhook_backlog_left: backlog,
        },
      ];
    } finally {
      await api.stop();
    }
  } finally {
    await cli(deployment, "webhook:delete", "--id", String(subscription.id));
    await receiver.close();
  }
}
