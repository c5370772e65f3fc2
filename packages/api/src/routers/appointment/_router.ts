import { createTRPCRouter } from "../../trpc";
import { availability } from "./availability.handler";
import { bulk } from "./bulk.handler";
import { board } from "./board.handler";
import { byId } from "./by-id.handler";
import { cancel } from "./cancel.handler";
import { confirm } from "./confirm.handler";
import { conflicts } from "./conflicts.handler";
import { create } from "./create.handler";
import { history } from "./history.handler";
import { list } from "./list.handler";
import { onChange } from "./on-change.handler";
import { update } from "./update.handler";

export const appointmentRouter = createTRPCRouter({ list, byId, create, update, confirm, cancel, history, conflicts, availability, bulk, board, onChange });
