import { SectionSkeleton } from "@/components/ui/skeleton";

/** The links list while it loads: the workspace header stays, the page is sketched. */
export default function Loading() {
  return <SectionSkeleton stats rows={8} />;
}
