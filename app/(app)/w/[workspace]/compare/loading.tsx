import { SectionSkeleton } from "@/components/ui/skeleton";

/** The comparison while it loads: the workspace header stays, the page is sketched. */
export default function Loading() {
  return <SectionSkeleton rows={7} />;
}
