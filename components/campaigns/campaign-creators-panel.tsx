"use client";

import { useActionState } from "react";
import { generateLinksAction, removeCampaignCreatorAction, saveCampaignCreatorAction } from "@/app/(app)/w/[workspace]/campaigns/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/form-controls";
import { countOf } from "@/lib/format";
import { UTM_KEYS, type UtmParams } from "@/lib/links/utm";

type Option = { id: string; name: string };

/** Adds a creator to the campaign with terms, or changes the terms of one already in it. */
export function AddCreatorForm({ workspaceSlug, campaignId, currency, creators }: { workspaceSlug: string; campaignId: string; currency: string; creators: (Option & { inCampaign: boolean })[] }) {
  const [state, action, pending] = useActionState(saveCampaignCreatorAction.bind(null, workspaceSlug, campaignId), null);
  const failed = state && !state.ok ? state : null;
  if (creators.length === 0) {
    return <p className="text-sm text-gray-500">Your roster is empty. Add creators on the Creators page first.</p>;
  }
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Set a creator's terms">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid gap-3 md:grid-cols-[2fr_1fr_1fr_1fr_auto] md:items-end">
        <SelectField label="Creator" name="creatorId" id="field-term-creator" defaultValue={failed?.values.creatorId ?? ""} error={failed?.fieldErrors.creatorId}>
          <option value="">Choose…</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.inCampaign ? " (in this campaign)" : ""}
            </option>
          ))}
        </SelectField>
        <Field label={`Flat fee (${currency})`} name="flatFee" inputMode="decimal" placeholder="0" defaultValue={failed?.values.flatFee} error={failed?.fieldErrors.flatFee} />
        <Field label={`Gifted value (${currency})`} name="giftedValue" inputMode="decimal" placeholder="0" defaultValue={failed?.values.giftedValue} error={failed?.fieldErrors.giftedValue} />
        <Field
          label="Commission %"
          name="commissionPercent"
          inputMode="decimal"
          placeholder="0"
          defaultValue={failed?.values.commissionPercent}
          error={failed?.fieldErrors.commissionPercent ?? failed?.fieldErrors.commissionRate}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Save terms
        </Button>
      </div>
    </form>
  );
}

export function RemoveCreatorButton({ workspaceSlug, campaignId, creatorId }: { workspaceSlug: string; campaignId: string; creatorId: string }) {
  const [state, action, pending] = useActionState(removeCampaignCreatorAction.bind(null, workspaceSlug, campaignId, creatorId), null);
  return (
    <form action={action}>
      {state && !state.ok ? <span className="mr-2 text-xs text-red-600">{state.error}</span> : null}
      <button type="submit" disabled={pending} className="text-xs font-medium text-gray-500 hover:text-red-600">
        Remove
      </button>
    </form>
  );
}

type Candidate = Option & { linkSlug: string | null; inCampaign: boolean };

export function GenerateLinksForm({
  workspaceSlug,
  campaignId,
  candidates,
  template,
  hasDestination,
  domains = [],
  defaultHost,
}: {
  workspaceSlug: string;
  campaignId: string;
  candidates: Candidate[];
  template: UtmParams | null;
  hasDestination: boolean;
  /** the workspace's verified branded domains; links go on the first unless another is chosen */
  domains?: string[];
  defaultHost?: string;
}) {
  const [state, action, pending] = useActionState(generateLinksAction.bind(null, workspaceSlug, campaignId), null);
  if (!hasDestination) {
    return <p className="text-sm text-gray-500">Set the campaign&apos;s destination URL (Edit campaign) to generate links.</p>;
  }
  return (
    <form action={action} className="space-y-4" aria-label="Generate links">
      {state && !state.ok ? <FormMessage tone="error">{state.fieldErrors.creatorIds ?? state.fieldErrors.destinationUrl ?? state.fieldErrors.domain ?? state.error}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          <p className="font-medium" data-testid="generate-summary">
            Created {countOf(state.data.created.length, "link")}
            {state.data.skipped.length ? `, skipped ${state.data.skipped.length}` : ""}.
          </p>
          <ul className="mt-1 space-y-0.5">
            {state.data.created.map((c) => (
              <li key={c.linkId} className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                <span>{c.creatorName}:</span>
                <code className="min-w-0 break-all font-mono">{c.shortUrl}</code>
                <CopyButton value={c.shortUrl} label={`Copy ${c.creatorName}'s link`} />
              </li>
            ))}
            {state.data.skipped.map((s) => (
              <li key={s.creatorId} className="text-gray-600">
                {s.creatorName ?? s.creatorId}: {s.reason}
              </li>
            ))}
          </ul>
        </FormMessage>
      ) : null}
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">Creators</legend>
        <div className="mt-2 grid gap-1.5 sm:grid-cols-2 lg:grid-cols-3">
          {candidates.map((c) => (
            <label key={c.id} className="flex items-center gap-2 text-sm text-gray-700">
              <input type="checkbox" name="creatorIds" value={c.id} defaultChecked={c.inCampaign && !c.linkSlug} disabled={Boolean(c.linkSlug)} />
              {c.name}
              {c.linkSlug ? <span className="text-xs text-gray-500">has /{c.linkSlug}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <label className="flex items-center gap-2 text-sm font-medium text-gray-800">
          <input type="checkbox" name="useUtm" defaultChecked={template !== null} /> Add UTM tags
        </label>
        <div className="mt-2 grid gap-3 md:grid-cols-5">
          {UTM_KEYS.map((key) => (
            <Field key={key} label={key} name={key} defaultValue={template?.[key] ?? ""} />
          ))}
        </div>
      </fieldset>
      {domains.length > 0 ? (
        <SelectField label="Domain" name="domain" id="generate-domain" defaultValue={domains[0]} className="max-w-sm">
          {domains.map((host) => (
            <option key={host} value={host}>
              {host}
            </option>
          ))}
          <option value="">{defaultHost ?? "default short domain"} (default)</option>
        </SelectField>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Generating…" : "Generate links"}
      </Button>
    </form>
  );
}
