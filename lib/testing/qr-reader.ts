// Tests read QR codes back with a real decoder — ZXing-C++ compiled to WebAssembly (zxing-wasm) —
// so a test fails when a code would not scan, not only when our own code disagrees with itself.
// The .wasm file is loaded from the installed package: nothing is fetched from a CDN.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";

const require = createRequire(import.meta.url);
prepareZXingModule({ overrides: { wasmBinary: Uint8Array.from(readFileSync(require.resolve("zxing-wasm/reader/zxing_reader.wasm"))).buffer } });

type Rgba = { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number };

/** A QR code found in an image: its text and its error-correction level (L, M, Q or H). */
export type ReadQr = { text: string; ecLevel: string };

async function decode(image: Rgba): Promise<ReadQr[]> {
  const results = await readBarcodes({ ...image, colorSpace: "srgb" }, { formats: ["QRCode"], tryHarder: true, maxNumberOfSymbols: 4 });
  return results.filter((result) => result.isValid).map(({ text, ecLevel }) => ({ text, ecLevel }));
}

/** The QR codes in a PNG file. */
export function readQrPng(png: Buffer | Uint8Array): Promise<ReadQr[]> {
  return decode(pngPixels(png));
}

/** The RGBA pixels of a PNG file. */
export function pngPixels(png: Buffer | Uint8Array): Rgba {
  const image = PNG.sync.read(Buffer.from(png));
  return { data: new Uint8ClampedArray(image.data), width: image.width, height: image.height };
}

/**
 * The QR codes in an SVG as the `qrcode` package draws it: a background rectangle and
 * one stroked path of horizontal runs (M x y, m dx dy, h n; each run one module high, centred on
 * y). It is rasterised here at `pixelsPerModule`, in the colours the SVG names. Anything else in
 * the SVG makes this throw, so a change of drawing fails loudly instead of decoding nothing.
 */
export function readQrSvg(svg: string, pixelsPerModule = 6): Promise<ReadQr[]> {
  const modulesAcross = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const background = /<path fill="(#[0-9a-f]{6})" d="M0 0h\d+v\d+H0z"\/>/.exec(svg)?.[1];
  const stroke = /<path stroke="(#[0-9a-f]{6})" d="([^"]*)"\/>/.exec(svg);
  if (!modulesAcross || !background || !stroke?.[1] || stroke[2] === undefined) throw new Error(`Not an SVG drawn by qrcode: ${svg.slice(0, 200)}`);
  const width = modulesAcross * pixelsPerModule;
  const data = new Uint8ClampedArray(width * width * 4);
  paint(data, width, 0, 0, width, width, background);
  let x = 0;
  let y = 0;
  for (const [, command, args] of stroke[2].matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
    const [a = 0, b = 0] = (args ?? "").trim().split(/[\s,]+/).map(Number);
    if (command === "M") [x, y] = [a, b];
    else if (command === "m") [x, y] = [x + a, y + b];
    else if (command === "h") {
      const row = Math.floor(y);
      paint(data, width, x * pixelsPerModule, row * pixelsPerModule, a * pixelsPerModule, pixelsPerModule, stroke[1]);
      x += a;
    } else throw new Error(`Unexpected path command ${command} in the QR SVG`);
  }
  return decode({ data, width, height: width });
}

function paint(data: Uint8ClampedArray, width: number, left: number, top: number, w: number, h: number, hex: string): void {
  const value = Number.parseInt(hex.slice(1), 16);
  const pixel = [(value >> 16) & 255, (value >> 8) & 255, value & 255, 255];
  for (let y = top; y < top + h; y++) {
    for (let x = left; x < left + w; x++) data.set(pixel, (y * width + x) * 4);
  }
}
