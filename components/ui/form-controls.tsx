// Select and textarea styled like components/ui/field.tsx's input.
import type { SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const control = (error?: string) =>
  `mt-1 block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-gray-900 shadow-sm ring-1 ring-inset placeholder:text-gray-400 focus:ring-2 focus:ring-inset focus:outline-none ${
    error ? "ring-red-400 focus:ring-red-500" : "ring-gray-300 focus:ring-indigo-600"
  }`;

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} role="alert" className="mt-1 text-sm text-red-600">
      {error}
    </p>
  ) : null;
}

export function SelectField({
  label,
  name,
  error,
  hideLabel = false,
  className = "",
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; error?: string; hideLabel?: boolean }) {
  const id = select.id ?? `field-${name.replace(/\W+/g, "-")}`;
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-gray-800"}>
        {label}
      </label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={`${control(error)} pr-8`} {...select}>
        {children}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  className = "",
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string }) {
  const id = textarea.id ?? `field-${name}`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-gray-800">
        {label}
      </label>
      <textarea id={id} name={name} rows={3} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined} className={control(error)} {...textarea} />
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
