/** ?page= as a page number from 1 to `pages` (anything else → 1; past the end → the last page). */
export function pageParam(raw: string | undefined, pages: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, Math.max(1, pages)) : 1;
}
