export { EMAIL_FAILED_NOTICE, outboxStatuses, retryDelayMs, type RetrySummary } from "./outbox";
export { DEFAULT_MANDRILL_BASE_URL, mailerFor, OutboxMailer, type MailerOptions } from "./mailer";
export type { ResendOutcome } from "../domain/mail";
export { MandrillError, type MandrillConfig } from "./mandrill";
