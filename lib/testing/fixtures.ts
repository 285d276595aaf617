// Small builders for integration tests: real rows through the real domain functions.
import { randomBytes, randomUUID } from "node:crypto";
import type { Plan } from "@prisma/client";
import { insertClicks } from "@/lib/clicks/writer";
import { getDb, getPool } from "@/lib/db";
import { shortLinkHosts } from "@/lib/urls/short-url";
import { createApiKey } from "@/lib/api-keys/queries";
import { SCOPE_NAMES } from "@/lib/api-keys/scopes";
import { AppError } from "@/lib/errors";

export const testHosts = shortLinkHosts({ requestOrigin: "http://localhost:3000" });

/**
 * A workspace with its owner and an API key, on the Team plan unless told otherwise. A smaller
 * plan is set after the key is made, like a workspace that downgraded and kept its keys.
 */
export async function makeWorkspace(name = "Test Brand", plan: Plan = "team") {
  const db = getDb();
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.local` } });
  let workspace = await db.workspace.create({
    data: { name, slug: `ws-${randomUUID().slice(0, 8)}`, plan: "team", memberships: { create: { userId: user.id, role: "owner" } } },
  });
  const { key } = await createApiKey(workspace.id, user.id, { name: "test", scopes: SCOPE_NAMES });
  if (plan !== "team") workspace = await db.workspace.update({ where: { id: workspace.id }, data: { plan } });
  return { user, workspace, apiKey: key };
}

/** The AppError a call refuses with; fails the test if it resolves or throws anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** A creator with an Instagram account and its follower history ([ISO date, count] oldest first). */
export async function makeCreatorWithFollowers(workspaceId: string, name: string, history: [string, number][]) {
  const db = getDb();
  const creator = await db.creator.create({ data: { workspaceId, name } });
  const platform = await db.creatorPlatform.create({
    data: { workspaceId, creatorId: creator.id, platform: "instagram", handle: name.toLowerCase().replace(/\W/g, ""), followers: history.at(-1)?.[1] ?? 0 },
  });
  for (const [at, followers] of history) {
    await db.followerCount.create({ data: { workspaceId, creatorPlatformId: platform.id, followers, recordedAt: new Date(at) } });
  }
  return creator;
}

type ClickDetails = { source?: "link" | "qr"; isBot?: boolean; country?: string | null; device?: "desktop" | "mobile" | "tablet" | "other"; browser?: string | null; os?: string | null; referrer?: string | null };

/**
 * `count` clicks on a link at one instant, each from a different visitor (so each is a unique
 * click) unless `visitors` names them (a repeated name is the same visitor).
 */
export async function clicksAt(workspaceId: string, linkId: string, at: Date, count: number, options: ClickDetails & { visitors?: string[] } = {}) {
  await insertClicks(
    getPool(),
    Array.from({ length: count }, (_, i) => ({
      id: randomBytes(12).toString("base64url"),
      workspaceId,
      linkId,
      createdAt: at,
      country: options.country ?? null,
      source: options.source ?? "link",
      device: options.device ?? ("mobile" as const),
      browser: options.browser ?? null,
      os: options.os ?? null,
      referrer: options.referrer ?? null,
      isBot: options.isBot ?? false,
      visitorHash: options.visitors?.[i] ?? randomBytes(8).toString("hex"),
    })),
  );
}
