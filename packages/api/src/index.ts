export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export {
  APPLICATION_HEADER,
  CSRF_HEADER,
  SESSION_COOKIE,
  createContext,
  credentialsFromHeaders,
  type Context,
  type CookieJar,
  type CreateContextOptions,
} from "./context";
export { authenticate, DEFAULT_SESSION_APPLICATION, type Credentials } from "./auth/authenticate";
export { createApplicationToken, createSession, createUser, type NewUser } from "./auth/credentials-admin";
export { hashPassword, verifyPassword } from "./auth/passwords";
export { pruneLoginThrottle } from "./auth/login-throttle";
export { syncReferenceData } from "./auth/reference-data";
export { hashToken } from "./auth/tokens";
export { describeError, type DescribedError } from "./error-detail";
export { PlanoError, planoErrorOf } from "./errors";
export type { AppointmentEvent, AppointmentMailer } from "./domain/mail";
export { toAppointment } from "./domain/appointment-record";
export { searchTextOf } from "./domain/persist";
export { DEFAULT_MANDRILL_BASE_URL, EMAIL_FAILED_NOTICE, mailerFor, MandrillError, OutboxMailer, outboxStatuses } from "./mail";
export type { MailerOptions, MandrillConfig, ResendOutcome, RetrySummary } from "./mail";
export { tokenKind } from "./auth/tokens";
export { ChangeHub, CHANGE_CHANNEL, type NotificationSource } from "./live/change-hub";
export { requestIdFrom } from "./request-id";
export {
  addressPolicy,
  createSubscription,
  defaultWebhookOptions,
  deleteSubscription,
  listSubscriptions,
  WEBHOOK_PAUSED_NOTICE,
  WebhookWorker,
  webhookOptionsFor,
  type AddressPolicy,
  type WebhookOptions,
  type WebhookSettings,
} from "./webhooks";
