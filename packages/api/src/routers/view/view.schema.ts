import { z } from "zod";

/** What saving or deleting a view answers: the view's id. */
export const viewIdOutput = z.object({ id: z.number().int() });
