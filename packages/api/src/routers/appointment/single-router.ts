/**
 * The single-appointment procedures, on their own router so `appointment.bulk`
 * can call each of them per row (auth, permission, visibility, version check,
 * domain rules, audit, client email: exactly what one call does).
 */
import { createCallerFactory, createTRPCRouter } from "../../trpc";
import { byId } from "./by-id.handler";
import { cancel } from "./cancel.handler";
import { confirm } from "./confirm.handler";
import { update } from "./update.handler";

export const singleAppointmentRouter = createTRPCRouter({ byId, update, confirm, cancel });
export const singleAppointmentCaller = createCallerFactory(singleAppointmentRouter);
