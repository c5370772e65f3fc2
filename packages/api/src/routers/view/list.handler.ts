import { savedViewSchema } from "@plano/schema";
import { z } from "zod";
import { requirePermission, syncParse } from "../../trpc";
import { ownerOf } from "./owner";

/** The caller's own views and those shared with everyone, by name. */
export const list = requirePermission("appointments:read")
  .output(syncParse(z.array(savedViewSchema)))
  .query(async ({ ctx }) => {
    const userId = ownerOf(ctx);
    const rows = await ctx.db.savedView.findMany({
      where: { OR: [{ ownerUserId: userId }, { shared: true }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 200,
      include: { owner: { select: { name: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      query: row.query,
      shared: row.shared,
      ownerName: row.owner.name,
      mine: row.ownerUserId === userId,
    }));
  });
