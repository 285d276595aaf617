import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { countOf } from "@/lib/format";

type Step = { title: string; body: string; done: boolean };

/** What a campaign without links needs next, in order: creators and terms, links, then sharing them. */
export function NextSteps({ setupHref, creators, hasDestination, editHref }: { setupHref: string | null; creators: number; hasDestination: boolean; editHref: string | null }) {
  const steps: Step[] = [
    {
      title: "Add creators and their terms",
      body: creators > 0 ? `${countOf(creators, "creator")} in this campaign, with what each costs.` : "No creators yet: pick them from your roster, with the flat fee, gifted product and commission you agreed.",
      done: creators > 0,
    },
    {
      title: "Generate their links",
      body: hasDestination
        ? "One tracked link per creator, all to the campaign's page, each with its UTM tags."
        : "Give the campaign a destination URL first; then each creator gets a tracked link to it.",
      done: false,
    },
    { title: "Share and watch", body: "Send each creator their link. Clicks, audience CTR and timing show up here as their audiences arrive.", done: false },
  ];
  const current = steps.findIndex((s) => !s.done);
  return (
    <section aria-labelledby="next-steps-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-indigo-200" data-testid="campaign-next-steps">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="next-steps-title" className="text-base font-semibold text-gray-900">
            Get this campaign going
          </h2>
          <p className="mt-0.5 text-sm text-gray-500">Three steps from an empty campaign to a ranking of what each creator&apos;s audience did.</p>
        </div>
        {setupHref ? (
          <Link href={!hasDestination && editHref && current === 1 ? editHref : setupHref} className={buttonClass("primary")}>
            {current === 0 ? "Add creators" : !hasDestination && editHref ? "Set the destination" : "Generate links"}
          </Link>
        ) : null}
      </div>
      <ol className="mt-4 grid gap-3 sm:grid-cols-3">
        {steps.map((step, i) => (
          <li key={step.title} className={`rounded-lg p-3 ring-1 ring-inset ${i === current ? "bg-indigo-50/60 ring-indigo-200" : "ring-gray-200"}`}>
            <p className="flex items-center gap-2 text-sm font-semibold text-gray-900">
              <span
                aria-hidden
                className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs ${
                  step.done ? "bg-emerald-600 text-white" : i === current ? "bg-indigo-600 text-white" : "bg-gray-100 text-gray-600"
                }`}
              >
                {step.done ? "✓" : i + 1}
              </span>
              {step.title}
              {step.done ? <span className="sr-only">(done)</span> : null}
            </p>
            <p className="mt-1 text-sm text-gray-600">{step.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
