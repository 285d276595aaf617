"use client";

import { useActionState, useEffect, useRef } from "react";
import { createLinkAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/form-controls";

type Creator = { id: string; name: string };

export function CreateLinkForm({ workspaceSlug, shortOrigin, creators }: { workspaceSlug: string; shortOrigin: string; creators: Creator[] }) {
  const [state, action, pending] = useActionState(createLinkAction.bind(null, workspaceSlug), null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate aria-label="Create a link">
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
        <Field
          label="Destination URL"
          name="url"
          type="url"
          placeholder="https://shop.example.com/spring?utm_source=instagram"
          required
          defaultValue={values.url}
          error={errors.url}
        />
        <div>
          <label htmlFor="field-slug" className="block text-sm font-medium text-gray-800">
            Slug <span className="font-normal text-gray-400">(optional)</span>
          </label>
          <div className={`mt-1 flex rounded-md bg-white shadow-sm ring-1 ring-inset ${errors.slug ? "ring-red-400" : "ring-gray-300"} focus-within:ring-2 focus-within:ring-indigo-600`}>
            <span className="flex select-none items-center pl-3 text-sm text-gray-400">{shortOrigin.replace(/^https?:\/\//, "")}/</span>
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
