import { CreatorReport } from "@/components/creator-pages/creator-report";
import { EmptyState } from "@/components/ui/card";
import type { PageAccess } from "@/lib/creator-pages/pages";
import { getCreatorPageReport } from "@/lib/creator-pages/report";
import { currentLinkHosts } from "@/lib/links/request-hosts";

/** The page a creator opened, by link or by signing in: their report, or why it is paused. */
export async function CreatorPageView({ access }: { access: PageAccess }) {
  if (!access.available) {
    return (
      <EmptyState title={`${access.brandName} has paused this page`}>
        Your links keep working and every click is still counted; the page comes back when {access.brandName} turns it on again.
      </EmptyState>
    );
  }
  const report = await getCreatorPageReport(access, await currentLinkHosts());
  return <CreatorReport report={report} />;
}
