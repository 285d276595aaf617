import { notFound } from "next/navigation";
import { CreatorPageView } from "@/components/creator-pages/creator-page-view";
import { unsafeFindCreatorPageByToken } from "@/lib/creator-pages/pages";

// The secret link: no referrer leaves the page (the token is in its address), and search engines stay out.
export const metadata = { title: "Your results", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function CreatorPageByLink({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await unsafeFindCreatorPageByToken(token);
  // Unknown, rotated and revoked links are all simply not found.
  if (!access) notFound();
  return <CreatorPageView access={access} />;
}
