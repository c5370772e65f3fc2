/**
 * The list's filters live in the URL, so a view can be bookmarked and shared.
 * Here: the query-string names and the links the browser builds. Reading a
 * query string back is `parse-list-params.ts`, on the server only (it needs
 * the zod schema, which the list page's bundle does without).
 */
import type { ListAppointmentsInput } from "@plano/schema";

export const PAGE_SIZE = 50;

/** `from=any`: no lower date bound (without `from`, the list starts today). */
export const ANY_DATE = "any";

/** Query-string names, short enough to read in a shared link. */
export const listParamNames = {
  dateFromLocal: "from",
  dateToLocal: "to",
  photographerUserId: "photographer",
  officeId: "office",
  confirmed: "confirmed",
  cancelled: "cancelled",
  readyToSchedule: "ready",
  search: "q",
  sort: "sort",
  cursor: "cursor",
} as const satisfies Partial<Record<keyof ListAppointmentsInput, string>>;

export type FlagFilter = "confirmed" | "cancelled" | "readyToSchedule";
export const flagFilters: readonly FlagFilter[] = ["confirmed", "cancelled", "readyToSchedule"];

/** The query string for a list input (the inverse of `listInputFromParams`). */
export function paramsFromListInput(input: ListAppointmentsInput): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value === undefined) return;
    params.set(name, typeof value === "boolean" ? (value ? "yes" : "no") : String(value));
  };
  set(listParamNames.dateFromLocal, input.dateFromLocal ?? (input.search === undefined && input.dateToLocal === undefined ? ANY_DATE : undefined));
  set(listParamNames.dateToLocal, input.dateToLocal);
  set(listParamNames.photographerUserId, input.photographerUserId);
  set(listParamNames.officeId, input.officeId);
  for (const flag of flagFilters) set(listParamNames[flag], input[flag]);
  set(listParamNames.search, input.search);
  if (input.sort === "-startsAt") params.set(listParamNames.sort, "desc");
  set(listParamNames.cursor, input.cursor);
  return params;
}

export function listHref(input: ListAppointmentsInput): string {
  const query = paramsFromListInput(input).toString();
  return query ? `/appointments?${query}` : "/appointments";
}
