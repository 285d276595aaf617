// Another instance of the production app, started by a spec (the suite's own instance is the
// webServer in playwright.config.ts): same build, the database and secrets it is given.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type AppInstance = { url: string; logs: () => string; stop: () => Promise<void> };

const answers = (url: string) =>
  fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );

export async function startAppInstance(port: number, env: Record<string, string>): Promise<AppInstance> {
  const url = `http://127.0.0.1:${port}`;
  // A leftover server on the port would pass the health check below in the new one's place.
  if (await answers(url)) throw new Error(`port ${port} is already serving an app: stop it first`);
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      // SIGTERM lets run-app.ts stop Next.js; one that hangs is killed.
      const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`the instance on port ${port} exited:\n${output}`);
    if (await answers(url)) return { url, logs: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the instance on port ${port} did not answer /api/health within 60 s:\n${output}`);
}
