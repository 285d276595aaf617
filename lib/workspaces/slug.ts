import { isReservedSlug } from "@/lib/links/reserved";

/** "Acme Café & Co." → "acme-cafe-co"; never empty. */
export function slugifyWorkspaceName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  if (!slug) return "workspace";
  return isReservedSlug(slug) ? `${slug}-team` : slug;
}

/** The first of slug, slug-2, slug-3, … that `taken` does not contain. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
