// A throw-away landing page on 127.0.0.1 (random port) for links to point at: it answers every
// path with a page whose heading names the path, and records each request it received so a
// spec can check what the redirect delivered (path and query string).
import http from "node:http";
import { listenOnLoopback } from "./loopback-server";

export type ReceivedRequest = { method: string; pathname: string; query: URLSearchParams; userAgent: string | null };

export type DestinationServer = {
  origin: string;
  /** Requests received so far, favicon requests left out. */
  received: ReceivedRequest[];
  /** Heading text of the page served at `pathname`. */
  heading: (pathname: string) => string;
  close: () => Promise<void>;
};

const heading = (pathname: string) => `Landing page ${pathname}`;

export async function startDestinationServer(): Promise<DestinationServer> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/favicon.ico") {
      response.writeHead(404).end();
      return;
    }
    received.push({ method: request.method ?? "GET", pathname: url.pathname, query: url.searchParams, userAgent: request.headers["user-agent"] ?? null });
    const title = heading(url.pathname).replace(/[<>&]/g, "");
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(
      `<!doctype html><html><head><title>${title}</title></head><body style="font-family:sans-serif;padding:40px">` +
        `<h1>${title}</h1><p>Query received: <code id="query">${url.search.replace(/[<>&]/g, "")}</code></p></body></html>`,
    );
  });
  const { origin, close } = await listenOnLoopback(server);
  return { origin, received, heading, close };
}
