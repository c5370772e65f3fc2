export { addressPolicy, type AddressPolicy } from "./address-policy";
export { webhookOptionsFor, type WebhookSettings } from "./options";
export { createSubscription, deleteSubscription, listSubscriptions } from "./subscriptions";
export { WebhookWorker } from "./worker";
