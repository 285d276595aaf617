import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isReservedSlug, RESERVED_SLUGS } from "@/lib/links/reserved";

/** First URL segments the app serves, read from the route tree (route groups are not segments). */
function topLevelSegments(dir: string): string[] {
  const segments: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (/^\(.*\)$/.test(entry.name)) segments.push(...topLevelSegments(path.join(dir, entry.name)));
      else if (!entry.name.startsWith("[") && !entry.name.startsWith("_") && !entry.name.startsWith("@")) segments.push(entry.name);
    } else if (/^(icon|apple-icon|favicon|robots|sitemap|manifest)\./.test(entry.name)) {
      segments.push(entry.name);
    }
  }
  return segments;
}

describe("reserved slugs", () => {
  const segments = topLevelSegments(path.resolve(import.meta.dirname, "../../app"));

  it("finds the app's route folders", () => {
    expect(segments).toEqual(expect.arrayContaining(["api", "login", "signup", "w", "workspaces"]));
  });

  it("include every top-level route of the app, so no short link can shadow a page", () => {
    const missing = segments.filter((segment) => !RESERVED_SLUGS.has(segment));
    expect(missing).toEqual([]);
  });

  it("include the framework's own paths", () => {
    expect(isReservedSlug("_next")).toBe(true);
    expect(isReservedSlug("API")).toBe(true);
    expect(isReservedSlug("maya-lopez")).toBe(false);
  });
});
