"use client";

import { useActionState, useState } from "react";
import { createLinkAction } from "@/app/(app)/w/[workspace]/actions";
import { DestinationWithUtm } from "@/components/links/destination-with-utm";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/form-controls";

type Creator = { id: string; name: string };

export function CreateLinkForm({
  workspaceSlug,
  shortOrigin,
  creators,
  domains = [],
}: {
  workspaceSlug: string;
  shortOrigin: string;
  creators: Creator[];
  /** the workspace's verified branded domains; the first is preselected */
  domains?: string[];
}) {
  const [state, action, pending] = useActionState(createLinkAction.bind(null, workspaceSlug), null);
  // A fresh form (empty fields, builder closed) after each link made; the domain chosen stays.
  const formKey = state?.ok ? state.data.shortUrl : "new";
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  const defaultHost = shortOrigin.replace(/^https?:\/\//, "");
  const [domain, setDomain] = useState(values.domain ?? domains[0] ?? "");
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate aria-label="Create a link">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          <span className="flex flex-wrap items-center gap-2">
            Short link ready: <code className="font-mono font-semibold" data-testid="created-short-url">{state.data.shortUrl}</code>
            <CopyButton value={state.data.shortUrl} />
          </span>
        </FormMessage>
      ) : null}
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <DestinationWithUtm defaultValue={values.url} error={errors.url} />
        <div className="space-y-3">
          {domains.length > 0 ? (
            <SelectField label="Domain" name="domain" id="field-domain" value={domain} onChange={(event) => setDomain(event.target.value)} error={errors.domain}>
              {domains.map((host) => (
                <option key={host} value={host}>
                  {host}
                </option>
              ))}
              <option value="">{defaultHost} (default)</option>
            </SelectField>
          ) : null}
          <div>
            <label htmlFor="field-slug" className="block text-sm font-medium text-gray-800">
              Slug <span className="font-normal text-gray-500">(optional)</span>
            </label>
            <div className={`mt-1 flex rounded-md bg-white shadow-sm ring-1 ring-inset ${errors.slug ? "ring-red-400" : "ring-gray-300"} focus-within:ring-2 focus-within:ring-indigo-600`}>
              <span className="flex select-none items-center pl-3 text-sm text-gray-500">{domain || defaultHost}/</span>
              <input
                id="field-slug"
                name="slug"
                defaultValue={values.slug}
                placeholder="maya-lopez"
                aria-invalid={errors.slug ? true : undefined}
                aria-describedby={errors.slug ? "field-slug-error" : undefined}
                className="block w-full min-w-0 flex-1 border-0 bg-transparent py-2 pl-0.5 pr-3 text-sm text-gray-900 placeholder:text-gray-400 focus:outline-none"
              />
            </div>
            {errors.slug ? (
              <p id="field-slug-error" role="alert" className="mt-1 text-sm text-red-600">
                {errors.slug}
              </p>
            ) : (
              <p className="mt-1 text-xs text-gray-500">Leave empty for a short random one.</p>
            )}
          </div>
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        {creators.length > 0 ? (
          <SelectField label="Creator (optional)" name="creatorId" id="field-creator" defaultValue={values.creatorId ?? ""} error={errors.creatorId}>
            <option value="">No creator</option>
            {creators.map((creator) => (
              <option key={creator.id} value={creator.id}>
                {creator.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create link"}
        </Button>
      </div>
    </form>
  );
}
