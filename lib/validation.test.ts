import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, parseInput, unstorableText } from "@/lib/validation";
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
