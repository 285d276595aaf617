import { SectionSkeleton } from "@/components/ui/skeleton";

/** A settings page while it loads: the workspace header stays, the page is sketched. */
export default function Loading() {
  return <SectionSkeleton rows={5} />;
}
