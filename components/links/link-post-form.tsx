"use client";

import { useActionState } from "react";
import { updateLinkPostAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
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

const selectClass =
  "mt-1 block w-full rounded-md border-0 bg-white py-2 pl-3 pr-8 text-sm shadow-sm ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600";

/** ISO → what the datetime-local input shows: the time in UTC, like every time on these pages. */
const toUtcInput = (iso: string) => (iso ? iso.slice(0, 16) : "");

export function LinkPostForm({ workspaceSlug, linkId, creators, campaigns, initial }: { workspaceSlug: string; linkId: string; creators: Option[]; campaigns: Option[]; initial: LinkPostValues }) {
  const [state, action, pending] = useActionState(updateLinkPostAction.bind(null, workspaceSlug, linkId), null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const value = (name: keyof LinkPostValues) => failed?.values[name] ?? initial[name];

  return (
    <form action={action} className="space-y-4" noValidate aria-label="Post details">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid gap-4 md:grid-cols-4">
        <div>
          <label htmlFor="field-post-creator" className="block text-sm font-medium text-gray-800">
            Creator
          </label>
          <select id="field-post-creator" name="creatorId" defaultValue={value("creatorId")} className={selectClass}>
            <option value="">No creator</option>
            {creators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.creatorId ? <p className="mt-1 text-sm text-red-600">{errors.creatorId}</p> : null}
        </div>
        <div>
          <label htmlFor="field-post-campaign" className="block text-sm font-medium text-gray-800">
            Campaign
          </label>
          <select id="field-post-campaign" name="campaignId" defaultValue={value("campaignId")} className={selectClass}>
            <option value="">No campaign</option>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errors.campaignId ? <p className="mt-1 text-sm text-red-600">{errors.campaignId}</p> : null}
        </div>
        <div>
          <label htmlFor="field-post-platform" className="block text-sm font-medium text-gray-800">
            Platform
          </label>
          <select id="field-post-platform" name="platform" defaultValue={value("platform")} className={selectClass}>
            <option value="">Not set</option>
            {PLATFORMS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
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
