// Starts a test's own HTTP server on 127.0.0.1 (a random port) and closes it without waiting for
// Chromium's kept-alive connections to time out.
import type http from "node:http";
import type { AddressInfo } from "node:net";

export async function listenOnLoopback(server: http.Server): Promise<{ origin: string; close: () => Promise<void> }> {
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
