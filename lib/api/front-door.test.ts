import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installFrontDoor } from "@/lib/api/front-door";

let server: http.Server;
let port = 0;
let handled = 0;

beforeAll(async () => {
  installFrontDoor({ pinClientAddress: true });
  installFrontDoor({ pinClientAddress: true }); // twice is once
  server = http.createServer((request, response) => {
    handled++;
    response.end(JSON.stringify({ forwardedFor: request.headers["x-forwarded-for"] ?? null, realIp: request.headers["x-real-ip"] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, method, path, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("the front door", () => {
  it("replaces whatever forwarding headers the client sent with the socket's address", async () => {
    expect(JSON.parse((await send("GET", "/", { "x-forwarded-for": "81.2.69.142" })).body)).toEqual({ forwardedFor: "127.0.0.1", realIp: null });
    const spoofed = await send("GET", "/", { "x-forwarded-for": "203.0.113.9, 81.2.69.142", "x-real-ip": "81.2.69.142" });
    expect(JSON.parse(spoofed.body)).toEqual({ forwardedFor: "127.0.0.1", realIp: null });
    expect(JSON.parse((await send("GET", "/")).body)).toEqual({ forwardedFor: "127.0.0.1", realIp: null });
  });

  it("leaves a trusted proxy's headers alone", async () => {
    installFrontDoor({ pinClientAddress: false });
    try {
      expect(JSON.parse((await send("GET", "/", { "x-forwarded-for": "81.2.69.142" })).body)).toEqual({ forwardedFor: "81.2.69.142", realIp: null });
    } finally {
      installFrontDoor({ pinClientAddress: true });
    }
  });

  it("answers TRACE itself — the API's JSON 405 with Allow under /api, a plain 405 elsewhere — and never hands it on", async () => {
    const before = handled;
    const api = await send("TRACE", "/api/v1/links?x=1");
    expect(api.status).toBe(405);
    expect(api.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(JSON.parse(api.body).error.code).toBe("method_not_allowed");
    const unknown = await send("TRACE", "/api/v1/nope");
    expect([unknown.status, JSON.parse(unknown.body).error.code]).toEqual([404, "not_found"]);
    const page = await send("TRACE", "/w/demo");
    expect([page.status, page.headers.allow]).toEqual([405, "GET, HEAD, POST"]);
    expect(handled).toBe(before);
  });
});
