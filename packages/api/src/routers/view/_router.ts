/**
 * Saved list views, per user and stored on the server: a name and the list's
 * query string. A shared view is offered to everyone who can read the list;
 * only its owner can change or delete it.
 */
import { deleteViewInput, saveViewInput, type SavedView } from "@plano/schema";
import { fail } from "../../errors";
import { createTRPCRouter, requirePermission } from "../../trpc";

const read = requirePermission("appointments:read");

/** Views belong to signed-in users; an application token has no user to own them. */
function ownerOf(ctx: { principal: { userId: number | null } }): number {
  if (ctx.principal.userId === null) return fail("forbidden", "Saved views belong to a signed-in user; this caller has none.");
  return ctx.principal.userId;
}

export const viewRouter = createTRPCRouter({
  list: read.query(async ({ ctx }): Promise<SavedView[]> => {
    const userId = ownerOf(ctx);
    const rows = await ctx.db.savedView.findMany({
      where: { OR: [{ ownerUserId: userId }, { shared: true }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 200,
      include: { owner: { select: { name: true } } },
    });
    return rows.map((row) => ({ id: row.id, name: row.name, query: row.query, shared: row.shared, ownerName: row.owner.name, mine: row.ownerUserId === userId }));
  }),

  /** Saves under a name; the same name again replaces the caller's own view. */
  save: read.input(saveViewInput).mutation(async ({ ctx, input }) => {
    const userId = ownerOf(ctx);
    const query = new URLSearchParams(input.query);
    query.delete("cursor");
    const row = await ctx.db.savedView.upsert({
      where: { ownerUserId_name: { ownerUserId: userId, name: input.name } },
      create: { ownerUserId: userId, name: input.name, query: query.toString(), shared: input.shared },
      update: { query: query.toString(), shared: input.shared },
    });
    return { id: row.id };
  }),

  delete: read.input(deleteViewInput).mutation(async ({ ctx, input }) => {
    const userId = ownerOf(ctx);
    const { count } = await ctx.db.savedView.deleteMany({ where: { id: input.id, ownerUserId: userId } });
    if (count === 0) return fail("not-found", `id: no saved view ${input.id} of yours`, { field: "id", fields: ["id"] });
    return { id: input.id };
  }),
});
