/** Reference lists the edit form needs: offices (with zones) and photographers. */
import { z } from "zod";
import { createTRPCRouter, requirePermission } from "../../trpc";

const read = requirePermission("appointments:read");

export const directoryRouter = createTRPCRouter({
  offices: read.query(({ ctx }) =>
    ctx.db.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } }),
  ),

  photographers: read
    .input(z.object({ search: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(500).default(200) }).default({ limit: 200 }))
    .query(({ ctx, input }) =>
      ctx.db.user.findMany({
        where: {
          employee: { isPhotographer: true },
          ...(input.search ? { name: { contains: input.search, mode: "insensitive" as const } } : {}),
        },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: input.limit,
        select: { id: true, name: true, email: true },
      }),
    ),
});
