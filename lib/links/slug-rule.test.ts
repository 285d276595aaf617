// The one slug rule, proven over every way a slug is made and read: typed in a form or sent to the
// API (slugSchema), made from a name (slugify, bulk generation), made at random, and read from a
// visit's path (slugFromPath, what middleware.ts uses). Seeded property tests with an alphabet
// chosen to hurt: Unicode look-alikes, dots, slashes, percent signs, invisible characters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugCandidates } from "@/lib/campaigns/link-slugs";
import { randomSlug } from "@/lib/links/create-link";
import { isReservedSlug } from "@/lib/links/reserved";
import { slugSchema } from "@/lib/links/schema";
import { isSlug, SLUG_MAX, slugFromPath } from "@/lib/links/slug-rule";
import { slugify } from "@/lib/slug";

const SEED = 20261121;
const runs = { numRuns: 2_000, seed: SEED };

const HOSTILE = [
  "\u0430", // Cyrillic а, looks like a
  "\u043e", // Cyrillic о
  "\u03bf", // Greek ο
  "\u212a", // Kelvin sign: toLowerCase() is "k"
  "\u0131", // dotless ı: toUpperCase() is "I"
  "\u0130", // İ: toLowerCase() is "i" + a combining dot
  "\uff4d", // full-width ｍ: NFKC is "m"
  "\u0301", // combining acute
  "\u200b", // zero-width space
  "\u00e9", // é
  "\u{1d4c2}", // mathematical script m
  ".", "/", "\\", "%", "_", "~", " ", "?", "#", ":", "@", "+",
];
const ASCII_SLUG_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".split("");
/** Text mostly of slug characters with hostile ones mixed in, so near-misses are common. */
const nearSlug = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ASCII_SLUG_CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) }), { maxLength: 70 })
  .map((chars) => chars.join(""));
const anyText = fc.oneof(nearSlug, fc.string({ unit: "grapheme", maxLength: 70 }), fc.string({ unit: "binary", maxLength: 70 }));
const validSlug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join("-"))
  .filter((slug) => slug.length <= SLUG_MAX);

/** The path a browser sends for a URL typed as https://host/<text> (non-ASCII percent-encoded, dot segments resolved). */
const pathOf = (text: string) => new URL(`https://clk.example.com/${text}`).pathname;
const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

describe("the slug rule", () => {
  it("is the rule the forms and the API apply: slugSchema accepts exactly the slugs (after trimming)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(slugSchema.safeParse(text).success).toBe(isSlug(text.trim()));
      }),
      runs,
    );
  });

  it("reads every slug back from its visit's path, in any ASCII case", () => {
    fc.assert(
      fc.property(validSlug, fc.boolean(), (slug, shout) => {
        const typed = shout ? slug.toUpperCase() : slug;
        expect(slugFromPath(pathOf(typed))).toBe(slug);
      }),
      runs,
    );
  });

  it("never reads a path with anything but ASCII letters, digits and hyphens as a slug, and never changes a letter but its ASCII case", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const path = pathOf(text);
        const slug = slugFromPath(path);
        if (/[^A-Za-z0-9-]/.test(path.slice(1))) expect(slug).toBeNull();
        else expect(slug === null || slug === asciiLower(path.slice(1))).toBe(true);
        if (slug !== null) expect(isSlug(slug)).toBe(true);
      }),
      runs,
    );
  });

  it.each([
    ["m\u0430ya", "Cyrillic а"],
    ["\u212aate", "Kelvin sign"],
    ["\uff4d\uff41\uff59\uff41", "full-width letters"],
    ["\u0131nfluencer", "dotless ı"],
    ["maya\u200b", "zero-width space"],
    ["mayá", "accent"],
    ["ma.ya", "dot"],
    ["..", "dot segment"],
    ["ma/ya", "slash"],
    ["maya%2flopez", "escaped slash"],
    ["maya_lopez", "underscore"],
    ["-maya", "leading hyphen"],
    ["maya--lopez", "double hyphen"],
  ])("refuses %s (%s) when made, and reads no link from its path", (text) => {
    expect(slugSchema.safeParse(text).success).toBe(false);
    expect(slugFromPath(pathOf(text))).toBeNull();
  });

  it("folds only ASCII capitals: the Kelvin sign and İ do not become k and i", () => {
    expect(slugFromPath("/MAYA-Lopez")).toBe("maya-lopez");
    expect(slugFromPath(`/${"\u212a"}ate`)).toBeNull(); // as if a server decoded the path
    expect(slugFromPath(`/${"\u0130"}nfo`)).toBeNull();
    expect(slugFromPath("/")).toBeNull();
    expect(slugFromPath(`/${"a".repeat(SLUG_MAX)}`)).toBe("a".repeat(SLUG_MAX));
    expect(slugFromPath(`/${"a".repeat(SLUG_MAX + 1)}`)).toBeNull();
    expect(slugFromPath("maya")).toBeNull(); // not a path
  });

  it("holds for every slug the app makes itself: from names, for creators in a campaign, and at random", () => {
    fc.assert(
      fc.property(anyText, (name) => {
        const made = slugify(name);
        expect(made === "" || isSlug(made)).toBe(true);
      }),
      runs,
    );
    fc.assert(
      fc.property(anyText, anyText, fc.boolean(), (creatorName, campaignName, hasLinks) => {
        const candidates = slugCandidates(slugify(creatorName, 40) || "creator", slugify(campaignName, 40) || "campaign", hasLinks);
        expect(candidates.length).toBeGreaterThan(0);
        for (const slug of candidates) {
          expect(isSlug(slug), slug).toBe(true);
          expect(isReservedSlug(slug)).toBe(false);
        }
      }),
      { numRuns: 500, seed: SEED },
    );
    for (let i = 0; i < 500; i++) expect(isSlug(randomSlug())).toBe(true);
  });
});
