import type { InputHTMLAttributes } from "react";
import { FieldError } from "@/components/ui/form-controls";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled input with its hint and its error message wired for screen readers. */
export function Field({ label, name, error, hint, className = "", ...input }: FieldProps) {
  const id = input.id ?? `field-${name}`;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:outline-none ${
          error ? "ring-red-400 focus:ring-red-500" : "ring-gray-300 focus:ring-indigo-600"
        }`}
        {...input}
      />
      {error ? (
        <FieldError id={`${id}-error`} error={error} />
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-gray-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
