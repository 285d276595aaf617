// Idempotency-Key on every API POST: a client that did not hear the answer (a timeout, a dropped
// connection) sends the same request with the same key and gets the first answer again, with
// nothing done twice. The key is the workspace's; it lives 24 hours. The same key with another
// request is a 409 `idempotency_key_reused`; one whose first request is still running — or never
// finished, its outcome unknown — a 409 `idempotency_key_in_use`: such a key is never run again
// (it could have done its work), the client checks and sends a new key. Only a successful answer
// is kept: a refusal did nothing, and may be fixed and sent again with the same key.
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
export const REPLAYED_HEADER = "Idempotent-Replayed";
export const IDEMPOTENCY_TTL_HOURS = 24;
/** A first request still "running" after this long died with its process: its outcome is unknown. */
const UNFINISHED_AFTER_MS = 5 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header's key, or null without one; a key that is not 1–255 visible ASCII characters is a 422. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new AppError("invalid_input", `${IDEMPOTENCY_HEADER} is 1 to 255 visible ASCII characters, e.g. a UUID`, [
      { path: IDEMPOTENCY_HEADER, message: "1 to 255 visible ASCII characters, e.g. a UUID" },
    ]);
  }
  return key;
}

/** JSON with its object keys sorted, so the same body written in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What makes two requests the same one: method, path with query, and body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  const { pathname, search } = new URL(url);
  return createHash("sha256").update(`${method.toUpperCase()} ${pathname}${search}\n${canonicalJson(body)}`).digest("hex");
}

const refusal = (code: "idempotency_key_reused" | "idempotency_key_in_use", message: string) => new AppError(code, message, [{ path: IDEMPOTENCY_HEADER, message }]);

/**
 * Runs `run` once per workspace and key: the first request reserves the key and its answer is
 * kept if it succeeds; the same request again gets that answer (with Idempotent-Replayed: true).
 */
export async function withIdempotency(workspaceId: string, key: string, fingerprint: string, run: () => Promise<Response>, now = new Date()): Promise<Response> {
  const db = getDb();
  for (let attempt = 0; attempt < 3; attempt++) {
    const reserved = await db.idempotencyKey
      .create({ data: { workspaceId, key, fingerprint, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000) }, select: { id: true } })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) return null;
        throw error;
      });
    if (reserved) {
      // now and then the workspace's expired keys go (best effort: never the request's concern)
      await purgeExpiredIdempotencyKeys(workspaceId, now).catch(() => 0);
      return runReserved(reserved.id, run);
    }

    const held = await db.idempotencyKey.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
    if (!held) continue; // released a moment ago: reserve it
    if (held.expiresAt <= now) {
      // an answer past its 24 hours: the key starts over
      await db.idempotencyKey.deleteMany({ where: { id: held.id, expiresAt: { lte: now } } });
      continue;
    }
    if (held.fingerprint !== fingerprint) {
      throw refusal("idempotency_key_reused", `This ${IDEMPOTENCY_HEADER} was used with another request in the last ${IDEMPOTENCY_TTL_HOURS} hours: send a new key for a new request`);
    }
    if (held.status === null) {
      const unfinished = now.getTime() - held.createdAt.getTime() > UNFINISHED_AFTER_MS;
      throw refusal(
        "idempotency_key_in_use",
        unfinished
          ? `The first request with this ${IDEMPOTENCY_HEADER} did not finish, so whether it did its work is unknown: check (e.g. list what it would have made), then send a new key`
          : `The first request with this ${IDEMPOTENCY_HEADER} is still running: retry in a moment`,
      );
    }
    return new Response(held.body, { status: held.status, headers: { ...(held.contentType ? { "Content-Type": held.contentType } : {}), [REPLAYED_HEADER]: "true" } });
  }
  throw refusal("idempotency_key_in_use", `This ${IDEMPOTENCY_HEADER} is being used by several requests at once: retry in a moment`);
}

async function runReserved(id: string, run: () => Promise<Response>): Promise<Response> {
  const db = getDb();
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    // a refusal (ours, AppError) did nothing: the key is free. Anything else failed midway, its
    // outcome unknown: the key stays held, and answers so, rather than run the work twice.
    if (error instanceof AppError) await db.idempotencyKey.delete({ where: { id } }).catch(() => undefined);
    throw error;
  }
  if (response.status < 200 || response.status >= 300) {
    await db.idempotencyKey.delete({ where: { id } }).catch(() => undefined);
    return response;
  }
  const body = await response.text();
  try {
    await db.idempotencyKey.update({ where: { id }, data: { status: response.status, contentType: response.headers.get("content-type"), body } });
  } catch (error) {
    // The work is done and its answer stands. The key stays held without an answer: a retry
    // hears the outcome is unknown, and the work is never run twice.
    console.error(`[api] could not keep the answer of an idempotent request: ${error instanceof Error ? error.message : String(error)}`);
  }
  const headers = new Headers(response.headers);
  headers.set(REPLAYED_HEADER, "false");
  return new Response(body, { status: response.status, headers });
}

/** Drops this workspace's expired keys (called now and then by the writes themselves). */
export async function purgeExpiredIdempotencyKeys(workspaceId: string, now = new Date()): Promise<number> {
  return (await getDb().idempotencyKey.deleteMany({ where: { workspaceId, expiresAt: { lte: now } } })).count;
}
