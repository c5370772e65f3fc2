import { protectedProcedure, syncParse } from "../../trpc";
import { meOutput } from "./auth.schema";

/** Who am I, with which roles and permissions. */
export const me = protectedProcedure.output(syncParse(meOutput)).query(({ ctx }) => ({
  kind: ctx.principal.kind,
  actor: ctx.principal.actor,
  application: ctx.principal.application,
  roles: [...ctx.principal.roles],
  permissions: [...ctx.principal.permissions].sort(),
  session: ctx.principal.session,
}));
