import { fail } from "../../errors";

/** Views belong to signed-in users; an application token has no user to own them. */
export function ownerOf(ctx: { principal: { userId: number | null } }): number {
  if (ctx.principal.userId === null) return fail("forbidden", "Saved views belong to a signed-in user; this caller has none.");
  return ctx.principal.userId;
}
