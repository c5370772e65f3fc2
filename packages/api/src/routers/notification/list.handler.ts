import { z } from "zod";
import { requirePermission, syncParse } from "../../trpc";
import { noticeInclude, toNotice } from "./notice";
import { noticeListInput, noticeSchema } from "./notification.schema";

/** Resolved notices stay listed this long, so the admin sees what just cleared. */
const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

/** Open notices and those resolved in the last week, newest first. */
export const list = requirePermission("notifications:read")
  .input(syncParse(noticeListInput))
  .output(syncParse(z.array(noticeSchema)))
  .query(async ({ ctx, input }) => {
    const since = new Date(ctx.now().getTime() - RECENT_MS);
    const rows = await ctx.db.notification.findMany({
      where: { OR: [{ resolvedAt: null }, { resolvedAt: { gte: since } }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
      include: noticeInclude,
    });
    return rows.map(toNotice);
  });
