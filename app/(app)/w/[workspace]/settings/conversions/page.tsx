import { PlanLocked } from "@/components/billing/plan-locked";
import { ConversionSettingsForm, ExchangeRateForm, PublishableKeyForm, RemoveRateButton, RevokePublishableKeyButton } from "@/components/conversions/conversion-forms";
import { ConversionsFeed } from "@/components/conversions/conversions-feed";
import { EmptyState, Panel } from "@/components/ui/card";
import { SettingsNav } from "@/components/workspaces/settings-nav";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { listPublishableKeys } from "@/lib/conversions/publishable-keys";
import { listConversions } from "@/lib/conversions/record";
import { getConversionSettings } from "@/lib/conversions/settings";
import { formatDateTime } from "@/lib/format";
import { appOrigin } from "@/lib/http/app-origin";
import { can } from "@/lib/workspaces/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Conversions" };

export default async function ConversionSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, role } = await requireWorkspaceMember(slug);
  const header = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Settings</h1>
      <SettingsNav slug={workspace.slug} />
    </div>
  );
  if (!planIncludes(workspace, "conversions")) {
    return (
      <div className="space-y-8">
        {header}
        <PlanLocked feature="conversions" workspace={workspace} role={role} />
      </div>
    );
  }
  const manage = can(role, "settings.manage");
  const [settings, keys, origin, feed] = await Promise.all([
    getConversionSettings(workspace.id),
    manage ? listPublishableKeys(workspace.id) : Promise.resolve([]),
    appOrigin(),
    listConversions(workspace.id),
  ]);
  const snippetSettings = { origin, param: settings.clickIdParam, days: settings.attributionWindowDays };

  return (
    <div className="space-y-8">
      {header}
      {!manage ? <p className="text-sm text-gray-500">Only owners and admins can change conversion settings.</p> : null}

      <Panel title="Tracking" description="How clicks are carried to your site and how long a click can earn a conversion.">
        {manage ? (
          <ConversionSettingsForm workspaceSlug={workspace.slug} settings={settings} />
        ) : (
          <p className="text-sm text-gray-700">
            {settings.conversionTracking ? `Click ids are added as ?${settings.clickIdParam}=…` : "Click ids are not added to destinations."} Attribution window: {settings.attributionWindowDays} days. Currency: {settings.currency}.
          </p>
        )}
      </Panel>

      {manage ? (
        <Panel title="Your site" description="A publishable key lets /cp.js on your own pages report conversions. It only works from the hostnames you list, and can only add conversions.">
          <div className="space-y-6">
            <PublishableKeyForm workspaceSlug={workspace.slug} snippetSettings={snippetSettings} />
            {keys.length > 0 ? (
              <TableScroll label="Publishable keys"><table className="min-w-full text-sm" data-testid="publishable-keys-table">
                <thead>
                  <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                    <th className="py-2 pr-4">Key</th>
                    <th className="py-2 pr-4">Allowed on</th>
                    <th className="py-2 pr-4">Created</th>
                    <th className="py-2" />
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {keys.map((key) => (
                    <tr key={key.id} className={key.revokedAt ? "text-gray-500" : ""}>
                      <td className="py-3 pr-4 font-mono text-xs">{key.prefix}…</td>
                      <td className="py-3 pr-4">{key.allowedHostnames.join(", ")}</td>
                      <td className="py-3 pr-4">{formatDateTime(key.createdAt)}</td>
                      <td className="py-3 text-right">{key.revokedAt ? <span className="text-xs">Revoked</span> : <RevokePublishableKeyButton workspaceSlug={workspace.slug} keyId={key.id} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table></TableScroll>
            ) : null}
            <div className="text-sm text-gray-600">
              <p className="font-medium text-gray-800">Then, where a purchase completes:</p>
              <pre tabIndex={0} className="mt-2 overflow-x-auto rounded-lg bg-gray-900 p-4 text-xs leading-relaxed text-gray-100">
{`clickproof.track("purchase", { value: 4999, currency: "USD", orderId: "1001" });
// value in minor units (4999 = 49.99); orderId makes retries count once`}
              </pre>
              <p className="mt-2">From your server instead: <code className="font-mono">POST {origin}/api/v1/conversions</code> with an API key (see the README).</p>
            </div>
          </div>
        </Panel>
      ) : null}

      <Panel title="Recent conversions" description="Everything reported, attributed or not, newest first — with the reason for each attribution.">
        <ConversionsFeed entries={feed} showCampaign />
      </Panel>

      <Panel title="Exchange rates" description={`Conversions in other currencies are added to ${settings.currency} figures with these rates; without a rate they are shown apart, never summed in.`}>
        <div className="space-y-5">
          {settings.exchangeRates.length === 0 ? (
            <EmptyState title="No rates yet">Add one for each currency your shop sells in besides {settings.currency}.</EmptyState>
          ) : (
            <TableScroll label="Exchange rates"><table className="min-w-full text-sm" data-testid="exchange-rates-table">
              <tbody className="divide-y divide-gray-100">
                {settings.exchangeRates.map((rate) => (
                  <tr key={rate.currency}>
                    <td className="py-2 pr-4 font-medium">1 {rate.currency}</td>
                    <td className="py-2 pr-4 tabular-nums">= {rate.rate} {settings.currency}</td>
                    <td className="py-2 pr-4 text-gray-500">updated {formatDateTime(rate.updatedAt)}</td>
                    <td className="py-2 text-right">{manage ? <RemoveRateButton workspaceSlug={workspace.slug} currency={rate.currency} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table></TableScroll>
          )}
          {manage ? <ExchangeRateForm workspaceSlug={workspace.slug} base={settings.currency} /> : null}
        </div>
      </Panel>
    </div>
  );
}
