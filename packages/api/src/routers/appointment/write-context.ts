import type { Db } from "@plano/db";
import type { ChangeChannel } from "@plano/schema";
import type { Principal } from "../../auth/principal";
import type { WriteContext } from "./appointment-writes";

export const writeContext = (ctx: { db: Db; principal: Principal; channel: ChangeChannel; now: () => Date }): WriteContext => ({
  db: ctx.db,
  principal: ctx.principal,
  channel: ctx.channel,
  now: ctx.now(),
});
