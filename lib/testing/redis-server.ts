// A throw-away redis-server (Debian's `redis-server` package) for tests: a free port, no
// persistence, stopped with the test. Fails with the install hint when the binary is missing.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";

export type RedisServer = { url: string; stop(): Promise<void> };

const BINARY = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

/** `port`: start again where a stopped server was (tests of reconnecting clients). */
export async function startRedisServer(port?: number): Promise<RedisServer & { port: number }> {
  if (!existsSync(BINARY)) throw new Error(`${BINARY} not found: install it with apt-get install -y redis-server (.ci/run does)`);
  port ??= await freePort();
  const child: ChildProcess = spawn(BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  for (let i = 0; i < 100 && !(await answers(port)); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!(await answers(port))) {
    child.kill("SIGKILL");
    throw new Error(`redis-server did not start on port ${port}`);
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
