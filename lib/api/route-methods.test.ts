import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowHeader, API_ROUTES, apiRefusal, apiRouteOf, decodedSegments } from "@/lib/api/route-methods";

const APP = path.resolve(import.meta.dirname, "../../app");

/** Every route.ts under app/api, as its URL folder (route groups dropped) and the methods it exports. */
function routeFiles(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const folder = path.relative(APP, dir).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/");
        const source = readFileSync(full, "utf8");
        found[`/${folder}`] = [...source.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((match) => match[1]!).sort();
      }
    }
  };
  walk(path.join(APP, "api"));
  return found;
}

describe("the API route table", () => {
  it("lists every route file under app/api with exactly the methods it exports", () => {
    const table = Object.fromEntries(Object.entries(API_ROUTES).map(([route, methods]) => [route, [...methods].sort()]));
    expect(table).toEqual(routeFiles());
  });

  it("picks the route Next would: literals before parameters before catch-alls", () => {
    expect(apiRouteOf(["api", "v1", "links", "bulk"])?.route).toBe("/api/v1/links/bulk");
    expect(apiRouteOf(["api", "v1", "links", "lnk_1"])?.route).toBe("/api/v1/links/[linkId]");
    expect(apiRouteOf(["api", "v1", "links", "lnk_1", "qr"])?.route).toBe("/api/v1/links/[linkId]/qr");
    expect(apiRouteOf(["api", "auth", "callback", "credentials"])?.route).toBe("/api/auth/[...nextauth]");
    expect(apiRouteOf(["api", "auth"])).toBeNull();
    expect(apiRouteOf(["api", "v1", "links", "lnk_1", "qr", "more"])).toBeNull();
    expect(apiRouteOf(["api", "v1", "nope"])).toBeNull();
  });
});

describe("apiRefusal", () => {
  it("lets through what a handler takes: its methods, HEAD where it has GET, OPTIONS everywhere", () => {
    expect(apiRefusal("GET", "/api/v1/links")).toBeNull();
    expect(apiRefusal("POST", "/api/v1/links")).toBeNull();
    expect(apiRefusal("HEAD", "/api/v1/links/lnk_1")).toBeNull();
    expect(apiRefusal("OPTIONS", "/api/collect")).toBeNull();
    expect(apiRefusal("GET", "/api/v1/links/caf%C3%A9")).toBeNull();
  });

  it("refuses other methods with 405 and the methods the endpoint answers", () => {
    for (const method of ["TRACE", "PUT", "PROPFIND"]) {
      const refusal = apiRefusal(method, "/api/v1/links/lnk_1");
      expect(refusal?.error.code, method).toBe("method_not_allowed");
      expect(refusal?.headers).toEqual({ Allow: "DELETE, GET, HEAD, OPTIONS, PATCH" });
    }
    expect(apiRefusal("HEAD", "/api/collect")?.headers).toEqual({ Allow: "OPTIONS, POST" });
    expect(apiRefusal("GET", "/api/v1/links/bulk")?.error.code).toBe("method_not_allowed");
  });

  it("answers 404 for a path no endpoint serves, whatever the method", () => {
    expect(apiRefusal("GET", "/api/v1/nope")?.error).toMatchObject({ code: "not_found", message: "No API endpoint GET /api/v1/nope" });
    expect(apiRefusal("TRACE", "/api/nothing")?.error.code).toBe("not_found");
  });

  it("refuses a path that is not valid percent-encoded UTF-8 with 400", () => {
    for (const pathname of ["/api/v1/links/%FF", "/api/v1/links/%", "/api/v1/links/%E0%A4%A", "/api/v1/links/%ED%A0%80", "/api/%zz/links"]) {
      expect(apiRefusal("GET", pathname)?.error.code, pathname).toBe("bad_request");
    }
  });
});

describe("helpers", () => {
  it("decodes segments or says the path is malformed", () => {
    expect(decodedSegments("/api/v1/a%20b")).toEqual(["api", "v1", "a b"]);
    expect(decodedSegments("/api/%FF")).toBeNull();
  });

  it("lists allowed methods sorted, with HEAD for GET and OPTIONS", () => {
    expect(allowHeader(["POST", "GET"])).toBe("GET, HEAD, OPTIONS, POST");
    expect(allowHeader(["PUT", "DELETE"])).toBe("DELETE, OPTIONS, PUT");
  });
});
