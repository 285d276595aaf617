// Colours of a QR code and whether a phone can still read them. No node-only imports: the link
// page's QR panel checks a colour with the same rule before it asks the server for an image, so
// the member sees the refusal the API would give without a round trip.

/** #rrggbb, either case (what <input type="color"> and the Workspace.brandColor column hold). */
export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** The code's colour when the workspace has no brand colour: near-black, readable on white. */
export const DEFAULT_QR_COLOR = "#111827";
export const DEFAULT_QR_BACKGROUND = "#ffffff";

/**
 * Below 3:1 (WCAG's ratio for graphics) scanners start to miss modules, above all in print or
 * on a screen at an angle: such a colour is refused rather than producing a code that may not scan.
 */
export const MIN_QR_CONTRAST = 3;

// WCAG 2 relative luminance of one sRGB channel given as 0–255.
function channelLuminance(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (0 black … 1 white) of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  if (!HEX_COLOR.test(hex)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const channel = (at: number) => channelLuminance(Number.parseInt(hex.slice(at, at + 2), 16));
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Why a code in `color` on `background` would not scan reliably, or null when it would. The code
 * must also be darker than its background: many phone cameras cannot read a light-on-dark code.
 */
export function qrContrastProblem(color: string, background: string): string | null {
  if (relativeLuminance(color) >= relativeLuminance(background)) {
    return `The code's colour (${color}) must be darker than its background (${background}): many phone cameras cannot read a light-on-dark code`;
  }
  const ratio = contrastRatio(color, background);
  if (ratio < MIN_QR_CONTRAST) {
    return `${color} on ${background} has a contrast of ${ratio.toFixed(1)}:1; a QR code needs at least ${MIN_QR_CONTRAST}:1 to scan reliably — pick a darker colour`;
  }
  return null;
}
