/**
 * The list's filters live in the URL, so a view can be bookmarked and shared.
 * This is the one translation between the query string and the API's list
 * input; the server page (prefetch) and the browser (query) both use it, so
 * they ask for exactly the same thing and the prefetched page is reused.
 */
import { listAppointmentsInput, type ListAppointmentsInput } from "@plano/schema";

export const PAGE_SIZE = 50;

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

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(source: ParamSource) {
  return (name: string): string | undefined => {
    const value = source instanceof URLSearchParams ? source.get(name) : source[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined || first === null || first.trim() === "" ? undefined : first.trim();
  };
}

const yesNo = (value: string | undefined) => (value === "yes" ? true : value === "no" ? false : undefined);
const positiveInt = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The list input a URL asks for. A value the API would reject (a mistyped
 * date in a hand-edited link) is dropped rather than failing the whole page.
 */
export function listInputFromParams(source: ParamSource): ListAppointmentsInput {
  const read = reader(source);
  const candidate: ListAppointmentsInput = {
    dateFromLocal: read(listParamNames.dateFromLocal),
    dateToLocal: read(listParamNames.dateToLocal),
    photographerUserId: positiveInt(read(listParamNames.photographerUserId)),
    officeId: positiveInt(read(listParamNames.officeId)),
    confirmed: yesNo(read(listParamNames.confirmed)),
    cancelled: yesNo(read(listParamNames.cancelled)),
    readyToSchedule: yesNo(read(listParamNames.readyToSchedule)),
    search: read(listParamNames.search),
    sort: read(listParamNames.sort) === "desc" ? "-startsAt" : "startsAt",
    cursor: read(listParamNames.cursor),
    limit: PAGE_SIZE,
  };
  const input = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)) as ListAppointmentsInput;
  for (const issue of listAppointmentsInput.safeParse(input).error?.issues ?? []) {
    const key = issue.path[0];
    if (typeof key === "string") delete input[key as keyof ListAppointmentsInput];
  }
  return input;
}

/** The query string for a list input (the inverse of `listInputFromParams`). */
export function paramsFromListInput(input: ListAppointmentsInput): URLSearchParams {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value === undefined) return;
    params.set(name, typeof value === "boolean" ? (value ? "yes" : "no") : String(value));
  };
  set(listParamNames.dateFromLocal, input.dateFromLocal);
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
