"use client";

import { useActionState } from "react";
import { addPlatformAction, removePlatformAction, setCreatorArchivedAction, updatePlatformAction } from "@/app/(app)/w/[workspace]/creators/actions";
import { SelectField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PLATFORMS } from "@/lib/creators/platforms";
import { formatInteger } from "@/lib/format";

type Ids = { workspaceSlug: string; creatorId: string };

export function EditPlatformForm({ workspaceSlug, creatorId, platformId, label, handle, followers }: Ids & { platformId: string; label: string; handle: string; followers: number }) {
  const [state, action, pending] = useActionState(updatePlatformAction.bind(null, workspaceSlug, creatorId, platformId), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { handle, followers: formatInteger(followers) };
  return (
    <form action={action} className="space-y-2" noValidate aria-label={`Edit ${label}`}>
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_auto]">
        <Field label="Handle" name="handle" id={`handle-${platformId}`} defaultValue={values.handle} error={errors.handle} />
        <Field label="Followers" name="followers" id={`followers-${platformId}`} inputMode="numeric" defaultValue={values.followers} error={errors.followers} hint="e.g. 12,400 or 12.4k" />
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}

export function RemovePlatformButton({ workspaceSlug, creatorId, platformId, label }: Ids & { platformId: string; label: string }) {
  const [state, action, pending] = useActionState(removePlatformAction.bind(null, workspaceSlug, creatorId, platformId), null);
  return (
    <form
      action={action}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        // Removing an account deletes its follower history too; ask before that.
        if (!window.confirm(`Remove ${label} and its follower history?`)) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span className="text-sm text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs text-red-600 shadow-none hover:bg-red-50 hover:text-red-700">
        Remove {label}
      </Button>
    </form>
  );
}

export function AddPlatformForm({ workspaceSlug, creatorId, available }: Ids & { available: string[] }) {
  const [state, action, pending] = useActionState(addPlatformAction.bind(null, workspaceSlug, creatorId), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  const options = PLATFORMS.filter((platform) => available.includes(platform.value));
  const selected = values.platform ?? options[0]?.value ?? "";
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Add a platform">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid items-start gap-3 sm:grid-cols-[10rem_1fr_10rem_auto]">
        <SelectField key={selected} label="Platform" name="platform" id="add-platform" defaultValue={selected} error={errors.platform}>
          {options.map((platform) => (
            <option key={platform.value} value={platform.value}>
              {platform.label}
            </option>
          ))}
        </SelectField>
        <Field label="Handle" name="handle" id="add-handle" placeholder="@maya.eats" defaultValue={values.handle} error={errors.handle} />
        <Field label="Followers" name="followers" id="add-followers" inputMode="numeric" placeholder="12.4k" defaultValue={values.followers} error={errors.followers} />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Adding…" : "Add platform"}
        </Button>
      </div>
    </form>
  );
}

export function ArchiveCreatorButton({ workspaceSlug, creatorId, archived }: Ids & { archived: boolean }) {
  const [state, action, pending] = useActionState(setCreatorArchivedAction.bind(null, workspaceSlug, creatorId, !archived), null);
  return (
    <form action={action} className="flex items-center gap-3">
      {state && !state.ok ? <span className="text-sm text-red-600">{state.error}</span> : null}
      <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending}>
        {archived ? "Restore creator" : "Archive creator"}
      </Button>
    </form>
  );
}
