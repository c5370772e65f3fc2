export { mailerFor, OutboxMailer } from "./mailer";
export type { MandrillConfig } from "./mandrill";
