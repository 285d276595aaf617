import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { getSessionUser } from "@/lib/auth/page-guard";

export default async function HomePage() {
  const user = await getSessionUser();
  return (
    <div className="min-h-screen bg-white">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Logo />
        <nav className="flex items-center gap-3">
          {user ? (
            <Link href="/workspaces" className={buttonClass("primary")}>
              Open dashboard
            </Link>
          ) : (
            <>
              <Link href="/login" className={buttonClass("ghost")}>
                Sign in
              </Link>
              <Link href="/signup" className={buttonClass("primary")}>
                Start free
              </Link>
            </>
          )}
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-6 pb-24 pt-16">
        <p className="text-sm font-semibold text-indigo-600">Creator partnership analytics</p>
        <h1 className="mt-3 max-w-3xl text-5xl font-semibold tracking-tight text-gray-900">
          Follower counts say who could have seen it. Clickproof shows who acted.
        </h1>
        <p className="mt-6 max-w-2xl text-lg text-gray-600">
          Give every creator in a campaign their own tracked short link — even when they all point to the same page —
          and compare what each audience actually did: clicks, unique visitors, countries, devices, with bots and link
          previews filtered out.
        </p>
        <div className="mt-10 flex gap-3">
          <Link href={user ? "/workspaces" : "/signup"} className={buttonClass("primary", "px-5 py-2.5")}>
            {user ? "Open dashboard" : "Create your workspace"}
          </Link>
          {user ? null : (
            <Link href="/login" className={buttonClass("secondary", "px-5 py-2.5")}>
              Try the demo
            </Link>
          )}
        </div>
        <dl className="mt-20 grid gap-6 sm:grid-cols-3">
          {[
            ["One link per creator", "brand.com/maya-lopez and brand.com/spring-drop-maya-lopez, generated in bulk."],
            ["Every click, honestly counted", "Humans counted, bots and link-preview fetchers filtered and shown apart."],
            ["Built for developers too", "A REST API with workspace keys for links and analytics."],
          ].map(([title, text]) => (
            <div key={title} className="rounded-xl bg-gray-50 p-6 ring-1 ring-gray-200">
              <dt className="font-semibold text-gray-900">{title}</dt>
              <dd className="mt-2 text-sm text-gray-600">{text}</dd>
            </div>
          ))}
        </dl>
      </main>
    </div>
  );
}
