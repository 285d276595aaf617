import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { FEATURES, historyText, PLAN_IDS, PLANS, type PlanId } from "@/lib/billing/plans";
import { formatInteger } from "@/lib/format";

/** What each plan includes, every line from lib/billing/plans.ts (the one config). */
function planLines(id: PlanId): { text: string; included: boolean }[] {
  const { limits, features } = PLANS[id];
  return [
    { text: `${formatInteger(limits.linksPerMonth)} links a month`, included: true },
    { text: `${formatInteger(limits.clicksPerMonth)} clicks tracked a month`, included: true },
    { text: `${historyText(limits.historyDays)} of analytics history`, included: true },
    { text: limits.members === 1 ? "1 member" : `Up to ${limits.members} members`, included: true },
    { text: limits.brandedDomains === 0 ? "Branded domains" : `${limits.brandedDomains} branded domain${limits.brandedDomains === 1 ? "" : "s"}`, included: limits.brandedDomains > 0 },
    ...(Object.keys(FEATURES) as (keyof typeof FEATURES)[]).map((feature) => ({ text: FEATURES[feature], included: features[feature] })),
  ];
}

/** The three plans side by side; `prices`: "$19.00 / month" by Stripe lookup key, when Stripe answered. */
export function Pricing({ prices, signedIn }: { prices: Readonly<Record<string, string>>; signedIn: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      {PLAN_IDS.map((id) => {
        const plan = PLANS[id];
        const featured = id === "single";
        const price = plan.prices ? prices[plan.prices.monthly] : null;
        return (
          <section
            key={id}
            aria-labelledby={`plan-${id}`}
            className={`flex flex-col rounded-2xl bg-white p-6 shadow-sm ring-1 ${featured ? "ring-2 ring-indigo-600" : "ring-gray-200"}`}
            data-testid={`plan-${id}`}
          >
            <div className="flex items-center justify-between gap-3">
              <h3 id={`plan-${id}`} className="text-lg font-semibold text-gray-900">
                {plan.name}
              </h3>
              {featured ? <span className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-xs font-semibold text-indigo-700">Most brands start here</span> : null}
            </div>
            <p className="mt-1 text-sm text-gray-600">{plan.summary}</p>
            <p className="mt-5 text-3xl font-semibold tracking-tight text-gray-900">
              {plan.prices === null ? "Free" : (price ?? <span className="text-xl">Monthly or yearly</span>)}
            </p>
            <p className="text-xs text-gray-500">{plan.prices === null ? "No card needed" : price ? "or yearly, billed through Stripe" : "Price shown at checkout, billed through Stripe"}</p>
            <ul className="mt-6 flex-1 space-y-2.5 text-sm">
              {planLines(id).map((line) => (
                <li key={line.text} className={`flex gap-2 ${line.included ? "text-gray-700" : "text-gray-500"}`}>
                  <span aria-hidden className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[10px] ${line.included ? "bg-emerald-100 text-emerald-700" : "bg-gray-100 text-gray-500"}`}>
                    {line.included ? "✓" : "–"}
                  </span>
                  <span className={line.included ? undefined : "line-through decoration-gray-300"}>{line.text}</span>
                  <span className="sr-only">{line.included ? "(included)" : "(not included)"}</span>
                </li>
              ))}
            </ul>
            <Link href={signedIn ? "/workspaces" : "/signup"} className={buttonClass(featured ? "primary" : "secondary", "mt-6 w-full")}>
              {signedIn ? "Open dashboard" : id === "free" ? "Start free" : `Start with ${plan.name}`}
            </Link>
          </section>
        );
      })}
    </div>
  );
}
