// Shown where links are created once this period's quota is 80 % used: how many are left, and
// the way to more — before the form refuses, not only after.
import type { Role } from "@prisma/client";
import Link from "next/link";
import type { UsageMeter } from "@/lib/billing/usage";
import { formatInteger } from "@/lib/format";
import { can } from "@/lib/workspaces/permissions";

export function LinkQuotaNotice({ meter, planName, workspaceSlug, role }: { meter: UsageMeter; planName: string; workspaceSlug: string; role: Role }) {
  if (!meter.warning) return null;
  const left = Math.max(0, meter.allowed - meter.used);
  return (
    <p className={`mb-4 rounded-md px-3 py-2 text-sm ring-1 ring-inset ${meter.over ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200"}`} data-testid="link-quota-notice">
      {meter.over
        ? `All ${formatInteger(meter.allowed)} links of this period on the ${planName} plan are used; existing links keep working.`
        : `${formatInteger(left)} of ${formatInteger(meter.allowed)} links left this period on the ${planName} plan.`}{" "}
      {can(role, "billing.manage") ? (
        <Link href={`/w/${workspaceSlug}/settings/billing`} className="font-medium underline">
          Upgrade for more
        </Link>
      ) : null}
    </p>
  );
}
