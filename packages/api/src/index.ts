export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { APPLICATION_HEADER, CSRF_HEADER, SESSION_COOKIE, createContext, credentialsFromHeaders, type CookieJar } from "./context";
export { createApplicationToken, createSession, createUser, type NewUser } from "./auth/credentials-admin";
export { hashPassword, verifyPassword } from "./auth/passwords";
export { pruneLoginThrottle } from "./auth/login-throttle";
export { syncReferenceData } from "./auth/reference-data";
export { describeError, type DescribedError } from "./error-detail";
export { PlanoError, planoErrorOf } from "./errors";
export type { AppointmentMailer } from "./domain/mail";
export { mailerFor, OutboxMailer } from "./mail";
export type { MandrillConfig } from "./mail";
export { onQuery } from "./store/client";
export { perKeyList } from "./key-list-cache";
export { tokenKind } from "./auth/tokens";
export { ChangeHub, CHANGE_CHANNEL } from "./live/change-hub";
export { requestIdFrom } from "./request-id";
export {
  addressPolicy,
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  WebhookWorker,
  webhookOptionsFor,
  type AddressPolicy,
  type WebhookSettings,
} from "./webhooks";
