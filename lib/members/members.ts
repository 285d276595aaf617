// Teams: invitations, roles, removal, leaving and ownership. Every change that could affect who
// owns the workspace or how many seats are taken runs under the workspace row lock
// (lockWorkspace), so concurrent changes cannot leave a workspace without an owner or over its
// plan's seats. Who may call these at all is the permission matrix (members.manage); the rules
// here are the ones that depend on whom the change is about.
import "server-only";
import type { Prisma, Role } from "@prisma/client";
import { assertWithinLimit, lockWorkspace } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { changeRoleSchema, inviteMemberSchema, memberRefSchema } from "@/lib/members/schema";
import { addressesCanBeProven } from "@/lib/email/mailer";
import { hashSecretToken, newSecretToken, secretTokenMatches } from "@/lib/secret-token";
import { parseInput } from "@/lib/validation";
import { can, outranks, ROLES } from "@/lib/workspaces/permissions";

export const INVITATION_TTL_DAYS = 7;
const INVITATION_PREFIX = "inv_";
const PROOF_PREFIX = "ivp_";
/** How long a confirmation e-mail asked for waits after the last one (no mailbox is flooded from here). */
export const PROOF_RESEND_SECONDS = 60;
/** Confirmation e-mails one invitation may send: enough for a lost one, not a flood. */
export const MAX_PROOF_SENDS = 5;

/** Who is making the change: their user id and role in the workspace. */
export type Actor = { userId: string; role: Role };

type Tx = Prisma.TransactionClient;

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

export function invitationStatus(invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now = new Date()): InvitationStatus {
  if (invitation.revokedAt) return "revoked";
  if (invitation.acceptedAt) return "accepted";
  return invitation.expiresAt <= now ? "expired" : "pending";
}

const pendingWhere = (workspaceId: string, now: Date) => ({ workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/** Seats taken: members, plus invitations still waiting for an answer (each will need one). */
async function seatsTaken(tx: Tx, workspaceId: string, now: Date): Promise<{ members: number; pending: number }> {
  const [members, pending] = await Promise.all([
    tx.membership.count({ where: { workspaceId } }),
    tx.invitation.count({ where: pendingWhere(workspaceId, now) }),
  ]);
  return { members, pending };
}

async function ownerCount(tx: Tx, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "owner" } });
}

function assertMayGrant(actor: Actor, role: Role): void {
  if (outranks(role, actor.role)) {
    throw new AppError("forbidden", `A ${actor.role} cannot give the ${role} role; ask an owner.`);
  }
}

export function listMembers(workspaceId: string) {
  return getDb().membership.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

/** Invitations still open or recently expired (accepted and revoked ones leave the list). */
export function listOpenInvitations(workspaceId: string) {
  return getDb().invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, createdAt: true, invitedBy: { select: { email: true, name: true } } },
  });
}

/**
 * Invites an e-mail address with a role. Returns the token — the only time it exists outside
 * its hash — for the caller to e-mail or show, and the proof, which goes only into the e-mail to
 * the invited address (see acceptInvitation). Inviting the same address again replaces the
 * earlier open invitation (its link stops working).
 */
export async function inviteMember(workspaceId: string, actor: Actor, rawInput: unknown, now = new Date()) {
  const { email, role } = parseInput(inviteMemberSchema, rawInput);
  const token = newSecretToken(INVITATION_PREFIX);
  const proof = newSecretToken(PROOF_PREFIX);
  const invitation = await getDb().$transaction(async (tx) => {
    const state = await lockWorkspace(tx, workspaceId);
    assertMayGrant(await actorUnderLock(tx, workspaceId, actor), role);
    const existing = await tx.membership.findFirst({ where: { workspaceId, user: { email } }, select: { id: true } });
    if (existing) throw invalidField("email", `${email} is already a member of this workspace`);
    await tx.invitation.updateMany({ where: { ...pendingWhere(workspaceId, now), email }, data: { revokedAt: now } });
    const { members, pending } = await seatsTaken(tx, workspaceId, now);
    assertWithinLimit(state, "members", members + pending, 1, now);
    return tx.invitation.create({
      data: {
        workspaceId,
        email,
        role,
        invitedById: actor.userId,
        tokenHash: hashSecretToken(token),
        proofHash: hashSecretToken(proof),
        expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000),
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
  });
  return { invitation, token, proof };
}

/** The address an invitation was made for, with its link and the link that also proves it. */
export function invitationUrls(origin: string, token: string, proof: string): { url: string; emailUrl: string } {
  const url = `${origin}/invite/${token}`;
  return { url, emailUrl: `${url}?proof=${encodeURIComponent(proof)}` };
}

export async function revokeInvitation(workspaceId: string, actor: Actor, invitationId: string, now = new Date()): Promise<void> {
  const invitation = await getDb().invitation.findFirst({ where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null }, select: { role: true } });
  if (!invitation) throw notFound("Invitation not found");
  // Only an owner withdraws an invitation to be an owner, as only an owner can make one.
  if (outranks(invitation.role, actor.role)) throw new AppError("forbidden", `A ${actor.role} cannot withdraw an invitation for the ${invitation.role} role; ask an owner.`);
  await getDb().invitation.updateMany({ where: { id: invitationId, workspaceId, revokedAt: null, acceptedAt: null }, data: { revokedAt: now } });
}

/**
 * The invitation a token opens, with what its page shows; null for an unknown token. Unscoped by
 * design: the token is what names the workspace.
 */
export async function unsafeFindInvitationByToken(token: string, now = new Date()) {
  if (!token.startsWith(INVITATION_PREFIX) || token.length > 100) return null;
  const invitation = await getDb().invitation.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      proofHash: true,
      proofSentAt: true,
      workspace: { select: { id: true, name: true, slug: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  return invitation ? { ...invitation, status: invitationStatus(invitation, now) } : null;
}

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof unsafeFindInvitationByToken>>>;

/** Whether a proof is the one last e-mailed for this invitation. */
export function invitationProofMatches(invitation: Pick<FoundInvitation, "proofHash">, proof: string | null | undefined): boolean {
  return Boolean(proof && invitation.proofHash && proof.startsWith(PROOF_PREFIX) && proof.length <= 100 && secretTokenMatches(proof, invitation.proofHash));
}

/**
 * What accepting needs from this account: nothing more ("ready"), or a proof that the invited
 * address is theirs ("confirm_address"). A copied link is a secret anyone it was pasted to holds,
 * and anyone can create an account with any address; so an account whose address is not yet
 * verified joins only with the proof that travelled by e-mail to that address. A server that
 * cannot send e-mail cannot prove addresses at all: there the link the inviter handed over is the
 * only proof (docs/security.md).
 */
export function acceptRequirement(user: { emailVerified: Date | null }, invitation: Pick<FoundInvitation, "proofHash">, proof: string | null | undefined): "ready" | "confirm_address" {
  if (user.emailVerified || invitationProofMatches(invitation, proof) || !addressesCanBeProven()) return "ready";
  return "confirm_address";
}

export const CONFIRM_ADDRESS_MESSAGE = (email: string) =>
  `Confirm that ${email} is yours before joining: open the invitation from your e-mail, or ask for a confirmation link below.`;

/**
 * Accepts an invitation for the signed-in user, whose e-mail must be the invited one, proven (see
 * acceptRequirement). Accepting with the e-mailed proof marks the address verified. Joins the
 * workspace with the invited role (someone already a member keeps their role) and returns its slug.
 */
export async function acceptInvitation(token: string, userId: string, options: { proof?: string | null; now?: Date } = {}): Promise<{ slug: string }> {
  const now = options.now ?? new Date();
  const found = await unsafeFindInvitationByToken(token, now);
  if (!found) throw notFound("This invitation link is not valid. Ask for a new one.");
  // the account as stored now, not as a session remembers it
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerified: true } });
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  if (!user.email || user.email.toLowerCase() !== found.email) {
    throw new AppError("forbidden", `This invitation is for ${found.email}. Sign in with that address to accept it.`);
  }
  const workspaceId = found.workspace.id;
  await getDb().$transaction(async (tx) => {
    const state = await lockWorkspace(tx, workspaceId);
    // Read again under the lock: a concurrent accept, revoke, expiry or new proof decides first.
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: found.id }, select: { role: true, expiresAt: true, acceptedAt: true, revokedAt: true, invitedById: true, proofHash: true } });
    const status = invitationStatus(invitation, now);
    if (status === "accepted") throw new AppError("conflict", "This invitation has already been used.");
    if (status === "revoked") throw notFound("This invitation was withdrawn. Ask for a new one.");
    if (status === "expired") throw new AppError("conflict", "This invitation has expired. Ask for a new one.");
    if (acceptRequirement(user, invitation, options.proof) === "confirm_address") throw new AppError("forbidden", CONFIRM_ADDRESS_MESSAGE(found.email));
    // The invitation is only as good as its sender is now: one sent by someone who has since left,
    // or lost the right to give that role, no longer opens the door.
    const inviter = invitation.invitedById
      ? await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: invitation.invitedById } }, select: { role: true } })
      : null;
    if (!inviter || !can(inviter.role, "members.manage") || outranks(invitation.role, inviter.role)) {
      throw new AppError("conflict", "Whoever sent this invitation can no longer give this role. Ask the workspace's owner for a new one.");
    }
    const already = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: user.id } }, select: { id: true } });
    if (!already) {
      // The seat was counted when the invitation was made; a downgrade since then is checked here.
      assertWithinLimit(state, "members", await tx.membership.count({ where: { workspaceId } }), 1, now);
      await tx.membership.create({ data: { workspaceId, userId: user.id, role: invitation.role } });
    }
    if (!user.emailVerified && invitationProofMatches(invitation, options.proof)) {
      // the proof reached the invited mailbox and came back: the address is theirs
      await tx.user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: now } });
    }
    await tx.invitation.update({ where: { id: found.id }, data: { acceptedAt: now } });
  });
  return { slug: found.workspace.slug };
}

/**
 * A new proof for the signed-in account the invitation is for, to e-mail to the invited address
 * (it replaces the one sent before). Refused within PROOF_RESEND_SECONDS of the last one, and
 * when there is nothing to prove.
 */
export async function issueInvitationProof(token: string, userId: string, now = new Date()): Promise<{ proof: string; invitation: FoundInvitation }> {
  const found = await unsafeFindInvitationByToken(token, now);
  if (!found || found.status === "revoked") throw notFound("This invitation link is not valid. Ask for a new one.");
  if (found.status !== "pending") throw new AppError("conflict", found.status === "accepted" ? "This invitation has already been used." : "This invitation has expired. Ask for a new one.");
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  if (!user?.email || user.email.toLowerCase() !== found.email) {
    throw new AppError("forbidden", `This invitation is for ${found.email}. Sign in with that address to accept it.`);
  }
  if (!addressesCanBeProven()) throw new AppError("conflict", "This server sends no e-mail: accept the invitation with the link you were given.");
  const proof = newSecretToken(PROOF_PREFIX);
  // one writer wins the minute: the conditions and the write are one statement
  const { count } = await getDb().invitation.updateMany({
    where: {
      id: found.id,
      acceptedAt: null,
      revokedAt: null,
      proofSends: { lt: MAX_PROOF_SENDS },
      OR: [{ proofSentAt: null }, { proofSentAt: { lte: new Date(now.getTime() - PROOF_RESEND_SECONDS * 1000) } }],
    },
    data: { proofHash: hashSecretToken(proof), proofSentAt: now, proofSends: { increment: 1 } },
  });
  if (count === 0) {
    const sends = (await getDb().invitation.findUnique({ where: { id: found.id }, select: { proofSends: true } }))?.proofSends ?? 0;
    if (sends >= MAX_PROOF_SENDS) throw new AppError("rate_limited", `${MAX_PROOF_SENDS} confirmation e-mails were sent for this invitation: ask whoever invited you for a new one.`);
    throw new AppError("rate_limited", "A confirmation e-mail was sent less than a minute ago: check your inbox, or try again in a minute.");
  }
  return { proof, invitation: found };
}

/**
 * The actor's role as it is now, read under the workspace lock: a role read before the lock could
 * be one the actor has just lost (an owner demoted at this very moment cannot still promote).
 */
async function actorUnderLock(tx: Tx, workspaceId: string, actor: Actor, needsManage = true): Promise<Actor> {
  const current = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId: actor.userId } }, select: { role: true } });
  if (!current) throw notFound("Workspace not found");
  if (needsManage && !can(current.role, "members.manage")) throw new AppError("forbidden", `Your role (${current.role}) cannot manage members.`);
  return { userId: actor.userId, role: current.role };
}

async function targetMembership(tx: Tx, workspaceId: string, userId: string) {
  const membership = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true, role: true } });
  if (!membership) throw notFound("Member not found");
  return membership;
}

function assertMayManage(actor: Actor, target: Role, verb: string): void {
  // Admins manage admins, members and viewers; only an owner changes an owner.
  if (outranks(target, actor.role)) throw new AppError("forbidden", `A ${actor.role} cannot ${verb} an ${target}; ask an owner.`);
}

const LAST_OWNER = "A workspace always keeps an owner: make another member owner first.";

export async function changeMemberRole(workspaceId: string, actor: Actor, userId: string, rawInput: unknown): Promise<Role> {
  const { role } = parseInput(changeRoleSchema, rawInput);
  await getDb().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const current = await actorUnderLock(tx, workspaceId, actor);
    assertMayGrant(current, role);
    const target = await targetMembership(tx, workspaceId, userId);
    assertMayManage(current, target.role, "change the role of");
    if (target.role === "owner" && role !== "owner" && (await ownerCount(tx, workspaceId)) <= 1) throw invalidField("role", LAST_OWNER);
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    // Their open invitations for roles above the new one stop working with the demotion.
    await tx.invitation.updateMany({
      where: { workspaceId, invitedById: userId, acceptedAt: null, revokedAt: null, role: { in: ROLES.filter((r) => outranks(r, role)) } },
      data: { revokedAt: new Date() },
    });
  });
  return role;
}

/** Removes a member (or, with the actor's own id, leaves). Their API keys are revoked with them. */
export async function removeMember(workspaceId: string, actor: Actor, userId: string, now = new Date()): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const self = userId === actor.userId;
    const current = await actorUnderLock(tx, workspaceId, actor, !self);
    const target = await targetMembership(tx, workspaceId, userId);
    if (!self) assertMayManage(current, target.role, "remove");
    if (target.role === "owner" && (await ownerCount(tx, workspaceId)) <= 1) {
      throw new AppError("conflict", userId === actor.userId ? "You are the only owner: transfer ownership before leaving." : LAST_OWNER);
    }
    await tx.membership.delete({ where: { id: target.id } });
    // What they could do with the workspace leaves with them: their keys and open invitations.
    await tx.apiKey.updateMany({ where: { workspaceId, createdById: userId, revokedAt: null }, data: { revokedAt: now } });
    await tx.invitation.updateMany({ where: { workspaceId, invitedById: userId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
  });
}

export function leaveWorkspace(workspaceId: string, actor: Actor): Promise<void> {
  return removeMember(workspaceId, actor, actor.userId);
}

/** An owner hands ownership to another member and stays on as an admin. */
export async function transferOwnership(workspaceId: string, actor: Actor, rawInput: unknown): Promise<void> {
  const { userId: toUserId } = parseInput(memberRefSchema, rawInput);
  if (actor.role !== "owner") throw new AppError("forbidden", "Only an owner can transfer ownership.");
  if (toUserId === actor.userId) throw invalidField("userId", "Choose another member to transfer ownership to");
  await getDb().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const self = await targetMembership(tx, workspaceId, actor.userId);
    if (self.role !== "owner") throw new AppError("forbidden", "Only an owner can transfer ownership.");
    const target = await targetMembership(tx, workspaceId, toUserId);
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await tx.membership.update({ where: { id: self.id }, data: { role: "admin" } });
  });
}
