/** A notification row as the admin reads it, shared by `list` and `retry`. */
import type { Prisma } from "@plano/db";
import type { z } from "zod";
import type { noticeSchema } from "./notification.schema";

export const noticeInclude = {
  outboxEmail: {
    select: { id: true, toEmail: true, subject: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, sentAt: true },
  },
} as const;

type NoticeRow = Prisma.NotificationGetPayload<{ include: typeof noticeInclude }>;

export const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toNotice({ outboxEmail: email, ...notice }: NoticeRow): z.input<typeof noticeSchema> {
  return {
    id: notice.id,
    kind: notice.kind,
    message: notice.message,
    appointmentId: notice.appointmentId,
    webhookSubscriptionId: notice.webhookSubscriptionId,
    createdAt: notice.createdAt.toISOString(),
    resolvedAt: iso(notice.resolvedAt),
    email: email && { ...email, nextAttemptAt: email.nextAttemptAt.toISOString(), sentAt: iso(email.sentAt) },
  };
}
