/**
 * The delivery loop every API process runs. At most `concurrency` requests
 * are in flight (at most `perSubscription` to one subscription), each bounded
 * by its timeout, so no receiver can stall the queue or the API; when a
 * delivery finishes, the loop looks again at once (the appointment's next
 * event may now be due). Successes are recorded together (`DeliveredBatch`);
 * a slot is free again only once its outcome is recorded.
 */
import type { Db } from "@plano/db";
import { claimDue, recordDelivered, recordOutcome, requestOf, type ClaimedDelivery, type Outcome } from "./queue";
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
  private readonly delivered: DeliveredBatch;

  constructor(
    private readonly db: Db,
    private readonly options: WebhookOptions,
    private readonly log: (message: string, error?: unknown) => void = (message, error) => console.error(message, error ?? ""),
  ) {
    this.agents = createAgents(options.concurrency);
    this.delivered = new DeliveredBatch(db);
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
    // No subscription gets more than what it has left of its share (perSubscription), whatever is free.
    return claimDue(this.db, free, this.busySubscriptions(), this.options, this.perSubscription);
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
      if (result.ok) await this.delivered.record({ delivery, result, at: this.options.clock() });
      else await recordOutcome(this.db, delivery, result, this.options);
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

/**
 * Group commit for successful deliveries: one statement records every success waiting (`recordDelivered`), one
 * such statement at a time, and those finishing meanwhile wait for the next. So a burst of answers costs a round
 * trip or two on the worker's small pool instead of one each, and failures keep their own careful path.
 * Each caller's promise settles with its batch: a batch that fails leaves all its rows leased (retried later).
 */
class DeliveredBatch {
  private waiting: { outcome: Outcome; settle: (error?: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  record(outcome: Outcome): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ outcome, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.flushing) return;
      this.flushing = true;
      // After this turn's I/O callbacks: answers that arrived together go in one statement.
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      let failure: unknown;
      try {
        await recordDelivered(
          this.db,
          batch.map((w) => w.outcome),
        );
      } catch (error) {
        failure = error ?? new Error("recording delivered webhooks failed");
      }
      for (const w of batch) w.settle(failure);
    }
    this.flushing = false;
  }
}
