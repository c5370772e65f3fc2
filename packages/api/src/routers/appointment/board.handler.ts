import { boardInput, boardSchema } from "@plano/schema";
import { readScope } from "../../auth/principal";
import { loadBoard } from "../../store/board";
import { requirePermission, syncOutput } from "../../trpc";

export const board = requirePermission("appointments:read")
  .input(boardInput)
  .output(syncOutput(boardSchema))
  .query(({ ctx, input }) => loadBoard(ctx.db, readScope(ctx.principal), input));
