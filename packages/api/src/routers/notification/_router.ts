/**
 * The admin's notifications list: notices such as "a client email could not
 * be sent", and a retry of that email. Schedulers hold `notifications:read`.
 */
import { createTRPCRouter } from "../../trpc";
import { emailsOf } from "./emails-of.handler";
import { list } from "./list.handler";
import { retry } from "./retry.handler";

export const notificationRouter = createTRPCRouter({ list, emailsOf, retry });
