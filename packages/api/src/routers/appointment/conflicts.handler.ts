import { conflictsInput } from "@plano/schema";
import { visibleTo } from "../../auth/principal";
import { loadAppointment } from "../../domain/appointment-load";
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
    const row = await loadAppointment(ctx.db, input.id !== undefined ? { id: input.id } : { uuid: input.uuid! });
    if (!row || !visibleTo(ctx.principal, row)) return fail("not-found", `no appointment ${input.id ?? input.uuid} that you can see`, { field: "id" });
    return findPhotographerOverlaps(ctx.db, {
      photographerUserId: input.photographerUserId ?? row.photographerUserId,
      startsAt: input.startsAt ?? row.startsAt?.toISOString() ?? null,
      stopsAt: input.stopsAt ?? row.stopsAt?.toISOString() ?? null,
      excludeId: row.id,
    });
  });
