// The shape of lib/ as a rule the suite holds (issue 22): no folder of lib/ imports one that
// imports it back, no file imports one that imports it back, and nothing in lib/ reaches up into
// app/. A new upward import fails here with the path it takes, before it becomes a tangle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const LIB = path.join(ROOT, "lib");

/** Every source file of lib/ that ships (tests and test helpers apart). */
function sources(dir = LIB): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "testing" ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The @/… modules a file imports (static imports, type-only ones included: they tie the design too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"@\/([^"]+)"/g)].map((match) => match[1]!);
}

/** A module specifier (lib/links/queries) → the file it names, if it is one of ours. */
function resolve(specifier: string, files: Set<string>): string | null {
  for (const candidate of [`${specifier}.ts`, `${specifier}.tsx`, `${specifier}/index.ts`]) {
    const full = path.join(ROOT, candidate);
    if (files.has(full)) return full;
  }
  return null;
}

/** The strongly connected groups of more than one node (Tarjan), each a cycle of the graph. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const files = sources();
const fileSet = new Set(files);
const folderOf = (file: string) => {
  const relative = path.relative(LIB, file).split(path.sep);
  return relative.length > 1 ? relative[0]! : "(lib)";
};

describe("the shape of lib/", () => {
  it("has no import cycle between files", () => {
    const graph = new Map(files.map((file) => [file, new Set(importsOf(file).flatMap((spec) => resolve(spec, fileSet) ?? []))]));
    expect(cycles(graph).map((group) => group.map((file) => path.relative(ROOT, file)))).toEqual([]);
  });

  it("has no import cycle between its folders", () => {
    const graph = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const file of files) {
      const from = folderOf(file);
      if (!graph.has(from)) graph.set(from, new Set());
      for (const target of importsOf(file).flatMap((spec) => resolve(spec, fileSet) ?? [])) {
        const to = folderOf(target);
        if (to === from) continue;
        graph.get(from)!.add(to);
        why.set(`${from}->${to}`, path.relative(ROOT, file));
      }
    }
    const found = cycles(graph).map((group) =>
      group.flatMap((a) => group.filter((b) => graph.get(a)?.has(b)).map((b) => `${a} → ${b} (${why.get(`${a}->${b}`)})`)),
    );
    expect(found).toEqual([]);
  });

  it("never imports from app/", () => {
    const upward = files.filter((file) => importsOf(file).some((spec) => spec.startsWith("app/")));
    expect(upward.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it("reads the graph it checks (a known import is seen)", () => {
    const graph = new Map(files.map((file) => [file, new Set(importsOf(file).flatMap((spec) => resolve(spec, fileSet) ?? []))]));
    expect([...graph.get(path.join(LIB, "links", "create-link.ts"))!].map((file) => path.relative(ROOT, file))).toContain("lib/domains/domains.ts");
  });
});
