/** The admin's notifications list and an appointment's mail log. */
import { recordId } from "@plano/schema";
import { z } from "zod";

const instant = z.string();

export const noticeListInput = z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 });
export const emailsOfInput = z.object({ appointmentId: recordId });
export const retryInput = z.object({ id: recordId });

export const noticeSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  message: z.string(),
  appointmentId: z.number().int().nullable(),
  webhookSubscriptionId: z.number().int().nullable(),
  createdAt: instant,
  resolvedAt: instant.nullable(),
  /** The email the notice is about, with how its sending goes. */
  email: z
    .object({
      id: z.number().int(),
      toEmail: z.string(),
      subject: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      nextAttemptAt: instant,
      sentAt: instant.nullable(),
    })
    .nullable(),
});

export const mailLogEntrySchema = z.object({
  id: z.number().int(),
  toEmail: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  status: z.string(),
  /** sent (or recorded, without Mandrill), failed (waiting for its retry), queued (its first attempt is under way). */
  state: z.enum(["sent", "failed", "queued"]),
  attempts: z.number().int(),
  retried: z.boolean(),
  lastError: z.string().nullable(),
  createdAt: instant,
  sentAt: instant.nullable(),
  nextAttemptAt: instant.nullable(),
});
