/** Reference lists the edit form needs: offices (with zones) and photographers. */
import { storableText } from "@plano/schema";
import { z } from "zod";
import { readScope } from "../../auth/principal";
import { likeLiteral } from "../../domain/like-literal";
import { createTRPCRouter, requirePermission } from "../../trpc";

const read = requirePermission("appointments:read");

export const directoryRouter = createTRPCRouter({
  offices: read.query(({ ctx }) =>
    ctx.db.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } }),
  ),

  photographers: read
    .input(z.object({ search: storableText(100).trim().optional(), limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 }))
    .query(async ({ ctx, input }): Promise<{ id: number; name: string; email?: string }[]> => {
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
    }),
});
