import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import type { Link } from "@prisma/client";
import { requireFeature, reserveUpToLinkQuota } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { AppError, invalidField } from "@/lib/errors";
import { LOOP_MESSAGE, servedDestinations, servedHostnames } from "@/lib/domains/domains";
import { isReservedSlug } from "@/lib/links/reserved";
import { createLinkSchema, type CreateLinkInput } from "@/lib/links/schema";
import { assertNotOwnHost, type ShortLinkHosts } from "@/lib/urls/short-url";
import { invalidateLink } from "@/lib/cache/link-cache";
import { fieldIssues, unknownFields, unstorableText } from "@/lib/validation";

const RANDOM_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no l/1/o/0: slugs get read aloud
const RANDOM_LENGTH = 7;
const RANDOM_ROUNDS = 5;
export const DEFAULT_DOMAIN = "";
/** Links one bulk call may create. */
export const BULK_MAX = 1_000;

/** A random slug, never reserved and never one of `avoid` (the batch's other slugs). */
export function randomSlug(avoid?: ReadonlySet<string>): string {
  for (;;) {
    let slug = "";
    for (let i = 0; i < RANDOM_LENGTH; i++) slug += RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)];
    if (!isReservedSlug(slug) && !avoid?.has(slug)) return slug;
  }
}

/** A row id made here (cuid-like: "c" + 24 base-36 characters), so a batch's rows are matched to its items by id. */
const newId = () => `c${BigInt(`0x${randomBytes(16).toString("hex")}`).toString(36).padStart(25, "0").slice(0, 24)}`;

export type CreateLinkContext = { workspaceId: string; userId?: string; hosts: ShortLinkHosts };

/** What became of one item of a batch: its link, or why not (the item's own refusal). */
export type ItemOutcome = { ok: true; link: Link } | { ok: false; error: AppError };

/** Creates one link; refuses with the reason (422 on a field, 409 for a taken slug, 403 over the plan). */
export async function createLink(ctx: CreateLinkContext, rawInput: unknown): Promise<Link> {
  const [outcome] = await createLinks(ctx, [rawInput]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.link;
}

function invalidItem(issues: { path: string; message: string }[]): AppError {
  return new AppError("invalid_input", `Invalid input — ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
}

const slugTaken = (slug: string) =>
  new AppError("conflict", `The slug "${slug}" is already taken on this domain`, [{ path: "slug", message: `"${slug}" is already taken on this domain; choose another` }]);

/**
 * Creates many links in a few statements: each item is validated on its own and either created
 * whole or refused with its own reason, so bad items never block good ones. Returns one outcome
 * per item, in order. Custom slugs are unique per domain (a repeat within the batch is refused
 * like a taken one); random slugs retry on the rare collision. The plan's monthly link quota is
 * reserved under the workspace lock: items beyond it are refused, the rest are created.
 */
export async function createLinks(ctx: CreateLinkContext, rawItems: readonly unknown[], options: { refuseUnknownFields?: boolean } = {}): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = new Array(rawItems.length);
  type Pending = { index: number; input: CreateLinkInput; slug: string; id: string };
  let pending: Pending[] = [];
  const customSlugs = new Map<string, number>();

  rawItems.forEach((raw, index) => {
    const unstorable = unstorableText(raw);
    if (unstorable) {
      outcomes[index] = { ok: false, error: invalidField(unstorable.path === "(body)" ? "(item)" : unstorable.path, unstorable.message) };
      return;
    }
    const parsed = createLinkSchema.safeParse(raw);
    // the API's items name only fields it knows (a typo is refused, not ignored), each on its own
    const unknown = options.refuseUnknownFields ? unknownFields(createLinkSchema, raw) : [];
    if (!parsed.success || unknown.length > 0) {
      outcomes[index] = { ok: false, error: invalidItem([...unknown, ...(parsed.success ? [] : fieldIssues(parsed.error))]) };
      return;
    }
    const input = parsed.data;
    try {
      assertNotOwnHost(ctx.hosts, input.url);
      if (input.expiredUrl) assertNotOwnHost(ctx.hosts, input.expiredUrl, "expiredUrl");
    } catch (error) {
      outcomes[index] = { ok: false, error: error as AppError };
      return;
    }
    if (input.slug) {
      const key = `${input.domain ?? DEFAULT_DOMAIN}/${input.slug}`;
      const first = customSlugs.get(key);
      if (first !== undefined) {
        outcomes[index] = { ok: false, error: invalidField("slug", `"${input.slug}" is also asked for by item ${first}; slugs are unique per domain`) };
        return;
      }
      customSlugs.set(key, index);
    }
    pending.push({ index, input, slug: input.slug ?? "", id: newId() });
  });
  pending = await dropUnservedDomains(ctx.workspaceId, pending, outcomes);
  pending = await dropLoopingDestinations(pending, outcomes);
  // Random slugs are drawn once every custom slug is known, avoiding them and each other.
  const used = new Set(pending.flatMap((item) => (item.slug ? [item.slug] : [])));
  for (const item of pending) {
    if (item.slug) continue;
    item.slug = randomSlug(used);
    used.add(item.slug);
  }

  pending = await dropUnknownReferences(ctx.workspaceId, pending, outcomes);
  if (pending.length === 0) return outcomes;

  const db = getDb();
  const created: Link[] = [];
  await db.$transaction(
    async (tx) => {
      const { granted, refusal } = await reserveUpToLinkQuota(tx, ctx.workspaceId, pending.length);
      for (const item of pending.slice(granted)) outcomes[item.index] = { ok: false, error: refusal! };
      let batch = pending.slice(0, granted);
      for (let round = 0; round < RANDOM_ROUNDS && batch.length > 0; round++) {
        // In (domain, slug) order — the unique key — so two batches inserting the same slugs take
        // their locks in the same order (and wait for each other rather than deadlock).
        const key = (item: Pending) => `${item.input.domain ?? DEFAULT_DOMAIN}/${item.slug}`;
        batch.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
        const rows = await tx.link.createManyAndReturn({
          data: batch.map(({ input, slug, id }) => ({
            id,
            workspaceId: ctx.workspaceId,
            domain: input.domain ?? DEFAULT_DOMAIN,
            slug,
            url: input.url,
            creatorId: input.creatorId,
            campaignId: input.campaignId,
            tags: input.tags ?? [],
            notes: input.notes,
            expiresAt: input.expiresAt,
            maxClicks: input.maxClicks,
            expiredUrl: input.expiredUrl,
            pausedAt: input.paused ? new Date() : null,
            createdById: ctx.userId,
          })),
          skipDuplicates: true, // a taken slug is skipped, not an error that would abort the batch
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        const retry: Pending[] = [];
        for (const item of batch) {
          const link = byId.get(item.id);
          if (link) {
            outcomes[item.index] = { ok: true, link };
            created.push(link);
          } else if (item.input.slug) {
            outcomes[item.index] = { ok: false, error: slugTaken(item.slug) };
          } else {
            const slug = randomSlug(used);
            used.add(slug);
            retry.push({ ...item, slug });
          }
        }
        batch = retry;
      }
      const unlucky = new AppError("conflict", "Could not find a free random slug; try again or choose one");
      for (const item of batch) outcomes[item.index] = { ok: false, error: unlucky };
    },
    { timeout: 30_000 },
  );
  for (const link of created) invalidateLink(link.domain, link.slug); // forget a cached "unknown slug"
  return outcomes;
}

/** Items whose destination (or expired URL) is on a branded domain we serve would loop through us. */
async function dropLoopingDestinations<T extends { index: number; input: CreateLinkInput }>(items: T[], outcomes: ItemOutcome[]): Promise<T[]> {
  const looping = await servedDestinations(items.flatMap(({ input }) => (input.expiredUrl ? [input.url, input.expiredUrl] : [input.url])));
  if (looping.size === 0) return items;
  return items.filter(({ index, input }) => {
    const field = looping.has(input.url) ? "url" : input.expiredUrl && looping.has(input.expiredUrl) ? "expiredUrl" : null;
    if (field) outcomes[index] = { ok: false, error: invalidField(field, LOOP_MESSAGE) };
    return field === null;
  });
}

/** Items on a domain the workspace does not hold verified are refused (a pending domain could be anyone's). */
async function dropUnservedDomains<T extends { index: number; input: CreateLinkInput }>(workspaceId: string, items: T[], outcomes: ItemOutcome[]): Promise<T[]> {
  if (!items.some((item) => item.input.domain)) return items;
  const served = new Set(await servedHostnames(workspaceId));
  return items.filter(({ index, input }) => {
    if (!input.domain || served.has(input.domain)) return true;
    outcomes[index] = { ok: false, error: invalidField("domain", `${input.domain} is not a verified domain of this workspace; add and verify it under Settings → Domains`) };
    return false;
  });
}

/** Items naming another workspace's (or no) creator or campaign are refused; campaign tags need the plan's campaigns. */
async function dropUnknownReferences<T extends { index: number; input: CreateLinkInput }>(workspaceId: string, items: T[], outcomes: ItemOutcome[]): Promise<T[]> {
  const creatorIds = [...new Set(items.flatMap((item) => (item.input.creatorId ? [item.input.creatorId] : [])))];
  const campaignIds = [...new Set(items.flatMap((item) => (item.input.campaignId ? [item.input.campaignId] : [])))];
  const db = getDb();
  const [creators, campaigns, campaignRefusal] = await Promise.all([
    creatorIds.length ? db.creator.findMany({ where: { workspaceId, id: { in: creatorIds } }, select: { id: true } }) : [],
    campaignIds.length ? db.campaign.findMany({ where: { workspaceId, id: { in: campaignIds } }, select: { id: true } }) : [],
    campaignIds.length ? requireFeature(workspaceId, "campaigns").then(() => null, (error: unknown) => (error instanceof AppError ? error : Promise.reject(error))) : null,
  ]);
  const knownCreators = new Set(creators.map((c) => c.id));
  const knownCampaigns = new Set(campaigns.map((c) => c.id));
  return items.filter(({ index, input }) => {
    let error: AppError | null = null;
    if (input.creatorId && !knownCreators.has(input.creatorId)) error = invalidField("creatorId", "No such creator in this workspace");
    else if (input.campaignId && campaignRefusal) error = campaignRefusal;
    else if (input.campaignId && !knownCampaigns.has(input.campaignId)) error = invalidField("campaignId", "No such campaign in this workspace");
    if (error) outcomes[index] = { ok: false, error };
    return error === null;
  });
}
