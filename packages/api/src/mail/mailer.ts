/**
 * The `AppointmentMailer` the server runs with: confirm/cancel emails go to
 * the order's client through the outbox and Mandrill. The first attempt
 * happens in the request, so the caller learns at once that it failed
 * (`email-failed`); later attempts come from `retryOutbox` or an admin's retry.
 */
import type { Db } from "@plano/db";
import type { AppointmentEvent, AppointmentMailer, ResendOutcome } from "../domain/mail";
import { appointmentEmail, recipientsOf } from "./appointment-email";
import type { MandrillConfig } from "./mandrill";
import { claim, claimMs, deliver, outboxStatuses, resolveNotices, retryDue, type OutboxOptions, type RetrySummary } from "./outbox";

export const DEFAULT_MANDRILL_BASE_URL = "https://mandrillapp.com/api/1.0";

export interface MailerOptions {
  /** Mandrill's settings; without them mail is recorded in the outbox as sent locally. */
  mandrill?: MandrillConfig;
  clock?: () => Date;
}

export class OutboxMailer implements AppointmentMailer {
  private readonly options: OutboxOptions;

  constructor(options: MailerOptions = {}) {
    this.options = { mandrill: options.mandrill, clock: options.clock ?? (() => new Date()) };
  }

  /** False when mail is only recorded (no Mandrill key). */
  get sends(): boolean {
    return this.options.mandrill !== undefined;
  }

  async appointmentEvent(db: Db, event: AppointmentEvent): Promise<void> {
    // Every recipient gets a row and an attempt, even when an earlier one failed; the first failure is reported.
    let failure: Error | undefined;
    for (const recipient of await recipientsOf(db, event)) {
      const { subject, text } = appointmentEmail(event, recipient);
      const now = this.options.clock();
      const row = await db.outboxEmail.create({
        data: {
          appointmentId: event.appointment.id,
          toEmail: recipient.email,
          toName: recipient.name,
          subject,
          text,
          status: outboxStatuses.pending,
          createdAt: now,
          // Claimed by this first attempt, so the retry loop leaves it alone meanwhile.
          nextAttemptAt: new Date(now.getTime() + claimMs(this.options)),
        },
      });
      const outcome = await deliver(db, row, this.options);
      if (!outcome.ok) failure ??= outcome.error;
    }
    if (failure) throw failure;
  }

  /** Sends the emails whose retry is due; for a periodic loop. */
  retryOutbox(db: Db, options?: { batch?: number }): Promise<RetrySummary> {
    return retryDue(db, this.options, options);
  }

  /** One attempt now at this outbox email, whatever its schedule (an admin's "retry"). */
  async resend(db: Db, outboxEmailId: number): Promise<ResendOutcome | undefined> {
    const row = await db.outboxEmail.findUnique({ where: { id: outboxEmailId } });
    if (!row) return undefined;
    if (row.status !== outboxStatuses.pending) {
      await resolveNotices(db, row.id, this.options.clock());
      return { ok: true, status: row.status };
    }
    const claimed = await claim(db, row, this.options);
    return claimed ? deliver(db, claimed, this.options) : { ok: false, busy: true };
  }
}

/**
 * The mailer for Mandrill settings an entry point parsed (MANDRILL_* in apps/server/src/env.ts):
 * no API key records mail only; the rest default to Mandrill's API, 10 s and the house sender.
 */
export function mailerFor(settings: Partial<MandrillConfig> = {}): OutboxMailer {
  const apiKey = settings.apiKey?.trim();
  if (!apiKey) return new OutboxMailer();
  return new OutboxMailer({
    mandrill: {
      apiKey,
      baseUrl: settings.baseUrl || DEFAULT_MANDRILL_BASE_URL,
      timeoutMs: settings.timeoutMs ?? 10_000,
      fromEmail: settings.fromEmail || "appointments@plano.example",
      fromName: settings.fromName || "Plano Appointments",
    },
  });
}
