// Requests no handler should see, answered plainly (issue 21): a path that is not valid
// percent-encoding (the API's JSON 400; a page's not-found page), a method the endpoint does not take, an endpoint that does not exist — all in
// the API's JSON error shape, by middleware.ts (TRACE by lib/api/front-door.ts: Next cannot even
// read it) — and a page's server action posted from another site (403, where Next's own check
// answers 500). Sent with node:http, which (unlike fetch) sends any method and path byte for byte.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { APP_PORT, BASE_URL } from "../support/env";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "localhost", port: APP_PORT, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

const errorOf = (answer: Answer) => (JSON.parse(answer.body) as { error: { code: string; message: string } }).error;

test("a path that is not valid percent-encoding gets the API's JSON 400, with or without a key", async () => {
  for (const path of ["/api/v1/links/%FF", "/api/v1/links/%", "/api/v1/links/%ED%A0%80", "/api/v1/creators/%E0%A4%A"]) {
    const answer = await send("GET", path);
    expect(answer.status, path).toBe(400);
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(errorOf(answer)).toEqual({ code: "bad_request", message: "The request path is not valid percent-encoded UTF-8" });
  }
});

test("a page path that is not valid percent-encoding gets the not-found page, 404, never a bare 500", async () => {
  for (const path of ["/w/%FF", "/w/demo/links/%FF", "/w/%", "/w/demo/campaigns/%E0%A4%A", "/creator/pages/%FF", "/invite/%ED%A0%80", "/%FF"]) {
    const answer = await send("GET", path);
    expect(answer.status, path).toBe(404);
    expect(answer.headers["content-type"], path).toMatch(/^text\/html/);
    expect(answer.body, path).toContain("<html");
  }
});

test("a method the endpoint does not take gets 405 JSON with the Allow header", async () => {
  for (const method of ["TRACE", "PUT", "PROPFIND"]) {
    const answer = await send(method, "/api/v1/links");
    expect(answer.status, method).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(errorOf(answer).code).toBe("method_not_allowed");
  }
  const collect = await send("GET", "/api/collect");
  expect(collect.status).toBe(405);
  expect(collect.headers.allow).toBe("OPTIONS, POST");
  // what an endpoint does take still reaches it (here: 401 for want of a key)
  expect((await send("GET", "/api/v1/links")).status).toBe(401);
  expect((await send("OPTIONS", "/api/v1/links")).headers.allow).toBe("GET, HEAD, OPTIONS, POST");
});

test("an endpoint that does not exist is a JSON 404 for any method", async () => {
  for (const method of ["GET", "TRACE"]) {
    const answer = await send(method, "/api/v1/nope");
    expect(answer.status).toBe(404);
    expect(errorOf(answer)).toEqual({ code: "not_found", message: `No API endpoint ${method} /api/v1/nope` });
  }
});

test("a server action posted from another site is refused with 403; from the app itself it is not", async () => {
  const action = { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" };
  const crossSite = await send("POST", "/login", { ...action, origin: "https://evil.example" });
  expect(crossSite.status).toBe(403);
  expect(crossSite.body).toContain("sent from another site");
  const browserSaysCrossSite = await send("POST", "/login", { ...action, "sec-fetch-site": "cross-site", origin: "https://evil.example" });
  expect(browserSaysCrossSite.status).toBe(403);
  const sameSite = await send("POST", "/login", { ...action, origin: BASE_URL, "sec-fetch-site": "same-origin" });
  expect(sameSite.status).not.toBe(403);
  expect(sameSite.status).toBeLessThan(500);
});
