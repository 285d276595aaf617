import { isReservedSlug } from "@/lib/links/reserved";
import { slugify } from "@/lib/slug";

export { firstFreeSlug } from "@/lib/slug";

/** "Acme Café & Co." → "acme-cafe-co"; never empty, never a reserved word. */
export function slugifyWorkspaceName(name: string): string {
  const slug = slugify(name, 40);
  if (!slug) return "workspace";
  return isReservedSlug(slug) ? `${slug}-team` : slug;
}
