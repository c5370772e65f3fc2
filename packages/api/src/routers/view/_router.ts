/**
 * Saved list views, per user and stored on the server: a name and the list's
 * query string. A shared view is offered to everyone who can read the list;
 * only its owner can change or delete it.
 */
import { createTRPCRouter } from "../../trpc";
import { deleteView } from "./delete.handler";
import { list } from "./list.handler";
import { save } from "./save.handler";

export const viewRouter = createTRPCRouter({ list, save, delete: deleteView });
