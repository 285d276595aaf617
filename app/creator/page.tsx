import Link from "next/link";
import { CreatorSignInForm } from "@/components/creator-pages/creator-sign-in";
import { EmptyState } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { isMagicLinkEnabled } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/page-guard";
import { unsafeListPagesForEmail } from "@/lib/creator-pages/pages";
import { getDb } from "@/lib/db";

export const metadata = { title: "Your creator pages", robots: { index: false } };

export default async function CreatorHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const session = await getSessionUser();
  const user = session ? await getDb().user.findUnique({ where: { id: session.id }, select: { email: true, emailVerified: true } }) : null;
  const magic = isMagicLinkEnabled();

  if (!user) {
    return (
      <div className="mx-auto max-w-md space-y-5 rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
        <div>
          <h1 className="text-xl font-semibold text-gray-900">Your performance pages</h1>
          <p className="mt-1 text-sm text-gray-600">
            Brands you work with can share your own results with you: clicks, audience, timing and, where they choose, conversions. Sign in with the e-mail address the brand has for you to see every page in one place.
          </p>
        </div>
        {params["check-email"] ? <FormMessage tone="success">Check your inbox: we sent you a sign-in link.</FormMessage> : null}
        {magic ? <CreatorSignInForm /> : <FormMessage tone="info">E-mail sign-in is not set up on this server. Use the page link the brand sent you.</FormMessage>}
      </div>
    );
  }

  const pages = await unsafeListPagesForEmail(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Your performance pages</h1>
        <p className="mt-1 text-sm text-gray-500">Pages brands have given to {user.email}.</p>
      </div>
      {!user.emailVerified ? (
        <div className="max-w-md space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-gray-200">
          <FormMessage tone="info">Confirm that {user.email} is yours to see the pages brands gave to it: we will e-mail you a sign-in link.</FormMessage>
          {params["check-email"] ? <FormMessage tone="success">Check your inbox: we sent you a sign-in link.</FormMessage> : null}
          {magic ? <CreatorSignInForm email={user.email} label="Email me a confirmation link" /> : null}
        </div>
      ) : pages.length === 0 ? (
        <EmptyState title="No pages yet">Pages appear here when a brand registers {user.email} for you and turns your page on.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="creator-pages">
          {pages.map((page) => (
            <li key={page.pageId}>
              <Link href={`/creator/pages/${page.pageId}`} className="block rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200 hover:ring-indigo-300">
                <p className="text-base font-semibold text-gray-900">{page.brandName}</p>
                <p className="mt-1 text-sm text-gray-500">
                  As {page.creatorName}
                  {page.available ? "" : " · paused by the brand"}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
