"use client";

// The destination URL with a UTM builder under it. The five tags are read from and written into
// the URL itself, so what is previewed is exactly what is saved (and the API, which takes a URL,
// needs nothing else).
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { UTM_KEYS, withUtmTag, type UtmKey } from "@/lib/links/utm";

const LABELS: Record<UtmKey, { label: string; placeholder: string }> = {
  utm_source: { label: "Source", placeholder: "instagram" },
  utm_medium: { label: "Medium", placeholder: "influencer" },
  utm_campaign: { label: "Campaign", placeholder: "spring-drop" },
  utm_term: { label: "Term", placeholder: "running-shoes" },
  utm_content: { label: "Content", placeholder: "maya-lopez" },
};
const UTM_VALUE_MAX = 200;

function parse(url: string): URL | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed : null;
  } catch {
    return null;
  }
}

export function DestinationWithUtm({
  defaultValue = "",
  error,
  label = "Destination URL",
  placeholder = "https://shop.example.com/spring",
  idPrefix = "field",
}: {
  defaultValue?: string;
  error?: string;
  label?: string;
  placeholder?: string;
  idPrefix?: string;
}) {
  const [url, setUrl] = useState(defaultValue);
  const parsed = parse(url);
  const hasTags = parsed ? UTM_KEYS.some((key) => parsed.searchParams.has(key)) : false;
  const [open, setOpen] = useState(hasTags);

  function setTag(key: UtmKey, value: string) {
    if (parsed) setUrl(withUtmTag(url.trim(), key, value));
  }

  return (
    <div className="space-y-2">
      <Field label={label} name="url" id={`${idPrefix}-url`} type="url" placeholder={placeholder} required value={url} onChange={(event) => setUrl(event.target.value)} error={error} />
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className="rounded-lg bg-gray-50 px-3 py-2 ring-1 ring-gray-200">
        <summary className="cursor-pointer select-none text-sm font-medium text-gray-700">
          UTM tags {hasTags ? <span className="ml-1 rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-700">set</span> : <span className="font-normal text-gray-500">(optional)</span>}
        </summary>
        <div className="mt-3 space-y-3">
          {!parsed ? <p className="text-xs text-gray-500">Enter a full destination URL above to tag it.</p> : null}
          <div className="grid gap-3 sm:grid-cols-5">
            {UTM_KEYS.map((key) => (
              <Field
                key={key}
                label={LABELS[key].label}
                name={`builder_${key}`}
                id={`${idPrefix}-${key}`}
                placeholder={LABELS[key].placeholder}
                maxLength={UTM_VALUE_MAX}
                disabled={!parsed}
                value={parsed?.searchParams.get(key) ?? ""}
                onChange={(event) => setTag(key, event.target.value)}
                hint={key}
              />
            ))}
          </div>
          {parsed ? (
            <p className="text-xs text-gray-500">
              Final destination: <code className="break-all font-mono text-gray-800" data-testid="utm-preview">{url.trim()}</code>
            </p>
          ) : null}
        </div>
      </details>
    </div>
  );
}
