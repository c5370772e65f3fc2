import { conflictsInput, overlapSchema } from "@plano/schema";
import { z } from "zod";
import { readScope, visibleTo } from "../../auth/principal";
import { loadAppointment } from "../../store/appointment-load";
import { findPhotographerOverlaps } from "../../store/overlaps";
import { fail } from "../../errors";
import { requirePermission, syncParse } from "../../trpc";

/** Overlapping appointments of the same photographer: of a stored appointment, or of a slot being edited. */
export const conflicts = requirePermission("appointments:read")
  .input(syncParse(conflictsInput))
  .output(syncParse(z.array(overlapSchema)))
  .query(async ({ ctx, input }) => {
    // Only overlaps the caller may read: a photographer or client asking about another photographer's slot gets none of theirs.
    const scope = readScope(ctx.principal);
    if (input.id === undefined && input.uuid === undefined) {
      return findPhotographerOverlaps(
        ctx.db,
        { photographerUserId: input.photographerUserId ?? null, startsAt: input.startsAt ?? null, stopsAt: input.stopsAt ?? null },
        scope,
      );
    }
    const row = await loadAppointment(ctx.db, input.id !== undefined ? { id: input.id } : { uuid: input.uuid! });
    if (!row || !visibleTo(ctx.principal, row)) return fail("not-found", `no appointment ${input.id ?? input.uuid} that you can see`, { field: "id" });
    return findPhotographerOverlaps(
      ctx.db,
      {
        photographerUserId: input.photographerUserId ?? row.photographerUserId,
        startsAt: input.startsAt ?? row.startsAt?.toISOString() ?? null,
        stopsAt: input.stopsAt ?? row.stopsAt?.toISOString() ?? null,
        excludeId: row.id,
      },
      scope,
    );
  });
