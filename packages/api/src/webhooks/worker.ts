/**
 * The delivery loop every API process runs. At most `concurrency` requests
 * are in flight (at most `perSubscription` to one subscription), each bounded
 * by its timeout, so no receiver can stall the queue or the API; when a
 * delivery finishes, the loop looks again at once (the appointment's next
 * event may now be due).
 */
import type { Db } from "@plano/db";
import { claimDue, recordOutcome, requestOf, type ClaimedDelivery } from "./queue";
import { createAgents, sendWebhook } from "./send";
import type { WebhookOptions } from "./options";

export class WebhookWorker {
  private running = false;
  private loopDone: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly perSubscription = new Map<number, number>();
  private wake: (() => void) | undefined;
  /** A delivery finished since the last claim: look again before sleeping (a wake-up while claiming is not lost). */
  private woken = false;
  private readonly agents;

  constructor(
    private readonly db: Db,
    private readonly options: WebhookOptions,
    private readonly log: (message: string, error?: unknown) => void = (message, error) => console.error(message, error ?? ""),
  ) {
    this.agents = createAgents(options.concurrency);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops taking deliveries and waits for those in flight (each ends by its timeout). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    await Promise.all(this.inFlight);
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  /** Delivers everything due now, and what becomes due meanwhile (the next events of each appointment); for tests and tools. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      // A subscription skipped as busy may have finished its requests while we claimed: then look again.
      const skippedBusy = this.busySubscriptions().length > 0;
      const claimed = await this.claim();
      if (claimed.length === 0 && this.inFlight.size === 0 && !skippedBusy) return delivered;
      delivered += claimed.length;
      for (const delivery of claimed) this.launch(delivery);
      if (this.inFlight.size > 0) await Promise.race(this.inFlight);
    }
  }

  private busySubscriptions(): number[] {
    return [...this.perSubscription].filter(([, count]) => count >= this.options.perSubscription).map(([id]) => id);
  }

  private async claim(): Promise<ClaimedDelivery[]> {
    const free = this.options.concurrency - this.inFlight.size;
    if (free <= 0) return [];
    // One subscription may not take more than its share of the free slots in one go.
    const claimed = await claimDue(this.db, free, this.busySubscriptions(), this.options);
    return claimed;
  }

  private launch(delivery: ClaimedDelivery): void {
    this.perSubscription.set(delivery.subscriptionId, (this.perSubscription.get(delivery.subscriptionId) ?? 0) + 1);
    const task = this.deliver(delivery).finally(() => {
      this.inFlight.delete(task);
      const left = (this.perSubscription.get(delivery.subscriptionId) ?? 1) - 1;
      if (left > 0) this.perSubscription.set(delivery.subscriptionId, left);
      else this.perSubscription.delete(delivery.subscriptionId);
      this.woken = true;
      this.wake?.();
    });
    this.inFlight.add(task);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    try {
      const { body, headers } = requestOf(delivery, this.options.clock());
      const result = await sendWebhook(delivery.url, headers, body, { ...this.options, agents: this.agents });
      await recordOutcome(this.db, delivery, result, this.options);
    } catch (error) {
      // The lease runs out and the delivery is retried: nothing is lost.
      this.log(`webhook delivery ${delivery.id} could not be recorded:`, error);
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let claimed: ClaimedDelivery[] = [];
      try {
        claimed = await this.claim();
      } catch (error) {
        this.log("webhook queue could not be read:", error);
      }
      for (const delivery of claimed) this.launch(delivery);
      if (!this.running) break;
      if (claimed.length > 0 && this.inFlight.size < this.options.concurrency) continue;
      if (this.woken && this.inFlight.size < this.options.concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
