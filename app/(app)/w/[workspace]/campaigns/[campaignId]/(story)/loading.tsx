import { PanelSkeleton, StatSkeletons } from "@/components/ui/skeleton";

/** While a campaign section loads: its header and tabs stay, the section is sketched. */
export default function Loading() {
  return (
    <div className="space-y-6" role="status" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <StatSkeletons count={4} />
      <PanelSkeleton rows={6} chart />
    </div>
  );
}
