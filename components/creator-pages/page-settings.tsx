"use client";

import { useActionState, useState } from "react";
import {
  disableCreatorPageAction,
  enableCreatorPageAction,
  revokeCreatorPageLinkAction,
  rotateCreatorPageLinkAction,
  updateCreatorPageAction,
} from "@/app/(app)/w/[workspace]/creators/actions";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "@/components/ui/shown-once";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/action-state";

type Ids = { workspaceSlug: string; creatorId: string };

function IssuedLink({ state }: { state: ActionState<{ url: string }> }) {
  if (!state) return null;
  if (!state.ok) return <FormMessage tone="error">{state.error}</FormMessage>;
  return (
    <FormMessage tone="success">
      <p className="font-medium">{state.message}</p>
      <ShownOnce value={state.data.url} testId="creator-page-link" copyLabel="Copy link" note="It is shown only now: we keep a fingerprint of it, not the link. Rotate it to get a new one." />
    </FormMessage>
  );
}

/**
 * Turning the page on and rotating its link both show the new link once. One component holds
 * both, so the link stays on screen when the page re-renders from "off" to "on".
 */
export function CreatorPageManager({ on, hasLink, archived, ...ids }: Ids & { on: boolean; hasLink: boolean; archived: boolean }) {
  const [enabled, enable, enabling] = useActionState(enableCreatorPageAction.bind(null, ids.workspaceSlug, ids.creatorId), null);
  const [rotated, rotate, rotating] = useActionState(rotateCreatorPageLinkAction.bind(null, ids.workspaceSlug, ids.creatorId), null);
  const [revoked, revoke, revoking] = useActionState(revokeCreatorPageLinkAction.bind(null, ids.workspaceSlug, ids.creatorId), null);
  const [last, setLast] = useState<"enable" | "rotate" | "revoke" | null>(null);
  const issued = last === "enable" ? enabled : last === "rotate" ? rotated : null;
  return (
    <div className="space-y-3">
      <IssuedLink state={issued} />
      {last === "revoke" && revoked ? <FormMessage tone={revoked.ok ? "success" : "error"}>{revoked.ok ? revoked.message : revoked.error}</FormMessage> : null}
      {!on ? (
        archived ? (
          <p className="text-sm text-gray-500">Restore this creator to give them a page.</p>
        ) : (
          <form
            action={() => {
              setLast("enable");
              enable();
            }}
          >
            <Button type="submit" disabled={enabling}>
              {enabling ? "Turning on…" : "Turn on their page"}
            </Button>
          </form>
        )
      ) : (
        <div className="flex flex-wrap gap-2">
          <form
            action={() => {
              setLast("rotate");
              rotate();
            }}
            onSubmit={(event) => {
              if (hasLink && !confirm("Issue a new link? The current one stops working at once.")) event.preventDefault();
            }}
          >
            <Button type="submit" variant="secondary" disabled={rotating}>
              {hasLink ? "Rotate link" : "Issue a new link"}
            </Button>
          </form>
          {hasLink ? (
            <form
              action={() => {
                setLast("revoke");
                revoke();
              }}
              onSubmit={(event) => {
                if (!confirm("Revoke the link? Anyone opening it gets “not found”.")) event.preventDefault();
              }}
            >
              <Button type="submit" variant="danger" disabled={revoking}>
                Revoke link
              </Button>
            </form>
          ) : null}
        </div>
      )}
    </div>
  );
}

export function CreatorPageOptions({ showConversions, ...ids }: Ids & { showConversions: boolean }) {
  const [state, action, pending] = useActionState(updateCreatorPageAction.bind(null, ids.workspaceSlug, ids.creatorId), null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm text-gray-800">
        <input type="checkbox" name="showConversions" defaultChecked={showConversions} className="h-4 w-4 rounded border-gray-300 text-indigo-600" />
        Show conversions and revenue on the page
      </label>
      <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1 text-xs">
        Save
      </Button>
      {state?.ok ? <span className="text-xs text-emerald-700">{state.message}</span> : null}
      {state && !state.ok ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
    </form>
  );
}

export function DisableCreatorPageButton(ids: Ids) {
  const [state, action, pending] = useActionState(disableCreatorPageAction.bind(null, ids.workspaceSlug, ids.creatorId), null);
  return (
    <form
      action={action}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        if (!confirm("Turn the page off? Its link and the creator's sign-in stop showing it.")) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="danger" disabled={pending} className="px-2.5 py-1 text-xs">
        Turn page off
      </Button>
    </form>
  );
}
