// A workspace's defaults for its links: the brand colour its QR codes are drawn in, and the UTM
// template new campaigns start from (placeholders {platform}, {campaign}, {creator}).
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { DEFAULT_UTM_TEMPLATE, UTM_KEYS, utmTemplateSchema, type UtmParams } from "@/lib/links/utm";
import { DEFAULT_QR_BACKGROUND, qrContrastProblem } from "@/lib/qr/contrast";
import { parseInput } from "@/lib/validation";

export const BRAND_COLOR_PATTERN = /^#[0-9a-f]{6}$/;

export const linkDefaultsSchema = z.object({
  brandColor: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() || null : value),
    z
      .string()
      .regex(BRAND_COLOR_PATTERN, { message: "Use a colour like #4f46e5", abort: true })
      // QR codes are drawn in it on white: a colour too light to scan would break every default code
      .superRefine((color, ctx) => {
        const problem = qrContrastProblem(color, DEFAULT_QR_BACKGROUND);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .nullable(),
  ),
  utmTemplate: utmTemplateSchema,
});

export type LinkDefaults = { brandColor: string | null; utmTemplate: UtmParams };

/** The stored template, or the seed's convention when the workspace has not set one. */
export function templateOf(stored: unknown): UtmParams {
  const parsed = utmTemplateSchema.nullable().safeParse(stored ?? null);
  return parsed.success && parsed.data ? parsed.data : DEFAULT_UTM_TEMPLATE;
}

export async function getLinkDefaults(workspaceId: string): Promise<LinkDefaults> {
  const row = await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { brandColor: true, utmTemplate: true } });
  if (!row) throw notFound("Workspace not found");
  return { brandColor: row.brandColor, utmTemplate: templateOf(row.utmTemplate) };
}

/** Saves both; a template with every tag empty is stored as such (new campaigns start untagged). */
export async function updateLinkDefaults(workspaceId: string, rawInput: unknown): Promise<LinkDefaults> {
  const input = parseInput(linkDefaultsSchema, rawInput);
  const row = await getDb().workspace.update({
    where: { id: workspaceId },
    data: { brandColor: input.brandColor, utmTemplate: Object.fromEntries(UTM_KEYS.flatMap((key) => (input.utmTemplate[key] ? [[key, input.utmTemplate[key]]] : []))) },
    select: { brandColor: true, utmTemplate: true },
  });
  return { brandColor: row.brandColor, utmTemplate: templateOf(row.utmTemplate) };
}
