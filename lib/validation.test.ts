import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseInput, unknownFields, unstorableText } from "@/lib/validation";
import { z } from "zod";

describe("unstorableText", () => {
  it("finds a NUL character or a lone surrogate, naming its field", () => {
    expect(unstorableText({ name: "ok", bio: "a\u0000b" })).toEqual({ path: "bio", message: expect.stringMatching(/NUL/) });
    expect(unstorableText({ items: [{ name: "fine" }, { name: "x\ud800" }] })).toEqual({ path: "items.1.name", message: expect.stringMatching(/lone UTF-16 surrogate/) });
    expect(unstorableText({ note: "\udc00 trailing" })?.path).toBe("note");
    expect(unstorableText({ ["key\ud83d"]: 1 })?.path).toBe("key\ud83d");
  });
  it("lets real characters through, emoji (a surrogate pair) included", () => {
    expect(unstorableText({ name: "Zoë 😀", tags: ["日本", "ok"], n: 1, none: null })).toBeNull();
  });
  it("reports the first problem in reading order", () => {
    expect(unstorableText({ a: "ok", b: "\u0000", c: "\ud800" })?.path).toBe("b");
  });
  it("bounds the nesting, without a recursion that any depth could overflow", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableText(deep)?.message).toMatch(/Nested more than/);
    let ok: unknown = "leaf";
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i++) ok = { a: ok };
    expect(unstorableText(ok)).toBeNull();
  });
});

describe("parseInput", () => {
  it("refuses unstorable text as invalid_input naming the field, before the schema runs", () => {
    expect(() => parseInput(z.object({ name: z.string() }), { name: "a\ud800" })).toThrow(expect.objectContaining({ code: "invalid_input", details: [expect.objectContaining({ path: "name" })] }));
  });
});

describe("unknownFields", () => {
  const schema = z.object({
    url: z.string(),
    slug: z.string().optional(),
    tags: z.array(z.string()).default([]),
    meta: z.record(z.string(), z.string()).optional(),
    loose: z.looseObject({ a: z.number() }).optional(),
    utm: z.object({ source: z.string() }).nullable().optional(),
    items: z.array(z.object({ kpi: z.string(), primary: z.boolean().default(false) })).optional(),
    both: z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })).optional(),
  });

  it("names each field the schema does not, with a suggestion when one is close", () => {
    expect(unknownFields(schema, { url: "x", slugg: "y", colour: "red" })).toEqual([
      { path: "slugg", message: 'Unknown field: did you mean "slug"?' },
      { path: "colour", message: "Unknown field" },
    ]);
  });

  it("looks inside nested objects, arrays and nullable objects; records and loose objects take any key", () => {
    expect(unknownFields(schema, { url: "x", items: [{ kpi: "a" }, { kpi: "b", primry: true }], utm: { source: "ig", medium: "x" } }).map((i) => i.path)).toEqual(["items.1.primry", "utm.medium"]);
    expect(unknownFields(schema, { url: "x", meta: { anything: "goes" }, loose: { a: 1, b: 2 }, utm: null })).toEqual([]);
    expect(unknownFields(schema, { url: "x", both: { a: "1", b: "2" } })).toEqual([]);
    expect(unknownFields(schema, { url: "x", both: { a: "1", c: "2" } }).map((i) => i.path)).toEqual(["both.c"]);
  });

  it("leaves values of the wrong kind to the schema itself", () => {
    expect(unknownFields(schema, "not an object")).toEqual([]);
    expect(unknownFields(schema, { url: "x", utm: "ig", items: "none" })).toEqual([]);
  });
});
