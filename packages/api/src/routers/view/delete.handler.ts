import { deleteViewInput } from "@plano/schema";
import { fail } from "../../errors";
import { requirePermission, syncParse } from "../../trpc";
import { ownerOf } from "./owner";
import { viewIdOutput } from "./view.schema";

/** Only the owner may delete a view. */
export const deleteView = requirePermission("appointments:read")
  .input(syncParse(deleteViewInput))
  .output(syncParse(viewIdOutput))
  .mutation(async ({ ctx, input }) => {
    const userId = ownerOf(ctx);
    const { count } = await ctx.db.savedView.deleteMany({ where: { id: input.id, ownerUserId: userId } });
    if (count === 0) return fail("not-found", `id: no saved view ${input.id} of yours`, { field: "id", fields: ["id"] });
    return { id: input.id };
  });
