import { readScope } from "../../auth/principal";
import { likeLiteral } from "../../domain/like-literal";
import { requirePermission, syncParse } from "../../trpc";
import { photographersInput, photographersOutput } from "./directory.schema";

export const photographers = requirePermission("appointments:read")
  .input(syncParse(photographersInput))
  .output(syncParse(photographersOutput))
  .query(async ({ ctx, input }) => {
    // Emails are staff-only (docs/permissions.md): schedulers and viewers, who see every appointment,
    // get them; photographers and clients see who shoots, not how to reach them.
    const withEmail = readScope(ctx.principal).all;
    return ctx.db.user.findMany({
      where: {
        employee: { isPhotographer: true },
        ...(input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" as const } } : {}),
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: input.limit,
      select: { id: true, name: true, email: withEmail },
    });
  });
