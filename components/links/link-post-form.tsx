"use client";

import { useActionState } from "react";
import { updateLinkPostAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/form-controls";
import { PLATFORMS } from "@/lib/creators/platforms";

type Option = { id: string; name: string };
export type LinkPostValues = {
  creatorId: string;
  campaignId: string;
  platform: string;
  /** ISO time or "" */
  postedAt: string;
  reach: string;
  impressions: string;
  engagementPercent: string;
};

/** ISO → what the datetime-local input shows: the time in UTC, like every time on these pages. */
const toUtcInput = (iso: string) => (iso ? iso.slice(0, 16) : "");

/** `campaignLock`: why campaign tagging is unavailable on this plan (the select is then disabled and not sent). */
export function LinkPostForm({
  workspaceSlug,
  linkId,
  creators,
  campaigns,
  initial,
  campaignLock,
}: {
  workspaceSlug: string;
  linkId: string;
  creators: Option[];
  campaigns: Option[];
  initial: LinkPostValues;
  campaignLock?: string;
}) {
  const [state, action, pending] = useActionState(updateLinkPostAction.bind(null, workspaceSlug, linkId), null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (name: keyof LinkPostValues) => failed?.values[name] ?? initial[name];

  return (
    <form action={action} className="space-y-4" noValidate aria-label="Post details">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid gap-4 md:grid-cols-4">
        <SelectField label="Creator" name="creatorId" id="field-post-creator" defaultValue={value("creatorId")} error={errors.creatorId}>
          <option value="">No creator</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <div>
          <SelectField label="Campaign" name="campaignId" id="field-post-campaign" defaultValue={value("campaignId")} error={errors.campaignId} disabled={Boolean(campaignLock)}>
            <option value="">No campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          {campaignLock ? <p className="mt-1 text-xs text-gray-500">{campaignLock}</p> : null}
        </div>
        <SelectField label="Platform" name="platform" id="field-post-platform" defaultValue={value("platform")} error={errors.platform}>
          <option value="">Not set</option>
          {PLATFORMS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Post went live (UTC)"
          name="postedAt"
          type="datetime-local"
          defaultValue={failed?.values.postedAt ?? toUtcInput(initial.postedAt)}
          error={errors.postedAt}
          hint="Timing is counted from here."
        />
      </div>
      <div className="grid gap-4 md:grid-cols-4">
        <Field label="Reach" name="reach" inputMode="numeric" defaultValue={value("reach")} error={errors.reach} hint="From the platform's insights." />
        <Field label="Impressions" name="impressions" inputMode="numeric" defaultValue={value("impressions")} error={errors.impressions} />
        <Field label="Engagement rate %" name="engagementPercent" inputMode="decimal" defaultValue={value("engagementPercent")} error={errors.engagementRate} />
        <div className="flex items-end">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Saving…" : "Save post details"}
          </Button>
        </div>
      </div>
    </form>
  );
}
