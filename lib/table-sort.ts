// Sorting shared by the tables that sort on the server through links in their headers
// (?sort=&dir=, or other parameter names when two tables share a page).

export type SortDir = "asc" | "desc";

/**
 * A copy of the rows ordered by one value each: unknown values (null) last whichever the
 * direction, text compared as text; ties keep their incoming order (Array.prototype.sort is stable).
 */
export function sortRowsBy<Row>(rows: readonly Row[], value: (row: Row) => number | string | null, dir: SortDir): Row[] {
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return 0;
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = typeof va === "string" || typeof vb === "string" ? String(va).localeCompare(String(vb)) : va - vb;
    return dir === "asc" ? order : -order;
  });
}

/** The key when it is one of `keys`, otherwise `fallback`. */
export function parseSortKey<Key extends string>(keys: readonly Key[], value: string | null | undefined, fallback: Key): Key {
  return keys.find((key) => key === value) ?? fallback;
}

export function parseSortDir(value: string | null | undefined, fallback: SortDir): SortDir {
  return value === "asc" || value === "desc" ? value : fallback;
}

/**
 * The query string of a sort link in a table header: clicking the sorted column flips its
 * direction, another column starts in `firstDir`. `keep` are the page's other parameters (e.g.
 * the other table's sort on the same page), carried over so one table's sort does not reset another's.
 */
export function sortQuery(options: {
  key: string;
  current: string;
  dir: SortDir;
  firstDir: SortDir;
  params?: { sort: string; dir: string };
  keep?: Readonly<Record<string, string | undefined>>;
}): string {
  const { key, current, dir, firstDir, params = { sort: "sort", dir: "dir" }, keep = {} } = options;
  const next = key === current ? (dir === "asc" ? "desc" : "asc") : firstDir;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(keep)) {
    if (value !== undefined && name !== params.sort && name !== params.dir) query.set(name, value);
  }
  query.set(params.sort, key);
  query.set(params.dir, next);
  return `?${query.toString()}`;
}
