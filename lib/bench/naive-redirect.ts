// The naive design, as a same-run baseline for `npm run bench:redirects` (only with BENCH_CEILING
// set, like /bench-ceiling): the redirect a first version would write in this same middleware — a
// Prisma lookup of the link and a Prisma insert of its click for every request, no cache, no
// batching, no rollups — then the 302. Loaded on demand, so Prisma never enters the real path.
import { createHash, randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { NextResponse, type NextRequest } from "next/server";
import { getPool } from "@/lib/db/pool";

const KEY = Symbol.for("clickproof.benchNaivePrisma");
const globals = globalThis as typeof globalThis & { [KEY]?: PrismaClient };

/** Unscoped by design, like the real redirect: a slug alone names the link, whichever workspace holds it. */
export async function unsafeNaiveRedirect(slug: string, request: NextRequest): Promise<Response> {
  const prisma = (globals[KEY] ??= new PrismaClient({ adapter: new PrismaPg(getPool()) }));
  const link = await prisma.link.findFirst({ where: { domain: "", slug }, select: { id: true, workspaceId: true, url: true } });
  if (!link) return new NextResponse(null, { status: 404 });
  const clickId = randomBytes(16).toString("base64url");
  const visitor = createHash("sha256").update(`${request.headers.get("x-forwarded-for") ?? ""}|${request.headers.get("user-agent") ?? ""}`).digest("hex");
  await prisma.click.create({ data: { id: clickId, workspaceId: link.workspaceId, linkId: link.id, visitorHash: visitor } });
  return NextResponse.redirect(link.url, 302);
}
