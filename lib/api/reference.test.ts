import { describe, expect, it } from "vitest";
import { fieldRows, typeLabel, type Components } from "@/lib/api/reference";

const components: Components = {
  Link: { type: "object", properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } } }, required: ["id", "tags"] },
};

describe("API reference rows", () => {
  it("labels types: refs by name, unions, enums, lists, formats", () => {
    expect(typeLabel({ $ref: "#/components/schemas/Link" }, components)).toBe("Link");
    expect(typeLabel({ anyOf: [{ type: "integer" }, { type: "null" }] }, components)).toBe("integer | null");
    expect(typeLabel({ type: "string", enum: ["click", "none"] }, components)).toBe("one of click, none");
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Link" } }, components)).toBe("list of Link");
    expect(typeLabel({ type: "string", format: "date-time" }, components)).toBe("string (date-time)");
  });

  it("flattens nested objects with dotted paths, required marks and readable limits", () => {
    const rows = fieldRows(
      {
        type: "object",
        required: ["event"],
        properties: {
          event: { type: "string", description: "what happened", maxLength: 40 },
          value: { type: "integer", minimum: -9007199254740991, maximum: 9007199254740991 },
          limit: { type: "integer", minimum: 1, maximum: 100, default: 50 },
          attribution: { type: "object", required: ["type"], properties: { type: { enum: ["click", "none"] } } },
          link: { $ref: "#/components/schemas/Link" },
        },
      },
      components,
    );
    expect(rows).toEqual([
      { path: "event", type: "string", required: true, notes: "what happened; at most 40 characters" },
      { path: "value", type: "integer", required: false, notes: "" },
      { path: "limit", type: "integer", required: false, notes: "1–100; default 50" },
      { path: "attribution", type: "object", required: false, notes: "" },
      { path: "attribution.type", type: "one of click, none", required: true, notes: "" },
      { path: "link", type: "Link", required: false, notes: "", ref: "Link" }, // a named schema is listed once, under Schemas
    ]);
  });
});
