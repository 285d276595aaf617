"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { createCreatorAction } from "@/app/(app)/w/[workspace]/creators/actions";
import { FieldError, SelectField, TextAreaField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { FORM_PLATFORM_ROWS } from "@/lib/creators/form-input";
import { PLATFORMS } from "@/lib/creators/platforms";

const ROW_DEFAULTS = ["instagram", "", ""];

export function CreateCreatorForm({ workspaceSlug }: { workspaceSlug: string }) {
  const [state, action, pending] = useActionState(createCreatorAction.bind(null, workspaceSlug), null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form ref={formRef} action={action} className="space-y-5" noValidate aria-label="Add a creator">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {state?.ok ? (
        <FormMessage tone="success">
          {state.message}{" "}
          <Link href={`/w/${workspaceSlug}/creators/${state.data.id}`} className="font-semibold underline">
            Open profile
          </Link>
        </FormMessage>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required placeholder="Maya Lopez" defaultValue={values.name} error={errors.name} />
        <Field label="E-mail (optional)" name="email" type="email" placeholder="maya@example.com" defaultValue={values.email} error={errors.email} hint="Lets the creator see their own results later." />
        <Field label="Niche (optional)" name="niche" placeholder="Food, fitness, tech…" defaultValue={values.niche} error={errors.niche} />
        <TextAreaField label="Notes (optional)" name="notes" rows={2} defaultValue={values.notes} error={errors.notes} placeholder="Rates, contact person, anything to remember" className="sm:col-span-2" />
      </div>

      <fieldset aria-describedby={errors.platforms ? "platforms-error" : "platforms-hint"}>
        <legend className="text-sm font-medium text-gray-800">Platforms</legend>
        <p id="platforms-hint" className="mt-0.5 text-xs text-gray-500">
          At least one. Follower counts can be written 12400, 12,400, 12.4k or 1.2m. Leave unused rows empty.
        </p>
        <FieldError id="platforms-error" error={errors.platforms} />
        <div className="mt-2 hidden gap-3 text-xs font-medium uppercase tracking-wide text-gray-500 sm:grid sm:grid-cols-[10rem_1fr_10rem]">
          <span>Platform</span>
          <span>Handle</span>
          <span>Followers</span>
        </div>
        <div className="space-y-2">
          {Array.from({ length: FORM_PLATFORM_ROWS }, (_, index) => {
            const key = (field: string) => `platforms.${index}.${field}`;
            const selected = values[key("platform")] ?? ROW_DEFAULTS[index] ?? "";
            return (
              <div key={index} className="grid items-start gap-3 sm:grid-cols-[10rem_1fr_10rem]">
                {/* keyed by the value so a failed submit shows the platform that was chosen */}
                <SelectField key={selected} label={`Platform ${index + 1}`} hideLabel name={key("platform")} defaultValue={selected} error={errors[key("platform")]}>
                  <option value="">Choose…</option>
                  {PLATFORMS.map((platform) => (
                    <option key={platform.value} value={platform.value}>
                      {platform.label}
                    </option>
                  ))}
                </SelectField>
                <Field label={`Handle ${index + 1}`} name={key("handle")} id={`field-platforms-${index}-handle`} placeholder={index === 0 ? "@maya.eats" : undefined} defaultValue={values[key("handle")]} error={errors[key("handle")]} className="[&>label]:sr-only" />
                <Field
                  label={`Followers ${index + 1}`}
                  name={key("followers")}
                  id={`field-platforms-${index}-followers`}
                  inputMode="numeric"
                  placeholder={index === 0 ? "12.4k" : undefined}
                  defaultValue={values[key("followers")]}
                  error={errors[key("followers")]}
                  className="[&>label]:sr-only"
                />
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add creator"}
        </Button>
      </div>
    </form>
  );
}
