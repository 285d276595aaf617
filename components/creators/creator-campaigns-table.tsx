import Link from "next/link";
import { SortHeader, SortLink } from "@/components/ui/sort-header";
import { KPI_CATALOG, kpiValue, type KpiKey } from "@/lib/analytics/kpi";
import type { CreatorCampaign } from "@/lib/campaigns/creator-history";
import { campaignSortFirstDir, type CampaignSortKey } from "@/lib/campaigns/creator-campaigns-table";
import { formatDate, formatInteger, formatKpi } from "@/lib/format";
import type { SortDir } from "@/lib/table-sort";
import { TableScroll } from "@/components/ui/table-scroll";

const KPI_COLUMNS = ["clicks", "unique_clicks", "audience_ctr", "conversions", "conversion_rate", "revenue"] as const satisfies readonly (KpiKey & CampaignSortKey)[];

function dates(campaign: CreatorCampaign["campaign"]): string {
  const start = campaign.startsOn ? formatDate(campaign.startsOn) : "no start date";
  const end = campaign.endsOn ? formatDate(campaign.endsOn) : "open";
  return `${start} – ${end}`;
}

/**
 * One row per campaign the creator took part in, with their numbers in it (each in its campaign's
 * currency). Rows come sorted (lib/campaigns/creator-campaigns-table.ts); the headers link to the other sorts.
 */
export function CreatorCampaignsTable({ workspaceSlug, rows, sort, dir }: { workspaceSlug: string; rows: CreatorCampaign[]; sort: CampaignSortKey; dir: SortDir }) {
  const header = (key: CampaignSortKey, label: string, extra: { align?: "left" | "right"; className?: string; title?: string } = {}) => (
    <SortHeader key={key} label={label} sortKey={key} current={sort} dir={dir} firstDir={campaignSortFirstDir(key)} {...extra} />
  );
  return (
    <TableScroll label="Campaigns of this creator">
      <table className="min-w-full text-sm" data-testid="creator-campaigns-table">
        <thead>
          {/* Long headers wrap to two lines; bottom-aligned, the one-line ones sit on the same baseline. */}
          <tr className="border-b border-gray-200 align-bottom text-xs font-medium uppercase tracking-wide text-gray-500">
            {/* The dates sit under each name, so this column sorts two ways: by name and by start date. */}
            <th className="py-2 pr-4 text-left" aria-sort={sort === "campaign" || sort === "start" ? (dir === "asc" ? "ascending" : "descending") : undefined}>
              <SortLink label="Campaign" sortKey="campaign" current={sort} dir={dir} firstDir={campaignSortFirstDir("campaign")} />
              <span className="px-1 text-gray-300">·</span>
              <SortLink label="Start" sortKey="start" current={sort} dir={dir} firstDir={campaignSortFirstDir("start")} title="Sort by start date" />
            </th>
            {header("followers", "Followers at post", { title: "The creator's followers on the post's platform when it went live" })}
            {KPI_COLUMNS.map((key) => header(key, KPI_CATALOG[key].label))}
            {header("cost", "Cost")}
            {header("cpc", KPI_CATALOG.cpc.label)}
            {header("half_life", "Half-life", { className: "whitespace-nowrap py-2", title: "Hours until half of the clicks on this campaign's posts had arrived" })}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map(({ campaign, kpis, timing, postedLinks }) => (
            <tr key={campaign.id} className="align-top hover:bg-gray-50" data-campaign={campaign.name}>
              <td className="py-2.5 pr-4">
                <Link href={`/w/${workspaceSlug}/campaigns/${campaign.id}`} className="font-medium text-indigo-700 hover:underline">
                  {campaign.name}
                </Link>
                {campaign.archivedAt ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Archived</span> : null}
                <p className="mt-0.5 whitespace-nowrap text-xs text-gray-500">{dates(campaign)}</p>
              </td>
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700">{kpis.followers === null ? "—" : formatInteger(kpis.followers)}</td>
              {KPI_COLUMNS.map((key) => (
                <td key={key} className={`py-2.5 pr-4 text-right tabular-nums ${key === "audience_ctr" ? "font-semibold text-gray-900" : "text-gray-700"}`} data-kpi={key}>
                  {formatKpi(KPI_CATALOG[key].unit, kpiValue(kpis, key), campaign.currency)}
                </td>
              ))}
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700">{formatKpi("money", kpis.costMinor, campaign.currency)}</td>
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700" data-kpi="cpc">
                {formatKpi(KPI_CATALOG.cpc.unit, kpis.cpcMinor, campaign.currency)}
              </td>
              <td
                className="py-2.5 text-right tabular-nums text-gray-700"
                data-testid="campaign-half-life"
                title={postedLinks === 0 ? "No post time set on this campaign's link" : undefined}
              >
                {timing.halfLifeHours === null ? "—" : `${formatInteger(timing.halfLifeHours)} h`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
