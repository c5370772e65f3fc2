import { requirePermission, syncParse } from "../../trpc";
import { officesOutput } from "./directory.schema";

export const offices = requirePermission("appointments:read")
  .output(syncParse(officesOutput))
  .query(({ ctx }) => ctx.db.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } }));
