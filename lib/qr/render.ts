// A QR code as SVG or PNG, with the options a caller may set (the query parameters of a link's QR
// routes). The symbol itself — version, error correction, mask — comes from the `qrcode` package;
// its SVG is used as it is. The PNG is drawn here from the same module matrix, because qrcode's
// own PNG renderer scales by a floating-point factor and can come out a pixel short of the size
// asked for; integer arithmetic gives exactly `size` × `size` pixels.
import "server-only";
import { PNG } from "pngjs";
import { create, toString as renderSvg, type QRCodeErrorCorrectionLevel } from "qrcode";
import { z } from "zod";
import { invalidField } from "@/lib/errors";
import { DEFAULT_QR_BACKGROUND, DEFAULT_QR_COLOR, HEX_COLOR, qrContrastProblem } from "@/lib/qr/contrast";

export const QR_SIZE = { min: 128, max: 2048, default: 512 } as const;
export const QR_MARGIN = { min: 0, max: 16, default: 2 } as const;

// M restores up to ~15 % of damaged modules: enough for print and screens, and it keeps a short
// URL at a low version (fewer, larger modules) where H would make the code denser.
const ERROR_CORRECTION: QRCodeErrorCorrectionLevel = "M";

// `#` has to be written %23 in a query string; a caller who forgets it would otherwise lose the
// colour to the URL fragment, so the bare form is accepted too.
const hexColorSchema = (field: string) =>
  z
    .string({ error: `${field} is a colour like #1f2937` })
    .trim()
    // both cases spelled out: the OpenAPI document publishes the pattern without its flags
    .regex(/^#?[0-9a-fA-F]{6}$/, `${field} is a colour like #1f2937 (six hex digits)`)
    .transform((value) => `#${value.replace(/^#/, "").toLowerCase()}`);

const wholeNumber = (field: string, unit: string, { min, max }: { min: number; max: number }) =>
  z.coerce
    .number({ error: `${field} is a number of ${unit} from ${min} to ${max}` })
    .int(`${field} is a whole number of ${unit}`)
    .min(min, `${field} is at least ${min} ${unit}`)
    .max(max, `${field} is at most ${max} ${unit}`);

/** The options of a QR code, as query parameters. */
export const qrOptionsSchema = z
  .object({
    format: z.enum(["svg", "png"], { error: "format is svg or png" }).default("svg").meta({ description: "svg (default) or png" }),
    size: wholeNumber("size", "pixels", QR_SIZE)
      .default(QR_SIZE.default)
      .meta({ description: `width and height in pixels, ${QR_SIZE.min}–${QR_SIZE.max} (default ${QR_SIZE.default})` }),
    margin: wholeNumber("margin", "modules", QR_MARGIN)
      .default(QR_MARGIN.default)
      .meta({ description: `the quiet zone around the code, in modules, ${QR_MARGIN.min}–${QR_MARGIN.max} (default ${QR_MARGIN.default}); scanners need some` }),
    color: hexColorSchema("color")
      .optional()
      .meta({ description: `the modules' colour, #rrggbb or rrggbb (# is %23 in a query string); default: the workspace's brand colour, else ${DEFAULT_QR_COLOR}` }),
    background: hexColorSchema("background").default(DEFAULT_QR_BACKGROUND).meta({ description: `#rrggbb or rrggbb (default ${DEFAULT_QR_BACKGROUND})` }),
  })
  .superRefine((options, ctx) => {
    // zod runs this even when a colour itself was refused; that refusal says enough
    if (!options.color || !HEX_COLOR.test(options.color) || !HEX_COLOR.test(options.background)) return;
    const problem = qrContrastProblem(options.color, options.background);
    if (problem) ctx.addIssue({ code: "custom", path: ["color"], message: problem });
  });

export type QrOptions = z.output<typeof qrOptionsSchema>;
/** Options with the colour decided. */
export type QrStyle = Required<QrOptions>;

export type RenderedQr = { body: Buffer | string; contentType: "image/svg+xml" | "image/png"; extension: "svg" | "png" };

/**
 * The colour a code is drawn in: the caller's, else the brand's, else the default. A brand colour
 * too light for the background is refused like a chosen one (naming it), rather than silently
 * swapped, so the member learns why their brand colour is not used.
 */
export function withBrandColor(options: QrOptions, brandColor: string | null): QrStyle {
  if (options.color) return { ...options, color: options.color };
  if (!brandColor) return { ...options, color: DEFAULT_QR_COLOR };
  const color = brandColor.toLowerCase();
  const problem = qrContrastProblem(color, options.background);
  if (problem) throw invalidField("color", `The workspace's brand colour cannot be used here: ${problem}. Pass another color.`);
  return { ...options, color };
}

/** `text` as a QR code (error correction M) in the given style. */
export async function renderQr(text: string, style: QrStyle): Promise<RenderedQr> {
  const { modules } = create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  assertFits(modules.size, style);
  if (style.format === "png") return { body: drawPng(modules, style), contentType: "image/png", extension: "png" };
  const svg = await renderSvg(text, {
    type: "svg",
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: style.margin,
    width: style.size,
    color: { dark: style.color, light: style.background },
  });
  return { body: svg, contentType: "image/svg+xml", extension: "svg" };
}

// Every module needs at least one pixel, or modules merge and the code cannot be read. Only a
// very long URL with a wide margin at the smallest size gets here.
function assertFits(symbolModules: number, { size, margin }: QrStyle): void {
  const span = symbolModules + 2 * margin;
  if (span > size) {
    throw invalidField("size", `This code is ${span} modules across with its margin, more than ${size} pixels: ask for at least ${span} pixels or a smaller margin`);
  }
}

type ModuleMatrix = { size: number; get(row: number, col: number): number | boolean };

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The code as a size × size PNG: pixel p shows module floor(p × span / size) of the quiet-zoned symbol. */
function drawPng(modules: ModuleMatrix, { size, margin, color, background }: QrStyle): Buffer {
  const span = modules.size + 2 * margin;
  const moduleAt = Array.from({ length: size }, (_, pixel) => Math.floor((pixel * span) / size) - margin);
  const isDark = (row: number, col: number) => row >= 0 && col >= 0 && row < modules.size && col < modules.size && Boolean(modules.get(row, col));
  const [dark, light] = [rgb(color), rgb(background)];
  const png = new PNG({ width: size, height: size });
  const stride = size * 4;
  for (let y = 0; y < size; y++) {
    const row = moduleAt[y] ?? -1;
    // pixel rows of the same module row are identical
    if (y > 0 && row === moduleAt[y - 1]) {
      png.data.copyWithin(y * stride, (y - 1) * stride, y * stride);
      continue;
    }
    for (let x = 0; x < size; x++) {
      const [r, g, b] = isDark(row, moduleAt[x] ?? -1) ? dark : light;
      png.data.set([r, g, b, 255], y * stride + x * 4);
    }
  }
  // RGB without alpha: the code is opaque, and the file is a quarter smaller
  return PNG.sync.write(png, { colorType: 2 });
}
