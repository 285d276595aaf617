// Tenant isolation over every workspace page and download, enumerated from the route tree
// (app/(app)/w/[workspace]/**/page.tsx and route.ts), so a new page cannot slip past: each is
// requested with the demo workspace's ids as the demo member (200: the URL is real), signed out
// (the sign-in page, or a 404 for downloads), as another customer (404), and as that customer
// inside their own workspace with the demo's ids (404). Nothing of the demo's data reaches them.
// (Writes go through server actions and the API: lib/workspaces/permission-guards.int.test.ts and
// app/api/v1/matrix.int.test.ts cover those.)
import { expect, test } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_STATE } from "../support/env";
import { bearer, createWorkspace, demoLink, newAccount, signUp, uniqueSuffix, upgradeThroughCheckout } from "../support/helpers";
import { fillTemplate, workspaceRouteTemplates } from "../support/routes";

/** Markers of the demo workspace's data that must never reach another customer. */
const DEMO_MARKERS = [DEMO.workspaceName, "maya-lopez", "Maya Lopez", "Spring Drop"];

test("every workspace page and download: the member sees it, nobody else learns it exists", async ({ page, playwright, request }) => {
  test.setTimeout(120_000);
  const routes = workspaceRouteTemplates();
  expect(routes.length).toBeGreaterThan(15);

  // The demo workspace's ids for each dynamic segment; a new segment needs one here.
  const api = async <T,>(p: string) => ((await (await request.get(p, { headers: bearer() })).json()) as { data: T[] }).data;
  const link = await demoLink(request, "maya-lopez");
  const campaign = (await api<{ id: string; name: string }>("/api/v1/campaigns")).find((c) => c.name === "Spring Drop");
  const creator = (await api<{ id: string; name: string }>("/api/v1/creators")).find((c) => c.name === "Maya Lopez");
  const ids: Record<string, string> = { linkId: link.id, campaignId: campaign!.id, creatorId: creator!.id };
  const url = (template: string, workspace: string) => fillTemplate(template, workspace, ids);

  const member = await playwright.request.newContext({ baseURL: BASE_URL, storageState: DEMO_STATE });
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
  const intruder = newAccount("matrix");
  await signUp(page, intruder);
  const ownSlug = await createWorkspace(page, `Matrix ${uniqueSuffix()}`);
  // on Team, like the demo: no page of theirs stops at a plan lock before it looks the id up
  await upgradeThroughCheckout(page, ownSlug, "Team");

  for (const { template, kind } of routes) {
    const demoUrl = url(template, DEMO.workspace);

    // the demo member: the URL is real (else every 404 below would prove nothing)
    const asMember = await member.get(demoUrl, { maxRedirects: 0 });
    expect(asMember.status(), `${demoUrl} as the member`).toBe(200);

    // signed out: pages send to sign-in, downloads answer 404
    const asAnonymous = await anonymous.get(demoUrl, { maxRedirects: 0 });
    if (kind === "page") {
      expect([302, 303, 307], `${demoUrl} signed out`).toContain(asAnonymous.status());
      expect(asAnonymous.headers()["location"] ?? "", `${demoUrl} signed out`).toMatch(/\/login/);
    } else {
      expect(asAnonymous.status(), `${demoUrl} signed out`).toBe(404);
    }

    // another customer, naming the demo workspace — and in their own workspace with the demo's ids
    for (const target of [demoUrl, url(template, ownSlug)]) {
      if (target === url(template, ownSlug) && !/\[\w+Id\]/.test(template)) continue; // no demo id in it: their own page
      const answer = await page.request.get(target, { maxRedirects: 0 });
      expect(answer.status(), `${target} as another customer`).toBe(404);
      const body = await answer.text();
      for (const marker of DEMO_MARKERS) expect(body, `${target} as another customer leaks "${marker}"`).not.toContain(marker);
    }
  }
  await member.dispose();
  await anonymous.dispose();
});
