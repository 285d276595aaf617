"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createCampaignAction, updateCampaignAction } from "@/app/(app)/w/[workspace]/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/form-controls";
import { KPI_CATALOG, KPI_KEYS } from "@/lib/analytics/kpi";
import { UTM_KEYS } from "@/lib/links/utm";
import type { CampaignFormValues } from "@/lib/campaigns/form-values";
import { TableScroll } from "@/components/ui/table-scroll";

const UNIT_HINT = { count: "", rate: "%", money: "", ratio: "×" } as const;

export function CampaignForm({ workspaceSlug, campaignId, initial }: { workspaceSlug: string; campaignId?: string; initial: CampaignFormValues }) {
  const action = campaignId ? updateCampaignAction.bind(null, workspaceSlug, campaignId) : createCampaignAction.bind(null, workspaceSlug);
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  // After a refused submit, show what was typed (React resets forms after an action).
  const typed = (name: string, fallback: string) => failed?.values[name] ?? fallback;
  const checked = (name: string, fallback: boolean) => (failed ? failed.values[name] === "on" : fallback);
  const primary = failed ? failed.values.primaryKpi : initial.primaryKpi;

  return (
    <form action={formAction} className="space-y-8" noValidate aria-label={campaignId ? "Edit campaign" : "Create campaign"}>
      {failed ? (
        <FormMessage tone="error">
          <p>{failed.error}</p>
          {errors.kpis && errors.kpis !== failed.error ? <p className="mt-1">KPIs: {errors.kpis}</p> : null}
        </FormMessage>
      ) : null}

      <section className="grid gap-4 md:grid-cols-2">
        <Field label="Campaign name" name="name" required defaultValue={typed("name", initial.name)} error={errors.name} placeholder="Spring Drop" />
        <SelectField label="Objective" name="objective" id="field-objective" defaultValue={typed("objective", initial.objective)} error={errors.objective}>
          <option value="awareness">Awareness — reach new people</option>
          <option value="traffic">Traffic — send people to the site</option>
          <option value="conversions">Conversions — sign-ups and sales</option>
          <option value="loyalty">Loyalty — bring customers back</option>
        </SelectField>
        <Field label="Starts" name="startsOn" type="date" defaultValue={typed("startsOn", initial.startsOn)} error={errors.startsOn} />
        <Field label="Ends" name="endsOn" type="date" defaultValue={typed("endsOn", initial.endsOn)} error={errors.endsOn} />
        <div className="grid grid-cols-[1fr_6rem] gap-3">
          <Field label="Budget" name="budget" inputMode="decimal" placeholder="5,000" defaultValue={typed("budget", initial.budget)} error={errors.budget ?? errors.budgetMinor} />
          <Field label="Currency" name="currency" maxLength={3} defaultValue={typed("currency", initial.currency)} error={errors.currency} />
        </div>
        <Field
          label="Destination URL"
          name="destinationUrl"
          type="url"
          placeholder="https://shop.example.com/spring"
          hint="Where every creator's link in this campaign points."
          defaultValue={typed("destinationUrl", initial.destinationUrl)}
          error={errors.destinationUrl}
        />
      </section>

      <section>
        <h3 className="text-sm font-semibold text-gray-900">KPIs and targets</h3>
        <p className="mt-1 text-sm text-gray-500">One primary KPI, and up to six supporting ones. Targets are optional.</p>
        <TableScroll label="KPIs and targets" className="mt-3 max-w-2xl">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs font-medium uppercase tracking-wide text-gray-500">
              <th className="py-1.5 pr-3">KPI</th>
              <th className="px-2 py-1.5 text-center">Primary</th>
              <th className="px-2 py-1.5 text-center">Supporting</th>
              <th className="py-1.5 pl-3">Target</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {KPI_KEYS.map((kpi) => {
              const meta = KPI_CATALOG[kpi];
              const targetError = errors[`target_${kpi}`];
              return (
                <tr key={kpi}>
                  <td className="py-2 pr-3 font-medium text-gray-800">{meta.label}</td>
                  <td className="px-2 py-2 text-center">
                    <input type="radio" name="primaryKpi" value={kpi} defaultChecked={primary === kpi} aria-label={`${meta.label} as primary KPI`} />
                  </td>
                  <td className="px-2 py-2 text-center">
                    <input type="checkbox" name={`kpi_${kpi}`} defaultChecked={checked(`kpi_${kpi}`, initial.supporting.includes(kpi))} aria-label={`${meta.label} as supporting KPI`} />
                  </td>
                  <td className="py-2 pl-3">
                    <div className="flex items-center gap-1.5">
                      <input
                        name={`target_${kpi}`}
                        inputMode="decimal"
                        aria-label={`${meta.label} target`}
                        aria-invalid={targetError ? true : undefined}
                        defaultValue={typed(`target_${kpi}`, initial.targets[kpi] ?? "")}
                        className={`w-28 rounded-md border-0 px-2 py-1 text-sm shadow-sm ring-1 ring-inset ${targetError ? "ring-red-400" : "ring-gray-300"} focus:ring-2 focus:ring-indigo-600`}
                      />
                      <span className="text-xs text-gray-500">{meta.unit === "money" ? "amount" : UNIT_HINT[meta.unit]}</span>
                      {targetError ? <span className="text-xs text-red-600">{targetError}</span> : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </TableScroll>
      </section>

      <section>
        <h3 className="text-sm font-semibold text-gray-900">UTM template for generated links</h3>
        <p className="mt-1 text-sm text-gray-500">
          Filled in per creator: <code className="font-mono">{"{platform}"}</code>, <code className="font-mono">{"{campaign}"}</code>,{" "}
          <code className="font-mono">{"{creator}"}</code>. Leave a field empty to leave that tag out.
        </p>
        <div className="mt-3 grid gap-3 md:grid-cols-5">
          {UTM_KEYS.map((key) => (
            <Field key={key} label={key} name={key} defaultValue={typed(key, initial.utm[key] ?? "")} error={errors[`utmTemplate.${key}`]} />
          ))}
        </div>
      </section>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : campaignId ? "Save campaign" : "Create campaign"}
        </Button>
        <Link href={campaignId ? `/w/${workspaceSlug}/campaigns/${campaignId}` : `/w/${workspaceSlug}/campaigns`} className="text-sm text-gray-600 hover:text-gray-900">
          Cancel
        </Link>
      </div>
    </form>
  );
}
