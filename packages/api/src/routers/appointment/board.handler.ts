import { boardInput, boardSchema } from "@plano/schema";
import { readScope } from "../../auth/principal";
import { loadBoard } from "../../store/board";
import { requirePermission, syncParse } from "../../trpc";

export const board = requirePermission("appointments:read")
  .input(syncParse(boardInput))
  .output(syncParse(boardSchema))
  .query(({ ctx, input }) => loadBoard(ctx.db, readScope(ctx.principal), input));
