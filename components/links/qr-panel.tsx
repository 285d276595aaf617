"use client";

// The link page's QR code: a live preview from the session route (/w/<workspace>/links/<id>/qr),
// size, margin and colour controls, and SVG / PNG downloads. A colour too light to scan is caught
// here with the rule the server applies (lib/qr/contrast.ts), so no image is asked for that the
// server would refuse; anything else the server refuses is shown with its own message.
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Panel } from "@/components/ui/card";
import { SelectField } from "@/components/ui/form-controls";
import { FormMessage } from "@/components/ui/form-message";
import { DEFAULT_QR_BACKGROUND, DEFAULT_QR_COLOR, HEX_COLOR, qrContrastProblem } from "@/lib/qr/contrast";

const SIZES = [256, 512, 1024, 2048];
const MARGINS = [0, 1, 2, 4, 8, 16];
const DEFAULT_SIZE = 512;
const DEFAULT_MARGIN = 2;

type QrChoice = { format: "svg" | "png"; size: number; margin: number; color: string; download?: boolean };

function qrHref(workspaceSlug: string, linkId: string, choice: QrChoice): string {
  const query = new URLSearchParams({ format: choice.format, size: String(choice.size), margin: String(choice.margin), color: choice.color });
  if (choice.download) query.set("download", "1");
  return `/w/${encodeURIComponent(workspaceSlug)}/links/${encodeURIComponent(linkId)}/qr?${query}`;
}

// A colour picker fires on every drag step; the preview follows once the pointer rests.
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The message of a refused image (422 JSON), fetched again because an <img> cannot read it. */
async function refusalOf(src: string): Promise<string> {
  const response = await fetch(src).catch(() => null);
  // the one error shape of every route: { "error": { "code", "message", "details"? } }
  const body: { error?: { message?: unknown } } | null = (await response?.json().catch(() => null)) ?? null;
  const message = body?.error?.message;
  return typeof message === "string" ? message : "The QR code could not be made. Please retry.";
}

export function QrPanel({
  workspaceSlug,
  linkId,
  slug,
  scanUrl,
  brandColor,
}: {
  workspaceSlug: string;
  linkId: string;
  slug: string;
  /** what the code encodes: the short URL with the scan marker */
  scanUrl: string;
  /** the workspace's brand colour (#rrggbb), the code's colour until another is picked */
  brandColor: string | null;
}) {
  const initialColor = brandColor && HEX_COLOR.test(brandColor) ? brandColor.toLowerCase() : DEFAULT_QR_COLOR;
  const [size, setSize] = useState(DEFAULT_SIZE);
  const [margin, setMargin] = useState(DEFAULT_MARGIN);
  const [color, setColor] = useState(initialColor);
  const previewColor = useSettled(color, 200);
  const [refused, setRefused] = useState<{ src: string; message: string } | null>(null);

  const problem = qrContrastProblem(color, DEFAULT_QR_BACKGROUND);
  const previewSrc = qrHref(workspaceSlug, linkId, { format: "svg", size, margin, color: previewColor });
  const previewProblem = qrContrastProblem(previewColor, DEFAULT_QR_BACKGROUND);
  // a refusal belongs to the image it was given for; a changed option clears it
  const refusal = problem ?? (refused?.src === previewSrc ? refused.message : null);

  return (
    <Panel title="QR code" description="For print, packaging and screens: the same link, with its scans told apart.">
      <div className="flex flex-col gap-6 sm:flex-row">
        <div className="flex size-48 shrink-0 items-center justify-center rounded-lg bg-white ring-1 ring-gray-200">
          {previewProblem || refused?.src === previewSrc ? (
            <p className="px-4 text-center text-xs text-gray-500">No preview for these options</p>
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- an SVG from our own route; next/image would not improve it
            <img
              src={previewSrc}
              alt={`QR code of /${slug}`}
              className="size-44"
              onError={async () => setRefused({ src: previewSrc, message: await refusalOf(previewSrc) })}
            />
          )}
        </div>

        <div className="min-w-0 flex-1 space-y-4">
          {refusal ? <FormMessage tone="error">{refusal}</FormMessage> : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField label="Size" name="qr-size" value={size} onChange={(event) => setSize(Number(event.target.value))}>
              {SIZES.map((px) => (
                <option key={px} value={px}>
                  {px} × {px} px
                </option>
              ))}
            </SelectField>
            <SelectField label="Margin" name="qr-margin" value={margin} onChange={(event) => setMargin(Number(event.target.value))}>
              {MARGINS.map((modules) => (
                <option key={modules} value={modules}>
                  {modules === 0 ? "None" : `${modules} module${modules === 1 ? "" : "s"}`}
                  {modules === DEFAULT_MARGIN ? " (default)" : ""}
                </option>
              ))}
            </SelectField>
            <div>
              <label htmlFor="field-qr-color" className="block text-sm font-medium text-gray-800">
                Colour
              </label>
              <div className="mt-1 flex items-center gap-2">
                <input
                  id="field-qr-color"
                  type="color"
                  value={color}
                  onChange={(event) => setColor(event.target.value.toLowerCase())}
                  aria-invalid={problem ? true : undefined}
                  className="h-9 w-12 cursor-pointer rounded-md border-0 bg-white p-1 ring-1 ring-inset ring-gray-300"
                />
                <span className="font-mono text-sm text-gray-700">{color}</span>
                {color !== initialColor ? (
                  <button type="button" onClick={() => setColor(initialColor)} className="text-xs font-medium text-indigo-600 hover:text-indigo-500">
                    {brandColor ? "Brand colour" : "Reset"}
                  </button>
                ) : null}
              </div>
            </div>
          </div>

          <div className="flex flex-wrap gap-3">
            {(["svg", "png"] as const).map((format) =>
              problem ? (
                <span key={format} aria-disabled="true" className={buttonClass("secondary", "cursor-not-allowed opacity-50")}>
                  Download {format.toUpperCase()}
                </span>
              ) : (
                <a key={format} href={qrHref(workspaceSlug, linkId, { format, size, margin, color, download: true })} download={`${slug}-qr.${format}`} className={buttonClass("secondary")}>
                  Download {format.toUpperCase()}
                </a>
              ),
            )}
          </div>

          <p className="text-sm text-gray-500">
            Scans are counted separately, as <span className="font-medium text-gray-700">QR scans</span> in this link&apos;s analytics: the code encodes{" "}
            <code className="rounded bg-gray-100 px-1 py-0.5 font-mono text-xs break-all text-gray-800">{scanUrl}</code>.
          </p>
        </div>
      </div>
    </Panel>
  );
}
