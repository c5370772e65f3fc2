/**
 * Hearing NOTIFY: a dedicated LISTEN connection on PostgreSQL (reconnected
 * with a growing delay if it drops), or the embedded database's in-process
 * notifications when this process owns it.
 */
import pg from "pg";
import type { EmbeddedDatabase } from "./embedded";
import { pgConfigFromUrl } from "./pg-config";

export interface NotificationListener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Called after a (re)connection: notifications sent while disconnected were lost, so listeners should catch up. */
  onConnected?: (reconnected: boolean) => void;
  onError?: (error: unknown) => void;
}

export function listenForNotifications(
  database: Pick<EmbeddedDatabase, "url" | "notifications">,
  channel: string,
  onPayload: (payload: string) => void,
  options: ListenOptions = {},
): NotificationListener {
  const { notifications } = database;
  if (notifications) {
    notifications.on(channel, onPayload);
    queueMicrotask(() => options.onConnected?.(false));
    return { close: async () => void notifications.off(channel, onPayload) };
  }

  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let delayMs = 250;
  let connectedOnce = false;

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client(pgConfigFromUrl(database.url, {}));
    client = next;
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    const retry = (error: unknown) => {
      if (closed || client !== next) return;
      options.onError?.(error);
      client = undefined;
      next.end().catch(() => {});
      retryTimer = setTimeout(() => void connect(), delayMs);
      delayMs = Math.min(delayMs * 2, 5000);
    };
    next.on("error", retry);
    next.on("end", () => retry(new Error("LISTEN connection ended")));
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
      delayMs = 250;
      options.onConnected?.(connectedOnce);
      connectedOnce = true;
    } catch (error) {
      retry(error);
    }
  };
  void connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
    },
  };
}
