import { SectionSkeleton } from "@/components/ui/skeleton";

/** A link's page while it loads: the workspace header stays, the page is sketched. */
export default function Loading() {
  return <SectionSkeleton stats rows={6} />;
}
