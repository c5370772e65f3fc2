/**
 * One per API process: hears every committed appointment change (NOTIFY from
 * the audit trigger, or in process on the embedded database), reads each
 * changed entry and record once, and hands them to the open subscriptions,
 * which filter them (office, dates, id, the caller's visibility) in memory.
 * Reads are batched per tick, so a burst of writes costs one query, not one
 * per subscriber or per write.
 */
import type { Db } from "@plano/db";
import { loadChanges, loadChangesAfter, type StoredChange } from "./change-events";

export const CHANGE_CHANNEL = "plano_appointment_change";
/** How many entries a catch-up (after a lost LISTEN connection) or a resume reads at most. */
export const REPLAY_LIMIT = 1000;

export type ChangeSubscriber = (changes: readonly StoredChange[]) => void;

/** What a source of notifications looks like: `listenForNotifications` from @plano/db. */
export type NotificationSource = (
  onPayload: (payload: string) => void,
  options: { onConnected?: (reconnected: boolean) => void; onError?: (error: unknown) => void },
) => { close(): Promise<void> };

export class ChangeHub {
  private readonly subscribers = new Set<ChangeSubscriber>();
  private pending = new Set<number>();
  private flushing: Promise<void> | undefined;
  private lastSeenId = 0;
  private readonly listener: { close(): Promise<void> };

  constructor(
    private readonly db: Db,
    source: NotificationSource,
  ) {
    this.listener = source((payload) => this.onPayload(payload), {
      onConnected: (reconnected) => {
        if (reconnected) void this.catchUp();
      },
      onError: (error) => console.error("live changes: LISTEN connection lost, reconnecting:", error),
    });
  }

  subscribe(subscriber: ChangeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    await this.listener.close();
  }

  private onPayload(payload: string): void {
    let id: unknown;
    try {
      id = (JSON.parse(payload) as { id?: unknown }).id;
    } catch {
      return;
    }
    if (typeof id !== "number" || !Number.isInteger(id)) return;
    this.lastSeenId = Math.max(this.lastSeenId, id);
    if (this.subscribers.size === 0) return;
    this.pending.add(id);
    this.flushing ??= Promise.resolve().then(() => this.flush());
  }

  /** Reads what the notifications named (the ones that arrived meanwhile join the next read). */
  private async flush(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const ids = [...this.pending];
        this.pending = new Set();
        this.dispatch(await loadChanges(this.db, ids));
      }
    } catch (error) {
      console.error("live changes: reading changed appointments failed:", error);
    } finally {
      this.flushing = undefined;
    }
  }

  /** After the LISTEN connection came back: what committed while it was down. */
  private async catchUp(): Promise<void> {
    try {
      const missed = await loadChangesAfter(this.db, this.lastSeenId, REPLAY_LIMIT);
      const last = missed.at(-1);
      if (last) this.lastSeenId = Math.max(this.lastSeenId, last.id);
      this.dispatch(missed);
    } catch (error) {
      console.error("live changes: catching up failed:", error);
    }
  }

  private dispatch(changes: readonly StoredChange[]): void {
    if (changes.length === 0) return;
    for (const subscriber of this.subscribers) {
      try {
        subscriber(changes);
      } catch (error) {
        console.error("live changes: a subscriber failed:", error);
      }
    }
  }
}
