import Image from "next/image";
import Link from "next/link";
import compareShot from "@/components/marketing/compare.png";
import { Pricing } from "@/components/marketing/pricing";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";
import { getSessionUser } from "@/lib/auth/page-guard";
import { priceLabels } from "@/lib/billing/checkout";

const FEATURE_CARDS = [
  ["One link per creator", "brand.com/maya-lopez and brand.com/spring-drop-maya-lopez — generated for a whole campaign in one action, UTM tags filled in."],
  ["Audience CTR, not follower counts", "Unique clicks ÷ followers when the post went live: two creators with the same reach can be ten times apart."],
  ["When the clicks came", "Each post's timing curve and half-life, so you know whose audience acts at once and whose keeps coming back."],
  ["From click to revenue", "Purchases attributed by click id or promo code; cost, CPA and ROAS per creator, in your currency."],
  ["Pages creators can open", "Every creator gets a private results page that reads well on a phone — their links, clicks and timing."],
  ["Honest counts, open API", "Bots and link previews filtered out and shown apart; every number in a versioned REST API."],
] as const;

export default async function HomePage() {
  const [user, prices] = await Promise.all([getSessionUser(), priceLabels()]);
  return (
    <div className="min-h-screen bg-white">
      <header className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-5 sm:px-6">
        <Logo />
        <nav aria-label="Site" className="flex items-center gap-1 sm:gap-3">
          <a href="#pricing" className="hidden rounded-md px-3 py-2 text-sm font-medium text-gray-600 hover:text-gray-900 sm:inline">
            Pricing
          </a>
          <Link href="/docs/api" className="hidden rounded-md px-3 py-2 text-sm font-medium text-gray-600 hover:text-gray-900 sm:inline">
            API
          </Link>
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

      <main>
        <section className="mx-auto max-w-6xl px-4 pb-12 pt-10 sm:px-6 sm:pt-16">
          <p className="text-sm font-semibold text-indigo-600">Creator partnership analytics</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold tracking-tight text-gray-900 sm:text-5xl">Follower counts say who could have seen it. Clickproof shows who acted.</h1>
          <p className="mt-6 max-w-2xl text-lg text-gray-600">
            Give every creator in a campaign their own tracked short link — even when they all point to the same page — and compare what each audience actually did: clicks, unique
            visitors, timing, purchases, with bots and link previews filtered out.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href={user ? "/workspaces" : "/signup"} className={buttonClass("primary", "px-5 py-2.5")}>
              {user ? "Open dashboard" : "Create your workspace"}
            </Link>
            {user ? null : (
              <Link href="/login?demo=1" className={buttonClass("secondary", "px-5 py-2.5")}>
                Try the demo
              </Link>
            )}
          </div>
        </section>

        <section aria-labelledby="picture-title" className="mx-auto max-w-6xl px-4 sm:px-6">
          <h2 id="picture-title" className="sr-only">
            What the comparison looks like
          </h2>
          <figure className="overflow-hidden rounded-2xl bg-gray-50 p-2 shadow-xl ring-1 ring-gray-200 sm:p-3">
            <div className="flex items-center gap-1.5 px-2 pb-2" aria-hidden>
              <span className="h-2.5 w-2.5 rounded-full bg-gray-300" />
              <span className="h-2.5 w-2.5 rounded-full bg-gray-300" />
              <span className="h-2.5 w-2.5 rounded-full bg-gray-300" />
            </div>
            <Image
              src={compareShot}
              priority
              unoptimized
              sizes="(min-width: 1152px) 1152px, 100vw"
              className="h-auto w-full rounded-lg ring-1 ring-gray-200"
              alt="Clickproof's Compare view for the demo's Spring Drop campaign: Maya Lopez and Jordan Reed both have 80,000 followers, yet Maya's audience CTR is 2.6 % and Jordan's 0.30 %, shown in a ranking table, a bar chart with the campaign's median and a followers-against-clicks scatter."
            />
            <figcaption className="px-2 pt-3 text-sm text-gray-600">
              The demo&apos;s Spring Drop: two creators with 80,000 followers each, about ten times apart on what their audiences did.
            </figcaption>
          </figure>
        </section>

        <section aria-labelledby="features-title" className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
          <h2 id="features-title" className="text-2xl font-semibold tracking-tight text-gray-900 sm:text-3xl">
            Measure each partnership by what its audience did
          </h2>
          <div className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURE_CARDS.map(([title, text]) => (
              <div key={title} className="rounded-xl bg-gray-50 p-6 ring-1 ring-gray-200">
                <h3 className="font-semibold text-gray-900">{title}</h3>
                <p className="mt-2 text-sm text-gray-600">{text}</p>
              </div>
            ))}
          </div>
        </section>

        <section id="pricing" aria-labelledby="pricing-title" className="border-t border-gray-100 bg-gray-50/70">
          <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
            <h2 id="pricing-title" className="text-2xl font-semibold tracking-tight text-gray-900 sm:text-3xl">
              Plans
            </h2>
            <p className="mt-2 max-w-2xl text-gray-600">Start free with per-creator links. Upgrade when you run campaigns — a redirect never stops working because of a plan, and no click is dropped.</p>
            <div className="mt-10">
              <Pricing prices={prices} signedIn={Boolean(user)} />
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t border-gray-200">
        <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <div>
            <Logo />
            <p className="mt-2 text-sm text-gray-500">Tracked links and analytics for creator partnerships.</p>
          </div>
          <nav aria-label="Footer" className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-gray-600">
            <a href="#pricing" className="hover:text-gray-900">
              Pricing
            </a>
            <Link href="/docs/api" className="hover:text-gray-900">
              API reference
            </Link>
            <Link href="/login?demo=1" className="hover:text-gray-900">
              Try the demo
            </Link>
            <Link href="/creator" className="hover:text-gray-900">
              For creators
            </Link>
            <Link href="/login" className="hover:text-gray-900">
              Sign in
            </Link>
          </nav>
        </div>
        <p className="mx-auto max-w-6xl px-4 pb-8 text-xs text-gray-500 sm:px-6">© {new Date().getUTCFullYear()} Clickproof</p>
      </footer>
    </div>
  );
}
