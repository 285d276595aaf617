import { describe, expect, it } from "vitest";
import { acceptQuality, preferredMediaType } from "@/lib/http/accept";

describe("content negotiation", () => {
  const offered = ["application/json", "text/csv"] as const;
  it("answers JSON unless CSV is preferred", () => {
    expect(preferredMediaType(null, offered)).toBe("application/json");
    expect(preferredMediaType("*/*", offered)).toBe("application/json");
    expect(preferredMediaType("application/json", offered)).toBe("application/json");
    expect(preferredMediaType("text/csv", offered)).toBe("text/csv");
    expect(preferredMediaType("text/csv, application/json;q=0.5", offered)).toBe("text/csv");
    expect(preferredMediaType("text/*, application/json;q=0.9", offered)).toBe("text/csv");
    expect(preferredMediaType("text/csv;q=0.2, */*", offered)).toBe("application/json");
  });
  it("reads the most specific range's q", () => {
    expect(acceptQuality("text/*;q=0.3, text/csv;q=0.8", "text/csv")).toBe(0.8);
    expect(acceptQuality("image/png", "text/csv")).toBe(0);
    expect(acceptQuality("text/csv;q=abc", "text/csv")).toBe(0);
  });
});
