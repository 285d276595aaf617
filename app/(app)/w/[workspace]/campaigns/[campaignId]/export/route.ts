// GET /w/:workspace/campaigns/:id/export — the per-creator breakdown as CSV (members only)
import { BREAKDOWN_COLUMNS, sortCreators, type SortKey } from "@/lib/campaigns/breakdown";
import { KPI_CATALOG, kpiValue } from "@/lib/analytics/kpi";
import { getSessionUser } from "@/lib/auth/page-guard";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { platformLabel } from "@/lib/creators/platforms";
import { csvResponse, toCsv } from "@/lib/csv";
import { getMembership } from "@/lib/workspaces/queries";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; campaignId: string }> }): Promise<Response> {
  const { workspace: slug, campaignId } = await params;
  const user = await getSessionUser();
  const membership = user ? await getMembership(user.id, slug) : null;
  const campaign = membership ? await getCampaign(membership.workspace.id, campaignId) : null;
  if (!campaign) return new Response("Not found", { status: 404 });

  const url = new URL(request.url);
  const sort = (url.searchParams.get("sort") ?? "audience_ctr") as SortKey;
  const rows = sortCreators((await getCampaignPerformance(campaign)).creators, sort, url.searchParams.get("dir") === "asc" ? "asc" : "desc");
  // Raw values (rates as fractions, money in major units) so spreadsheets can compute with them.
  const csv = toCsv(rows, [
    { header: "Creator", value: (r) => r.name },
    { header: "Platforms", value: (r) => r.platforms.map(platformLabel).join(" | ") },
    { header: "Followers", value: (r) => r.kpis.followers },
    ...BREAKDOWN_COLUMNS.map((key) => ({
      header: KPI_CATALOG[key].unit === "money" ? `${KPI_CATALOG[key].label} (${campaign.currency})` : KPI_CATALOG[key].label,
      value: (r: (typeof rows)[number]) => {
        const value = kpiValue(r.kpis, key);
        return value === null ? "" : KPI_CATALOG[key].unit === "money" ? (value / 100).toFixed(2) : value;
      },
    })),
    { header: `Cost (${campaign.currency})`, value: (r) => (r.kpis.costMinor === null ? "" : (r.kpis.costMinor / 100).toFixed(2)) },
  ]);
  return csvResponse(csv, `${campaign.slug}-creators.csv`);
}
