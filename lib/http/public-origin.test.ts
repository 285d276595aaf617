import { describe, expect, it } from "vitest";
import { publicOrigin } from "@/lib/http/public-origin";

describe("publicOrigin", () => {
  it("prefers X-Forwarded-Host/Proto, then Host, over the server's own URL", () => {
    expect(publicOrigin(new Headers({ "x-forwarded-host": "clk.example.com", "x-forwarded-proto": "https", host: "internal:3000" }), "http://localhost:3000/x")).toBe(
      "https://clk.example.com",
    );
    expect(publicOrigin(new Headers({ host: "127.0.0.1:3107" }), "http://localhost:3107/api")).toBe("http://127.0.0.1:3107");
    expect(publicOrigin(new Headers(), "http://localhost:3107/api")).toBe("http://localhost:3107");
  });

  it("takes the first of several forwarded values and falls back on a malformed host", () => {
    expect(publicOrigin(new Headers({ "x-forwarded-host": "a.example.com, b.example.com", "x-forwarded-proto": "https,http" }), "http://localhost/")).toBe(
      "https://a.example.com",
    );
    expect(publicOrigin(new Headers({ host: "bad host/" }), "http://localhost:3000/")).toBe("http://localhost:3000");
  });
});
