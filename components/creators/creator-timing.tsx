import { TimingChart } from "@/components/creators/timing-chart";
import { EmptyState } from "@/components/ui/card";
import { TIMING_BUCKETS } from "@/lib/analytics/kpi";
import type { Timing } from "@/lib/analytics/timing";
import { formatInteger } from "@/lib/format";

/** The creator's timing curve and half-life, or why there is none yet. */
export function CreatorTiming({ timing, postedLinks, linkCount }: { timing: Timing; postedLinks: number; linkCount: number }) {
  if (linkCount === 0) {
    return <EmptyState title="No links yet">Timing counts clicks from the moment a post went live, so it starts with this creator&apos;s first link.</EmptyState>;
  }
  if (postedLinks === 0) {
    return (
      <EmptyState title="No post times yet">
        Set when the post went live on the link&apos;s page to see timing: clicks are counted from that moment.
      </EmptyState>
    );
  }
  if (timing.clicks === 0) {
    return (
      <EmptyState title="No clicks since the posts went live">
        The curve fills in as people click the {postedLinks === 1 ? "link" : `${formatInteger(postedLinks)} links`} with a post time.
      </EmptyState>
    );
  }
  const data = TIMING_BUCKETS.map((bucket) => ({ period: bucket.label, clicks: timing.buckets[bucket.key] }));
  return (
    <div className="space-y-4" data-testid="creator-timing">
      <p className="text-sm text-gray-700" data-testid="creator-half-life">
        {timing.halfLifeHours === null ? (
          "No half-life yet."
        ) : (
          <>
            Half of the clicks arrived within <span className="text-lg font-semibold tabular-nums text-gray-900">{formatInteger(timing.halfLifeHours)} h</span> of the post going
            live.
          </>
        )}{" "}
        <span className="text-gray-500">
          {formatInteger(timing.clicks)} clicks on {formatInteger(postedLinks)} {postedLinks === 1 ? "post" : "posts"}.
        </span>
      </p>
      <TimingChart data={data} />
    </div>
  );
}
