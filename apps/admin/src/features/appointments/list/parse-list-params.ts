import "server-only";
/**
 * The list input a URL asks for: the server page parses it once, prefetches
 * that page of appointments and hands the same input to the browser, so both
 * ask for exactly the same thing and the prefetched page is reused.
 */
import { listAppointmentsInput, type ListAppointmentsInput } from "@plano/schema";
import { ANY_DATE, PAGE_SIZE, listParamNames } from "./list-params";

/**
 * Today's date where it is earliest (UTC-12): the server does not know the
 * scheduler's zone, and this never hides a shoot that is still today somewhere.
 */
export function todayAnywhere(now = new Date()): string {
  return new Date(now.getTime() - 12 * 3600_000).toISOString().slice(0, 10);
}

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
export function listInputFromParams(source: ParamSource, today = todayAnywhere()): ListAppointmentsInput {
  const read = reader(source);
  const from = read(listParamNames.dateFromLocal);
  // The list opens on today onward; `from=any` (or a search, which looks for one record) lifts it.
  const defaultFrom = read(listParamNames.search) === undefined && read(listParamNames.dateToLocal) === undefined ? today : undefined;
  const candidate: ListAppointmentsInput = {
    dateFromLocal: from === ANY_DATE ? undefined : (from ?? defaultFrom),
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
