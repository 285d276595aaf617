import Link from "next/link";
import { sortQuery, type SortDir } from "@/lib/table-sort";

type SortLinkProps = {
  label: string;
  sortKey: string;
  current: string;
  dir: SortDir;
  /** the direction a first click on this column sorts in */
  firstDir?: SortDir;
  /** the query parameters of this table's sort (default sort and dir) */
  params?: { sort: string; dir: string };
  /** the page's other query parameters, kept in the link */
  keep?: Readonly<Record<string, string | undefined>>;
  title?: string;
};

/** A link to the same page sorted by one column (server-side sorting through the query). */
export function SortLink({ label, sortKey, current, dir, firstDir = "desc", params, keep, title }: SortLinkProps) {
  const active = current === sortKey;
  return (
    <Link href={sortQuery({ key: sortKey, current, dir, firstDir, params, keep })} scroll={false} title={title} className={`hover:text-gray-900 ${active ? "text-indigo-700" : ""}`}>
      {label}
      {active ? (dir === "desc" ? " ↓" : " ↑") : ""}
    </Link>
  );
}

/** A table header cell that sorts on the server: a SortLink in a th that tells assistive tech the sort. */
export function SortHeader({ align = "right", className = "py-2 pr-4", title, ...link }: SortLinkProps & { align?: "left" | "right"; className?: string }) {
  const active = link.current === link.sortKey;
  return (
    <th className={`${className} ${align === "right" ? "text-right" : "text-left"}`} aria-sort={active ? (link.dir === "asc" ? "ascending" : "descending") : undefined} title={title}>
      <SortLink {...link} />
    </th>
  );
}
