import { SectionSkeleton } from "@/components/ui/skeleton";

/** A creator's profile while it loads: the workspace header stays, the page is sketched. */
export default function Loading() {
  return <SectionSkeleton stats rows={6} />;
}
