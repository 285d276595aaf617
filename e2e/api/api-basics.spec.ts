// Spec 8 — REST API basics: refusals are 422 with field paths a client can map to its inputs,
// and the health check answers for load balancers.
import { expect, test } from "@playwright/test";
import { bearer, demoLink } from "../support/helpers";

type ErrorBody = { error: { code: string; message: string; details?: Array<{ path: string; message: string }> } };

const paths = (body: ErrorBody) => (body.error.details ?? []).map((issue) => issue.path).sort();

test("malformed JSON is a 422 naming the body", async ({ request }) => {
  const response = await request.post("/api/v1/links", {
    headers: { ...bearer(), "Content-Type": "application/json" },
    // A Buffer goes out byte for byte (a string would be JSON-encoded by Playwright).
    data: Buffer.from('{"url": "https://shop.example.com", "slug": '),
  });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("invalid_input");
  expect(body.error.details).toEqual([{ path: "(body)", message: "Malformed JSON" }]);
});

test("bad fields are a 422 listing each field's path and message", async ({ request }) => {
  const response = await request.post("/api/v1/links", { headers: bearer(), data: { url: "ftp://files.example.com/x", slug: "Not A Slug" } });
  expect(response.status()).toBe(422);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe("invalid_input");
  expect(paths(body)).toEqual(["slug", "url"]);
  expect(body.error.details).toContainEqual({ path: "url", message: "Destination must use http or https, not ftp" });
  // The slug's message must say what is wrong with it, like the form's hint does.
  expect
    .soft(body.error.details, "slug message for an invalid slug (zod union swallows it as 'Invalid input')")
    .toContainEqual({ path: "slug", message: "Slug may use only lowercase letters, digits and single hyphens between them (e.g. maya-lopez)" });

  const missing = await request.post("/api/v1/links", { headers: bearer(), data: { slug: 42 } });
  expect(missing.status()).toBe(422);
  expect(paths((await missing.json()) as ErrorBody)).toEqual(["slug", "url"]);

  const badGroup = await request.get("/api/v1/analytics?groupBy=likes&interval=1y", { headers: bearer() });
  expect(badGroup.status()).toBe(422);
  expect(paths((await badGroup.json()) as ErrorBody)).toEqual(["groupBy", "interval"]);

  const link = await demoLink(request, "newsletter");
  const patch = await request.patch(`/api/v1/links/${link.id}`, { headers: bearer(), data: { url: "javascript:alert(1)" } });
  expect(patch.status()).toBe(422);
  expect(paths((await patch.json()) as ErrorBody)).toEqual(["url"]);
  // …and the link is unchanged.
  expect((await demoLink(request, "newsletter")).url).toBe(link.url);
});

test("a destination on the app's own host is refused (it would loop)", async ({ request, baseURL }) => {
  const slug = `api-loop-${Date.now().toString(36)}`;
  // A link pointing at itself would redirect forever and log a click on every hop.
  const response = await request.post("/api/v1/links", { headers: bearer(), data: { url: `${baseURL}/${slug}`, slug } });
  const body = (await response.json()) as ErrorBody & { id?: string };
  if (response.status() === 201 && body.id) {
    // Leave nothing behind that loops: archive what the bug let through.
    await request.delete(`/api/v1/links/${body.id}`, { headers: bearer() });
  }
  expect(response.status(), `POST ${baseURL}/${slug} as its own destination`).toBe(422);
  expect(body.error.details).toEqual([{ path: "url", message: "Destination cannot be a Clickproof short link or page (it would loop)" }]);
});

test("GET /api/health answers ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
  expect(response.headers()["cache-control"]).toContain("no-store");
});
