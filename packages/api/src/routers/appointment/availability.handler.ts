import { availabilityInput, availabilitySchema } from "@plano/schema";
import { readScope } from "../../auth/principal";
import { photographerAvailability } from "../../store/availability";
import { requirePermission, syncParse } from "../../trpc";

/** The photographer picker's one query: who is free for this slot, grouped by office. Permission as directory.photographers. */
export const availability = requirePermission("appointments:read")
  .input(syncParse(availabilityInput))
  .output(syncParse(availabilitySchema))
  .query(({ ctx, input }) => photographerAvailability(ctx.db, readScope(ctx.principal), input));
