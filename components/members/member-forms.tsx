"use client";

import type { Role } from "@prisma/client";
import { useActionState } from "react";
import {
  changeRoleAction,
  inviteMemberAction,
  leaveWorkspaceAction,
  removeMemberAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "@/app/(app)/w/[workspace]/settings/members/actions";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "@/components/ui/shown-once";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { FormMessage } from "@/components/ui/form-message";

const ROLE_NAMES: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member", viewer: "Viewer" };

function RoleOptions({ roles }: { roles: readonly Role[] }) {
  return roles.map((role) => (
    <option key={role} value={role}>
      {ROLE_NAMES[role]}
    </option>
  ));
}

export function InviteMemberForm({ workspaceSlug, grantable }: { workspaceSlug: string; grantable: readonly Role[] }) {
  const [state, action, pending] = useActionState(inviteMemberAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <FormMessage tone={state.data.emailError ? "info" : "success"}>
          <p className="font-medium">
            {state.data.emailed
              ? `Invitation e-mailed to ${state.data.email}. You can also send the link yourself:`
              : (state.data.emailError ?? `Invitation ready for ${state.data.email}. E-mail is not configured here: copy the link and send it to them.`)}
          </p>
          <ShownOnce value={state.data.url} testId="invitation-link" copyLabel="Copy link" note={
              state.data.emailed
                ? "The link is shown only now, works once, for that address only, for 7 days. The e-mailed one also proves the address is theirs; with this one, a new account confirms it by e-mail first."
                : "The link is shown only now, works once, for that address only, for 7 days."
            }
          />
        </FormMessage>
      ) : null}
      {failed && !failed.fieldErrors.email && !failed.fieldErrors.role ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start" noValidate>
        <Field label="E-mail" name="email" type="email" placeholder="sam@yourbrand.com" defaultValue={failed?.values.email} error={failed?.fieldErrors.email} />
        <SelectField label="Role" name="role" defaultValue={failed?.values.role ?? "member"} error={failed?.fieldErrors.role}>
          <RoleOptions roles={grantable} />
        </SelectField>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
    </div>
  );
}

export function RoleSelect({ workspaceSlug, userId, current, grantable, label }: { workspaceSlug: string; userId: string; current: Role; grantable: readonly Role[]; label: string }) {
  const [state, action, pending] = useActionState(changeRoleAction.bind(null, workspaceSlug, userId), null);
  return (
    <form action={action} className="flex items-center gap-2">
      <SelectField id={`member-role-${userId}`} label={label} hideLabel name="role" defaultValue={current} className="w-32" onChange={(event) => event.currentTarget.form?.requestSubmit()} disabled={pending}>
        <RoleOptions roles={grantable.includes(current) ? grantable : [current, ...grantable]} />
      </SelectField>
      <noscript>
        <Button type="submit" variant="secondary" className="px-2 py-1 text-xs">
          Save
        </Button>
      </noscript>
      {state && !state.ok ? (
        <span role="alert" className="max-w-56 text-xs text-red-600">
          {state.fieldErrors.role ?? state.error}
        </span>
      ) : null}
      {state?.ok ? <span className="text-xs text-emerald-700">Saved</span> : null}
    </form>
  );
}

export function RemoveMemberButton({ workspaceSlug, userId, who }: { workspaceSlug: string; userId: string; who: string }) {
  const [state, action, pending] = useActionState(removeMemberAction.bind(null, workspaceSlug, userId), null);
  return (
    <form
      action={action}
      className="flex items-center justify-end gap-2"
      onSubmit={(event) => {
        if (!confirm(`Remove ${who} from this workspace? Their API keys stop working at once.`)) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="danger" disabled={pending} className="px-2.5 py-1 text-xs">
        Remove
      </Button>
    </form>
  );
}

export function LeaveWorkspaceButton({ workspaceSlug, workspaceName }: { workspaceSlug: string; workspaceName: string }) {
  const [state, action, pending] = useActionState(leaveWorkspaceAction.bind(null, workspaceSlug), null);
  return (
    <form
      action={action}
      className="flex flex-wrap items-center justify-end gap-2"
      onSubmit={(event) => {
        if (!confirm(`Leave ${workspaceName}? You will need a new invitation to come back.`)) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="secondary" disabled={pending} className="px-2.5 py-1 text-xs">
        Leave workspace
      </Button>
    </form>
  );
}

export function RevokeInvitationButton({ workspaceSlug, invitationId, email }: { workspaceSlug: string; invitationId: string; email: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction.bind(null, workspaceSlug, invitationId), null);
  return (
    <form
      action={action}
      className="flex items-center justify-end gap-2"
      onSubmit={(event) => {
        if (!confirm(`Withdraw the invitation to ${email}?`)) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span role="alert" className="text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="danger" disabled={pending} className="px-2.5 py-1 text-xs">
        Withdraw
      </Button>
    </form>
  );
}

export function TransferOwnershipForm({ workspaceSlug, candidates }: { workspaceSlug: string; candidates: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(transferOwnershipAction.bind(null, workspaceSlug), null);
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start"
      onSubmit={(event) => {
        if (!confirm("Transfer ownership? You will become an admin; the new owner controls billing and can change your role.")) event.preventDefault();
      }}
      noValidate
    >
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      {state && !state.ok && !state.fieldErrors.userId ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <SelectField label="New owner" name="userId" defaultValue="" error={state && !state.ok ? state.fieldErrors.userId : undefined} className="sm:col-start-1">
        <option value="" disabled>
          Choose a member…
        </option>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.label}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending || candidates.length === 0} className="sm:mt-6">
        Transfer ownership
      </Button>
    </form>
  );
}
