import { notFound, redirect } from "next/navigation";
import { CreatorPageView } from "@/components/creator-pages/creator-page-view";
import { getSessionUser } from "@/lib/auth/page-guard";
import { unsafeFindPageForEmail } from "@/lib/creator-pages/pages";
import { getDb } from "@/lib/db";

export const metadata = { title: "Your results", robots: { index: false, follow: false } };

export default async function CreatorPageSignedIn({ params }: { params: Promise<{ pageId: string }> }) {
  const { pageId } = await params;
  const session = await getSessionUser();
  if (!session) redirect("/creator");
  const user = await getDb().user.findUnique({ where: { id: session.id }, select: { email: true, emailVerified: true } });
  // Only a page given to the signed-in creator's verified e-mail; anything else is not found.
  const access = user ? await unsafeFindPageForEmail(pageId, user) : null;
  if (!access) notFound();
  return <CreatorPageView access={access} />;
}
