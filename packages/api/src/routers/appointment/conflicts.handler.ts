import { conflictsInput } from "@plano/schema";
import { canSee, readScope } from "../../auth/principal";
import { findPhotographerOverlaps } from "../../domain/overlaps";
import { fail } from "../../errors";
import { requirePermission } from "../../trpc";

/** Overlapping appointments of the same photographer: of a stored appointment, or of a slot being edited. */
export const conflicts = requirePermission("appointments:read")
  .input(conflictsInput)
  .query(async ({ ctx, input }) => {
    if (input.id === undefined && input.uuid === undefined) {
      return findPhotographerOverlaps(ctx.db, {
        photographerUserId: input.photographerUserId ?? null,
        startsAt: input.startsAt ?? null,
        stopsAt: input.stopsAt ?? null,
      });
    }
    const row = await ctx.db.appointment.findUnique({
      where: input.id !== undefined ? { id: input.id } : { uuid: input.uuid },
      include: { order: { select: { clientId: true } } },
    });
    const visible = row && canSee(readScope(ctx.principal), { ...row, orderClientId: row.order?.clientId ?? null });
    if (!row || !visible) return fail("not-found", `no appointment ${input.id ?? input.uuid} that you can see`, { field: "id" });
    return findPhotographerOverlaps(ctx.db, {
      photographerUserId: input.photographerUserId ?? row.photographerUserId,
      startsAt: input.startsAt ?? row.startsAt?.toISOString() ?? null,
      stopsAt: input.stopsAt ?? row.stopsAt?.toISOString() ?? null,
      excludeId: row.id,
    });
  });
