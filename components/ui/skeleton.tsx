// Placeholders while a section loads (loading.tsx): the shape of what comes, gently pulsing.

function Bar({ className = "" }: { className?: string }) {
  return <div className={`animate-pulse rounded bg-gray-200/80 motion-reduce:animate-none ${className}`} />;
}

export function StatSkeletons({ count = 4 }: { count?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200">
          <Bar className="h-4 w-24" />
          <Bar className="mt-3 h-8 w-32" />
          <Bar className="mt-3 h-3 w-20" />
        </div>
      ))}
    </div>
  );
}

export function PanelSkeleton({ rows = 5, chart = false }: { rows?: number; chart?: boolean }) {
  return (
    <div className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
      <div className="border-b border-gray-100 px-5 py-4">
        <Bar className="h-4 w-40" />
        <Bar className="mt-2 h-3 w-72 max-w-full" />
      </div>
      <div className="space-y-3 p-5">
        {chart ? <Bar className="h-48 w-full" /> : null}
        {Array.from({ length: rows }, (_, i) => (
          <Bar key={i} className="h-5 w-full" />
        ))}
      </div>
    </div>
  );
}

/** A page's heading while it loads. */
export function HeadingSkeleton() {
  return (
    <div className="space-y-2">
      <Bar className="h-7 w-48" />
      <Bar className="h-4 w-80 max-w-full" />
    </div>
  );
}

/** The whole section loading, for the workspace sections' loading.tsx. */
export function SectionSkeleton({ stats = false, rows = 6 }: { stats?: boolean; rows?: number }) {
  return (
    <div className="space-y-6" role="status" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <HeadingSkeleton />
      {stats ? <StatSkeletons /> : null}
      <PanelSkeleton rows={rows} />
    </div>
  );
}
