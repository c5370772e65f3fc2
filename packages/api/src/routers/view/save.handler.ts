import { saveViewInput } from "@plano/schema";
import { requirePermission, syncParse } from "../../trpc";
import { ownerOf } from "./owner";
import { viewIdOutput } from "./view.schema";

/** Saves under a name; the same name again replaces the caller's own view. */
export const save = requirePermission("appointments:read")
  .input(syncParse(saveViewInput))
  .output(syncParse(viewIdOutput))
  .mutation(async ({ ctx, input }) => {
    const userId = ownerOf(ctx);
    const query = new URLSearchParams(input.query);
    query.delete("cursor");
    const row = await ctx.db.savedView.upsert({
      where: { ownerUserId_name: { ownerUserId: userId, name: input.name } },
      create: { ownerUserId: userId, name: input.name, query: query.toString(), shared: input.shared },
      update: { query: query.toString(), shared: input.shared },
    });
    return { id: row.id };
  });
