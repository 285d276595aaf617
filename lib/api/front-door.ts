// What every request meets before Next.js reads it, installed once per server process
// (instrumentation.ts) on Node's HTTP(S) servers:
// - TRACE, which the Fetch standard forbids: Next.js builds a `Request` of every call and
//   that throws on them, answering a bare 500 before middleware.ts runs. They are answered here:
//   405 with Allow — in the API's JSON error shape under /api (lib/api/route-methods.ts).
// - Without a trusted proxy (TRUST_PROXY=false, the default) the visitor's address is the socket's,
//   whatever the client writes in X-Forwarded-For: Next.js keeps a header the client sent and only
//   fills it in when it is missing, so every limit keyed by address (sign-up, sign-in,
//   /api/collect) and the visitor hash could be steered by a made-up header. The forwarding headers
//   are rewritten to the socket's address; lib/http/client-ip.ts clientIp reads the one entry left.
//   With TRUST_PROXY=true the proxy's headers are left as they are.
import http from "node:http";
import https from "node:https";
import { errorBody } from "@/lib/api/error-response";
import { apiRefusal } from "@/lib/api/route-methods";
import { ERROR_CODES } from "@/lib/errors";

const INSTALLED = Symbol.for("clickproof.frontDoor");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * The methods `new Request()` refuses that Node's parser lets through (TRACK is not parsed at all,
 * CONNECT goes to the server's "connect" event, which nothing here listens to).
 */
const FORBIDDEN_METHODS = new Set(["TRACE"]);

/** Methods a page answers: reading it, and its server actions. */
const PAGE_ALLOW = "GET, HEAD, POST";

export type FrontDoorOptions = { pinClientAddress: boolean };

let options: FrontDoorOptions = { pinClientAddress: true };

/** Installs the front door (once; a second call only updates the options). */
export function installFrontDoor(next: FrontDoorOptions): void {
  options = next;
  for (const server of [http.Server, https.Server]) {
    const prototype = server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request" || event === "checkContinue" || event === "checkExpectation") {
        const request = args[0] as http.IncomingMessage;
        if (options.pinClientAddress) pinToSocket(request);
        if (FORBIDDEN_METHODS.has(request.method ?? "")) {
          refuseMethod(request, args[1] as http.ServerResponse);
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
    prototype[INSTALLED] = true;
  }
}

function pinToSocket(request: http.IncomingMessage): void {
  delete request.headers["x-real-ip"];
  const address = request.socket.remoteAddress;
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
}

function refuseMethod(request: http.IncomingMessage, response: http.ServerResponse): void {
  const method = request.method ?? "";
  const pathname = (request.url ?? "/").split("?")[0]!;
  request.resume(); // whatever body came is read and dropped
  if (pathname.startsWith("/api/")) {
    const refusal = apiRefusal(method, pathname);
    if (refusal) {
      response
        .writeHead(ERROR_CODES[refusal.error.code], { "Content-Type": "application/json", "Cache-Control": "no-store", ...refusal.headers })
        .end(JSON.stringify(errorBody(refusal.error)));
      return;
    }
  }
  response.writeHead(405, { "Content-Type": "text/plain; charset=utf-8", Allow: PAGE_ALLOW, "Cache-Control": "no-store" }).end(`${method} is not allowed here.\n`);
}
