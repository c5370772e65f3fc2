export { addressPolicy, AddressRefusedError, type AddressPolicy } from "./address-policy";
export { defaultWebhookOptions, webhookOptionsFor, type WebhookOptions, type WebhookSettings } from "./options";
export { claimDue, deliveryStatuses, pauseSubscription, recordOutcome, retryDelayMs, WEBHOOK_PAUSED_NOTICE } from "./queue";
export { sendWebhook, type SendResult } from "./send";
export { generateWebhookSecret, messageIdOf, signWebhook } from "./signing";
export {
  createSubscription,
  deleteSubscription,
  deliveryLog,
  listSubscriptions,
  redeliver,
  resumeSubscription,
} from "./subscriptions";
export { WebhookWorker } from "./worker";
