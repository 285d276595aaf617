// What the roster's URL asks for (?q=&sort=&view=), read once for the page and for its CSV
// export, so the export is exactly the table on screen.

export const ROSTER_SORTS = ["name", "-name", "followers", "-followers"] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

export type RosterOptions = { q: string; sort: RosterSort; archived: boolean };

const QUERY_MAX = 100;

type SearchParamValue = string | string[] | undefined;
const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

/** Unknown or repeated values fall back to the defaults (name A→Z, active creators). */
export function rosterOptions(params: { q?: SearchParamValue; sort?: SearchParamValue; view?: SearchParamValue }): RosterOptions {
  const sort = first(params.sort);
  return {
    q: (first(params.q) ?? "").trim().replace(/^@+/, "").slice(0, QUERY_MAX),
    sort: ROSTER_SORTS.find((candidate) => candidate === sort) ?? "name",
    archived: first(params.view) === "archived",
  };
}

/** The query string for these options, defaults left out ("" when all are defaults). */
export function rosterQuery(options: Partial<RosterOptions>): string {
  const params = new URLSearchParams();
  if (options.q) params.set("q", options.q);
  if (options.sort && options.sort !== "name") params.set("sort", options.sort);
  if (options.archived) params.set("view", "archived");
  const query = params.toString();
  return query ? `?${query}` : "";
}
