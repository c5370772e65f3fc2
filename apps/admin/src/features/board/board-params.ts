/**
 * The board's view lives in the URL (date, view, office, sort, zone,
 * cancelled), so a board can be bookmarked and shared like the list's filters.
 */
export interface BoardParams {
  date: string;
  view: "day" | "week";
  officeId: number | null;
  sort: "name" | "load";
  myZone: boolean;
  showCancelled: boolean;
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Unknown or malformed values fall back to the default view rather than failing the page. */
export function boardParamsFrom(search: SearchParams, today: string): BoardParams {
  const date = one(search.date);
  const office = Number(one(search.office));
  return {
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? date : today,
    view: one(search.view) === "week" ? "week" : "day",
    officeId: Number.isInteger(office) && office > 0 && office < 2 ** 31 ? office : null,
    sort: one(search.sort) === "load" ? "load" : "name",
    myZone: one(search.zone) === "mine",
    showCancelled: one(search.cancelled) === "show",
  };
}

export function boardSearch(params: BoardParams): string {
  const search = new URLSearchParams({ date: params.date, view: params.view });
  if (params.officeId !== null) search.set("office", String(params.officeId));
  if (params.sort !== "name") search.set("sort", params.sort);
  if (params.myZone) search.set("zone", "mine");
  if (params.showCancelled) search.set("cancelled", "show");
  return search.toString();
}

export const boardQueryInput = (params: BoardParams) => ({
  date: params.date,
  view: params.view,
  ...(params.officeId !== null ? { officeId: params.officeId } : {}),
});
