// Small builders for integration tests: real rows through the real domain functions.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { shortLinkHosts } from "@/lib/links/short-url";
import { createApiKey } from "@/lib/api-keys/queries";
import { AppError } from "@/lib/errors";

export const testHosts = shortLinkHosts({ requestOrigin: "http://localhost:3000" });

export async function makeWorkspace(name = "Test Brand") {
  const db = getDb();
  const user = await db.user.create({ data: { email: `${randomUUID()}@test.local` } });
  const workspace = await db.workspace.create({
    data: { name, slug: `ws-${randomUUID().slice(0, 8)}`, memberships: { create: { userId: user.id, role: "owner" } } },
  });
  const { key } = await createApiKey(workspace.id, user.id, { name: "test" });
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
