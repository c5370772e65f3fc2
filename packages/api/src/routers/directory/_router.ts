/** Reference lists the edit form needs: offices (with zones) and photographers. */
import { storableText } from "@plano/schema";
import { z } from "zod";
import { likeLiteral } from "../../domain/like-literal";
import { createTRPCRouter, requirePermission } from "../../trpc";

const read = requirePermission("appointments:read");

export const directoryRouter = createTRPCRouter({
  offices: read.query(({ ctx }) =>
    ctx.db.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } }),
  ),

  photographers: read
    .input(z.object({ search: storableText(100).trim().optional(), limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 }))
    .query(({ ctx, input }) =>
      ctx.db.user.findMany({
        where: {
          employee: { isPhotographer: true },
          ...(input.search ? { name: { contains: likeLiteral(input.search), mode: "insensitive" as const } } : {}),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: input.limit,
        select: { id: true, name: true, email: true },
      }),
    ),
});
