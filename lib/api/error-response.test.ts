import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse, jsonError } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";

afterEach(() => vi.restoreAllMocks());

describe("errorResponse", () => {
  it("answers 503 with Retry-After when the database is out, in every form the drivers report it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const outages = [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("Can't reach database server"), { name: "PrismaClientKnownRequestError", code: "P1001" }),
      Object.assign(new Error("Timed out fetching a new connection from the connection pool"), { code: "P2024" }),
      Object.assign(new Error("Invalid prisma.link.findMany() invocation"), { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }),
      Object.assign(new Error("init"), { name: "PrismaClientInitializationError" }),
    ];
    for (const outage of outages) {
      const response = errorResponse(outage);
      expect(response.status, outage.message).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ error: { code: "unavailable", message: "The service is briefly unavailable. Please retry shortly." } });
    }
  });

  it("answers 500 for anything else that is not an AppError, and the AppError's own status for one", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const unique = Object.assign(new Error("duplicate key"), { code: "23505" });
    expect(errorResponse(unique).status).toBe(500);
    expect(errorResponse(new TypeError("x is undefined")).status).toBe(500);
    const notAllowed = errorResponse(new AppError("method_not_allowed", "no"));
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get("retry-after")).toBeNull();
  });

  it("keeps a Retry-After the caller gave", () => {
    expect(jsonError(new AppError("unavailable", "later"), { "Retry-After": "30" }).headers.get("retry-after")).toBe("30");
  });
});
