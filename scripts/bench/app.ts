// The production app as benchmarks run it: its own throw-away embedded database under dataDir,
// the demo seed with a known API key, and the constant-redirect ceiling route switched on.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function startApp(dataDir: string, port: number, apiKey: string): { child: ChildProcess; logs: () => string } {
  let output = "";
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/run-app.ts", "start"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO_API_KEY: apiKey, BENCH_CEILING: "true", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, logs: () => output };
}


/** "2 × <CPU>, 24 GiB, Node v20…": the machine line of every section. */
export function machineLine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Prints a section and appends it to docs/benchmarks.md (BENCH_APPEND=0: print only). */
export async function report(title: string, machine: string, command: string, body: string, at: Date = new Date()): Promise<void> {
  const section = `\n## ${at.toISOString().slice(0, 16).replace("T", " ")} UTC — ${title}\n\nMachine: ${machine}. Command: ${command}\n\n${body}\n`;
  console.log(section);
  if (!["0", "false"].includes(process.env.BENCH_APPEND ?? "")) await fs.appendFile(path.join(root, "docs/benchmarks.md"), section);
}

/** A link of the demo workspace through the API (the seed's key), for the load to hit. */
export async function createBenchLink(base: string, apiKey: string, slug: string): Promise<{ id: string }> {
  const response = await fetch(`${base}/api/v1/links`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ url: "https://example.com/landing", slug }),
  });
  if (response.status !== 201) throw new Error(`could not create the bench link ${slug}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}
