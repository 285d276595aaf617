import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { qrOptionsSchema, renderQr, withBrandColor, type QrStyle } from "@/lib/qr/render";
import { pngPixels, readQrPng, readQrSvg } from "@/lib/testing/qr-reader";
import { fieldIssues } from "@/lib/validation";

const TEXT = "https://clk.example.com/maya-lopez?qr=1";
const READ = [{ text: TEXT, ecLevel: "M" }];
const style = (overrides: Partial<QrStyle> = {}): QrStyle => ({ format: "png", size: 512, margin: 2, color: "#111827", background: "#ffffff", ...overrides });

const issuesOf = (input: unknown) => {
  const result = qrOptionsSchema.safeParse(input);
  return result.success ? [] : fieldIssues(result.error);
};

async function png(overrides: Partial<QrStyle> = {}) {
  const { body, contentType } = await renderQr(TEXT, style(overrides));
  expect(contentType).toBe("image/png");
  if (typeof body === "string") throw new Error("a PNG is bytes");
  return body;
}

async function svg(overrides: Partial<QrStyle> = {}) {
  const { body, contentType } = await renderQr(TEXT, style({ format: "svg", ...overrides }));
  expect(contentType).toBe("image/svg+xml");
  if (typeof body !== "string") throw new Error("an SVG is text");
  return body;
}

/** Distance in pixels from the top-left corner to the first dark pixel, across and down. */
function quietZone(file: Buffer, dark: [number, number, number]) {
  const { data, width, height } = pngPixels(file);
  let left = width;
  let top = height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      if (data[at] === dark[0] && data[at + 1] === dark[1] && data[at + 2] === dark[2]) {
        left = Math.min(left, x);
        top = Math.min(top, y);
      }
    }
  }
  return { left, top };
}

const modulesAcross = (svgText: string) => Number(/viewBox="0 0 (\d+) /.exec(svgText)?.[1]);

describe("qrOptionsSchema", () => {
  it("fills the defaults and leaves the colour to the brand", () => {
    expect(qrOptionsSchema.parse({})).toEqual({ format: "svg", size: 512, margin: 2, background: "#ffffff" });
  });

  it("reads query strings and stores colours lowercase, with or without #", () => {
    expect(qrOptionsSchema.parse({ format: "png", size: "1024", margin: "0", color: "#7C3AED", background: "FFFBEB" })).toEqual({
      format: "png",
      size: 1024,
      margin: 0,
      color: "#7c3aed",
      background: "#fffbeb",
    });
  });

  it.each([
    [{ format: "gif" }, "format", "svg or png"],
    [{ size: "big" }, "size", "number of pixels"],
    [{ size: "100" }, "size", "at least 128"],
    [{ size: "4096" }, "size", "at most 2048"],
    [{ size: "512.5" }, "size", "whole number"],
    [{ margin: "-1" }, "margin", "at least 0"],
    [{ margin: "17" }, "margin", "at most 16"],
    [{ color: "red" }, "color", "six hex digits"],
    [{ color: "#fff" }, "color", "six hex digits"],
    [{ background: "#12345g" }, "background", "six hex digits"],
  ])("refuses %j on %s, saying why", (input, path, why) => {
    const issues = issuesOf(input);
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0]?.message).toContain(why);
  });

  it("refuses a colour too light to scan on its background, with the ratio and what is needed", () => {
    const [yellow] = issuesOf({ color: "#ffdd00" });
    expect(yellow?.path).toBe("color");
    expect(yellow?.message).toMatch(/contrast of 1\.\d:1; a QR code needs at least 3:1/);
    expect(issuesOf({ color: "#111827", background: "#374151" })[0]?.message).toContain("at least 3:1");
    // a colour that passes on white
    expect(issuesOf({ color: "#7c3aed" })).toEqual([]);
  });

  it("refuses a light code on a dark background, which many cameras cannot read", () => {
    const [inverted] = issuesOf({ color: "#ffffff", background: "#111827" });
    expect(inverted).toMatchObject({ path: "color", message: expect.stringContaining("darker than its background") });
  });
});

describe("withBrandColor", () => {
  it("uses the caller's colour, else the brand's, else near-black", () => {
    const options = qrOptionsSchema.parse({});
    expect(withBrandColor({ ...options, color: "#0f766e" }, "#7c3aed").color).toBe("#0f766e");
    expect(withBrandColor(options, "#7C3AED").color).toBe("#7c3aed");
    expect(withBrandColor(options, null).color).toBe("#111827");
  });

  it("refuses a brand colour that cannot be scanned on the background, naming it", () => {
    let error: unknown;
    try {
      withBrandColor(qrOptionsSchema.parse({}), "#fde047");
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_input", details: [{ path: "color", message: expect.stringContaining("brand colour") }] });
  });
});

describe("renderQr", () => {
  it("draws a PNG a real decoder reads back as the text, at error correction M", async () => {
    expect(await readQrPng(await png())).toEqual(READ);
    expect(await readQrPng(await png({ color: "#7c3aed", background: "#fffbeb", size: 256 }))).toEqual(READ);
  });

  it("draws an SVG a real decoder reads back as the text, in the colours asked for", async () => {
    const drawn = await svg({ color: "#7c3aed", background: "#fffbeb", size: 300 });
    expect(drawn).toContain('stroke="#7c3aed"');
    expect(drawn).toContain('fill="#fffbeb"');
    expect(drawn).toContain('width="300" height="300"');
    expect(await readQrSvg(drawn)).toEqual(READ);
  });

  it.each([128, 333, 512, 1000, 2048])("makes a PNG of exactly %i pixels square", async (size) => {
    const { width, height } = pngPixels(await png({ size, margin: 16 }));
    expect([width, height]).toEqual([size, size]);
  });

  it("leaves the margin as a quiet zone of background around the code", async () => {
    const size = 600;
    for (const margin of [0, 2, 8]) {
      const span = modulesAcross(await svg({ margin }));
      const zone = quietZone(await png({ size, margin }), [0x11, 0x18, 0x27]);
      // the first pixel showing module `margin` of the quiet-zoned symbol
      const expected = Math.ceil((margin * size) / span);
      expect(zone, `margin ${margin}`).toEqual({ left: expected, top: expected });
    }
    expect(modulesAcross(await svg({ margin: 8 })) - modulesAcross(await svg({ margin: 2 }))).toBe(12);
    expect(await readQrPng(await png({ margin: 8 }))).toEqual(READ);
  });

  it("uses the colours asked for in the PNG", async () => {
    const { data } = pngPixels(await png({ color: "#7c3aed", background: "#fffbeb", margin: 4 }));
    expect([...data.subarray(0, 4)]).toEqual([0xff, 0xfb, 0xeb, 255]); // a quiet-zone pixel
    const colours = new Set<string>();
    for (let at = 0; at < data.length; at += 4) colours.add(`${data[at]},${data[at + 1]},${data[at + 2]}`);
    expect([...colours].sort()).toEqual(["124,58,237", "255,251,235"]);
  });

  it("refuses a size too small for the code and its margin, naming size", async () => {
    const long = `https://clk.example.com/${"a".repeat(700)}?qr=1`;
    await expect(renderQr(long, style({ size: 128, margin: 16 }))).rejects.toMatchObject({ code: "invalid_input", details: [{ path: "size" }] });
    expect(await readQrPng((await renderQr(long, style({ size: 1024, margin: 2 }))).body as Buffer)).toEqual([{ text: long, ecLevel: "M" }]);
  });
});
