import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { getSessionUser } from "@/lib/auth/page-guard";

// Creators' pages stand apart from the workspace app: no workspace navigation, nothing of the
// brand's but the creator's own results.
export default async function CreatorLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-3 sm:px-6">
          <Logo href="/creator" />
          <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">Creator view</span>
          {user ? (
            <div className="ml-auto flex items-center gap-3">
              <span className="hidden max-w-[16rem] truncate text-sm text-gray-600 sm:inline">{user.email}</span>
              <SignOutButton />
            </div>
          ) : null}
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </div>
  );
}
