"use client";

import { useActionState, useState } from "react";
import { openPortalAction, startCheckoutAction } from "@/app/(app)/w/[workspace]/settings/billing/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export type IntervalPrice = { interval: "monthly" | "yearly"; label: string | null };

/** Monthly/yearly choice and the button that opens Stripe Checkout for one plan. */
export function UpgradeForm({ workspaceSlug, plan, planName, prices }: { workspaceSlug: string; plan: "single" | "team"; planName: string; prices: IntervalPrice[] }) {
  const [state, action, pending] = useActionState(startCheckoutAction.bind(null, workspaceSlug), null);
  const [interval, setInterval] = useState<"monthly" | "yearly">("monthly");
  const chosen = prices.find((price) => price.interval === interval);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="plan" value={plan} />
      <fieldset className="grid grid-cols-2 gap-1 rounded-md bg-gray-100 p-0.5 text-xs font-medium">
        <legend className="sr-only">Billing interval for {planName}</legend>
        {(["monthly", "yearly"] as const).map((value) => (
          <label key={value} className={`cursor-pointer rounded px-2 py-1 text-center ${interval === value ? "bg-white text-gray-900 shadow-sm" : "text-gray-600"}`}>
            <input type="radio" name="interval" value={value} checked={interval === value} onChange={() => setInterval(value)} className="sr-only" />
            {value === "monthly" ? "Monthly" : "Yearly"}
          </label>
        ))}
      </fieldset>
      <p className="text-sm text-gray-600">{chosen?.label ?? "Price shown at checkout"}</p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Opening checkout…" : `Upgrade to ${planName}`}
      </Button>
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
    </form>
  );
}

export function ManageBillingButton({ workspaceSlug }: { workspaceSlug: string }) {
  const [state, action, pending] = useActionState(openPortalAction.bind(null, workspaceSlug), null);
  return (
    <form action={action} className="space-y-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Opening…" : "Manage billing"}
      </Button>
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
    </form>
  );
}
