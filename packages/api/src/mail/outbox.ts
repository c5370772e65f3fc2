/**
 * The outbox: every client email is a row first and sent second, so a failed
 * send loses nothing. A failure keeps the row pending with a growing delay,
 * records the error, and opens one admin notification for the row; a later
 * success resolves it.
 */
import type { Db, Models } from "@plano/db";
import { MandrillError, sendViaMandrill, type MandrillConfig } from "./mandrill";

export const outboxStatuses = {
  /** Waiting for its (next) attempt at `nextAttemptAt`. */
  pending: "pending",
  sent: "sent",
  /** No Mandrill key configured (development): recorded here instead of sent. */
  sentLocally: "sent-locally",
} as const;

export const EMAIL_FAILED_NOTICE = "email-failed";

export interface OutboxOptions {
  /** Without it, mail is recorded as sent locally. */
  mandrill: MandrillConfig | undefined;
  clock: () => Date;
}

/**
 * How long a sender owns a row it is sending: long enough for one attempt,
 * after which a crashed sender's row is picked up again.
 */
export const claimMs = (options: OutboxOptions) => (options.mandrill?.timeoutMs ?? 0) + 60_000;

const MINUTE_MS = 60_000;

/** 1, 2, 4 … minutes after each failed attempt, at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MINUTE_MS * 2 ** Math.max(0, failedAttempts - 1), 60 * MINUTE_MS);
}

export type DeliveryOutcome = { ok: true; status: string } | { ok: false; error: MandrillError };

async function recordFailure(db: Db, row: Models.OutboxEmail, error: MandrillError, now: Date): Promise<void> {
  const attempts = row.attempts + 1;
  await db.outboxEmail.update({
    where: { id: row.id },
    data: { attempts, lastError: error.message, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) },
  });
  const open = await db.notification.findFirst({ where: { outboxEmailId: row.id, resolvedAt: null }, select: { id: true } });
  if (open) return;
  await db.notification.create({
    data: {
      kind: EMAIL_FAILED_NOTICE,
      message: `The email "${row.subject}" to ${row.toEmail} could not be sent (${error.message}); it will be retried.`,
      appointmentId: row.appointmentId,
      outboxEmailId: row.id,
      createdAt: now,
    },
  });
}

async function recordSent(db: Db, row: Models.OutboxEmail, status: string, now: Date): Promise<void> {
  await db.outboxEmail.update({
    where: { id: row.id },
    data: { status, attempts: row.attempts + 1, lastError: null, sentAt: now },
  });
  await resolveNotices(db, row.id, now);
}

/** The email went out: its open notices are done. */
export async function resolveNotices(db: Db, outboxEmailId: number, now: Date): Promise<void> {
  await db.notification.updateMany({ where: { outboxEmailId, resolvedAt: null }, data: { resolvedAt: now } });
}

/** One attempt at a row the caller owns (it created or claimed it). Never throws for a send failure. */
export async function deliver(db: Db, row: Models.OutboxEmail, options: OutboxOptions): Promise<DeliveryOutcome> {
  if (!options.mandrill) {
    await recordSent(db, row, outboxStatuses.sentLocally, options.clock());
    return { ok: true, status: outboxStatuses.sentLocally };
  }
  try {
    await sendViaMandrill(options.mandrill, {
      toEmail: row.toEmail,
      toName: row.toName,
      subject: row.subject,
      text: row.text,
      metadata: { outbox_email_id: String(row.id), ...(row.appointmentId ? { appointment_id: String(row.appointmentId) } : {}) },
    });
  } catch (error) {
    const failure = error instanceof MandrillError ? error : new MandrillError(String((error as Error).message ?? error));
    await recordFailure(db, row, failure, options.clock());
    return { ok: false, error: failure };
  }
  await recordSent(db, row, outboxStatuses.sent, options.clock());
  return { ok: true, status: outboxStatuses.sent };
}

/**
 * Takes a pending row for one attempt, unless another sender has it: the
 * claim moves `nextAttemptAt` past the attempt, atomically.
 */
export async function claim(db: Db, row: Models.OutboxEmail, options: OutboxOptions): Promise<Models.OutboxEmail | null> {
  const until = new Date(options.clock().getTime() + claimMs(options));
  const { count } = await db.outboxEmail.updateMany({
    where: { id: row.id, status: outboxStatuses.pending, nextAttemptAt: row.nextAttemptAt },
    data: { nextAttemptAt: until },
  });
  return count === 1 ? { ...row, nextAttemptAt: until } : null;
}

export interface RetrySummary {
  attempted: number;
  sent: number;
  failed: number;
}

/** Sends the pending emails that are due, oldest first (a bounded batch per call). */
export async function retryDue(db: Db, options: OutboxOptions, { batch = 20 }: { batch?: number } = {}): Promise<RetrySummary> {
  const due = await db.outboxEmail.findMany({
    where: { status: outboxStatuses.pending, nextAttemptAt: { lte: options.clock() } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: batch,
  });
  const summary: RetrySummary = { attempted: 0, sent: 0, failed: 0 };
  for (const row of due) {
    const claimed = await claim(db, row, options);
    if (!claimed) continue;
    summary.attempted += 1;
    const outcome = await deliver(db, claimed, options);
    if (outcome.ok) summary.sent += 1;
    else summary.failed += 1;
  }
  return summary;
}
