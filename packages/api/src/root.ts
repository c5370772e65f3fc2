import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { appointmentRouter } from "./routers/appointment/_router";
import { authRouter } from "./routers/auth/_router";
import { directoryRouter } from "./routers/directory/_router";
import { notificationRouter } from "./routers/notification/_router";
import { viewRouter } from "./routers/view/_router";
import { webhookRouter } from "./routers/webhook/_router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  appointment: appointmentRouter,
  auth: authRouter,
  directory: directoryRouter,
  notification: notificationRouter,
  view: viewRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side calls of the same procedures (the REST adapter, the CLI). */
export const createCaller = createCallerFactory(appRouter);
