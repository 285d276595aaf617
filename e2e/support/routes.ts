// The workspace pages and downloads, enumerated from the route tree (app/(app)/w/[workspace]/**),
// so a spec that walks them cannot miss a page added later.
import fs from "node:fs";
import path from "node:path";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/(app)/w/[workspace]");

export type RouteTemplate = { template: string; kind: "page" | "route" };

/** Every page and route handler under /w/<workspace>, as URL templates ("/w/[workspace]/links/[linkId]"). */
export function workspaceRouteTemplates(dir = ROUTES_DIR, prefix = "/w/[workspace]"): RouteTemplate[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    // a route group, "(story)", is not part of the URL
    if (entry.isDirectory()) return workspaceRouteTemplates(path.join(dir, entry.name), /^\(.+\)$/.test(entry.name) ? prefix : `${prefix}/${entry.name}`);
    if (entry.name === "page.tsx") return [{ template: prefix, kind: "page" as const }];
    if (entry.name === "route.ts") return [{ template: prefix, kind: "route" as const }];
    return [];
  });
}

/** A template filled with a workspace slug and ids for its dynamic segments (an unknown segment throws). */
export function fillTemplate(template: string, workspace: string, ids: Readonly<Record<string, string>>): string {
  return template.replace("[workspace]", workspace).replace(/\[(\w+)\]/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`${template}: no id for the segment [${name}] — add one to the spec`);
    return id;
  });
}
