// Teams on the real database: invitations (seats, expiry, single use, the invited e-mail only),
// role changes and removals by rank, the last owner kept under concurrency, keys follow their
// creator's membership.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@prisma/client";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, refusal } from "@/lib/testing/fixtures";

connectTestDatabase();
const members = await import("@/lib/members/members");
const { getDb } = await import("@/lib/db");
const { hashSecretToken } = await import("@/lib/secret-token");
const { resetEnvForTests } = await import("@/lib/env");
const links = await import("@/app/api/v1/links/route");

const db = () => getDb();
const noParams = { params: Promise.resolve({}) };

async function addMember(workspaceId: string, email: string, role: Role) {
  const user = await db().user.create({ data: { email } });
  await db().membership.create({ data: { workspaceId, userId: user.id, role } });
  return { userId: user.id, email, role };
}

async function roleOf(workspaceId: string, userId: string) {
  return (await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;
}

describe("teams", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let owner: import("@/lib/members/members").Actor;

  beforeEach(async () => {
    await truncateAll();
    ws = await makeWorkspace("Team Brand", "team");
    owner = { userId: ws.user.id, role: "owner" };
  });

  describe("invitations", () => {
    it("invites by e-mail with a role; the token is stored only as its hash; accepting joins with that role, once", async () => {
      const { invitation, token, proof } = await members.inviteMember(ws.workspace.id, owner, { email: " Sam@Brand.TEST ", role: "viewer" });
      expect(invitation).toMatchObject({ email: "sam@brand.test", role: "viewer" });
      const stored = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id }, omit: { tokenHash: false, proofHash: false } });
      expect(stored.tokenHash).toBe(hashSecretToken(token));
      expect(stored.proofHash).toBe(hashSecretToken(proof));
      expect(JSON.stringify(stored)).not.toContain(proof);
      expect(JSON.stringify(stored)).not.toContain(token);

      const sam = await db().user.create({ data: { email: "sam@brand.test" } });
      expect(await members.acceptInvitation(token, sam.id)).toEqual({ slug: ws.workspace.slug });
      expect(await roleOf(ws.workspace.id, sam.id)).toBe("viewer");
      expect((await refusal(members.acceptInvitation(token, sam.id))).message).toMatch(/already been used/);
      expect(await db().membership.count({ where: { workspaceId: ws.workspace.id } })).toBe(2);
    });

    it("only the invited e-mail can accept it; an unknown or malformed token is not found", async () => {
      const { token } = await members.inviteMember(ws.workspace.id, owner, { email: "sam@brand.test", role: "member" });
      const other = await db().user.create({ data: { email: "someone@else.test" } });
      const wrong = await refusal(members.acceptInvitation(token, other.id));
      expect(wrong.code).toBe("forbidden");
      expect(wrong.message).toContain("sam@brand.test");
      expect(await roleOf(ws.workspace.id, other.id)).toBeNull();
      expect((await refusal(members.acceptInvitation("inv_nope", other.id))).code).toBe("not_found");
      expect(await members.unsafeFindInvitationByToken("x".repeat(500))).toBeNull();
    });

    it("expires after seven days; a revoked or replaced invitation no longer works", async () => {
      const sent = new Date("2026-11-01T12:00:00Z");
      const { token } = await members.inviteMember(ws.workspace.id, owner, { email: "late@brand.test", role: "member" }, sent);
      const late = await db().user.create({ data: { email: "late@brand.test" } });
      const expired = await refusal(members.acceptInvitation(token, late.id, { now: new Date("2026-11-08T12:00:01Z") }));
      expect(expired.message).toMatch(/expired/);
      expect((await members.unsafeFindInvitationByToken(token, new Date("2026-11-08T12:00:01Z")))?.status).toBe("expired");

      const first = await members.inviteMember(ws.workspace.id, owner, { email: "twice@brand.test", role: "member" });
      const second = await members.inviteMember(ws.workspace.id, owner, { email: "twice@brand.test", role: "admin" });
      const twice = await db().user.create({ data: { email: "twice@brand.test" } });
      expect((await refusal(members.acceptInvitation(first.token, twice.id))).code).toBe("not_found");
      await members.acceptInvitation(second.token, twice.id);
      expect(await roleOf(ws.workspace.id, twice.id)).toBe("admin");

      const third = await members.inviteMember(ws.workspace.id, owner, { email: "gone@brand.test", role: "member" });
      await members.revokeInvitation(ws.workspace.id, owner, third.invitation.id);
      const gone = await db().user.create({ data: { email: "gone@brand.test" } });
      expect((await refusal(members.acceptInvitation(third.token, gone.id))).code).toBe("not_found");
    });

    it("refuses bad input with field paths, existing members, and roles above the inviter's", async () => {
      const bad = await refusal(members.inviteMember(ws.workspace.id, owner, { email: "not-an-email", role: "boss" }));
      expect(bad.code).toBe("invalid_input");
      expect((bad.details as { path: string }[]).map((d) => d.path).sort()).toEqual(["email", "role"]);
      const member = await refusal(members.inviteMember(ws.workspace.id, owner, { email: ws.user.email, role: "member" }));
      expect(member.details).toEqual([{ path: "email", message: `${ws.user.email} is already a member of this workspace` }]);
      const admin = await addMember(ws.workspace.id, "admin@brand.test", "admin");
      expect((await refusal(members.inviteMember(ws.workspace.id, admin, { email: "boss@brand.test", role: "owner" }))).code).toBe("forbidden");
      expect((await members.inviteMember(ws.workspace.id, admin, { email: "peer@brand.test", role: "admin" })).invitation.role).toBe("admin");
      expect(await db().invitation.count()).toBe(1);
    });

    it("counts members and open invitations against the plan's seats, exactly under concurrency", async () => {
      // Team: 10 seats, 1 taken by the owner. Twelve simultaneous invitations: nine fit.
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => members.inviteMember(ws.workspace.id, owner, { email: `p${i}@brand.test`, role: "member" })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(9);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ code: "limit_reached", details: { limit: "members", allowed: 10, used: 10 } });

      // A single-seat plan refuses every invitation and says which plan allows more.
      const single = await makeWorkspace("Solo", "single");
      const solo = await refusal(members.inviteMember(single.workspace.id, { userId: single.user.id, role: "owner" }, { email: "a@b.test", role: "member" }));
      expect(solo).toMatchObject({ code: "limit_reached", details: { limit: "members", allowed: 1, requiredPlan: "team" } });
    });

    it("an invitation made before a downgrade cannot be accepted past the new seat limit", async () => {
      const { token } = await members.inviteMember(ws.workspace.id, owner, { email: "sam@brand.test", role: "member" });
      await db().workspace.update({ where: { id: ws.workspace.id }, data: { plan: "single" } });
      const sam = await db().user.create({ data: { email: "sam@brand.test" } });
      expect((await refusal(members.acceptInvitation(token, sam.id))).code).toBe("limit_reached");
      expect(await roleOf(ws.workspace.id, sam.id)).toBeNull();
    });

    it("an invitation is only as good as its sender now: removed or demoted, their invitations stop working", async () => {
      const admin = await addMember(ws.workspace.id, "admin@brand.test", "admin");
      const fromAdmin = await members.inviteMember(ws.workspace.id, admin, { email: "friend@brand.test", role: "admin" });
      const alsoFromAdmin = await members.inviteMember(ws.workspace.id, admin, { email: "viewer@brand.test", role: "viewer" });
      // Demoted to member: the admin invitation above their new role is withdrawn; they cannot manage members at all now.
      await members.changeMemberRole(ws.workspace.id, owner, admin.userId, { role: "member" });
      const friend = await db().user.create({ data: { email: "friend@brand.test" } });
      expect((await refusal(members.acceptInvitation(fromAdmin.token, friend.id))).code).toBe("not_found");
      const viewer = await db().user.create({ data: { email: "viewer@brand.test" } });
      const stale = await refusal(members.acceptInvitation(alsoFromAdmin.token, viewer.id));
      expect(stale.message).toMatch(/can no longer give this role/);

      // Removed: every open invitation they sent is withdrawn.
      const admin2 = await addMember(ws.workspace.id, "admin2@brand.test", "admin");
      const backdoor = await members.inviteMember(ws.workspace.id, admin2, { email: "admin2+alt@brand.test", role: "admin" });
      await members.removeMember(ws.workspace.id, owner, admin2.userId);
      const alt = await db().user.create({ data: { email: "admin2+alt@brand.test" } });
      expect((await refusal(members.acceptInvitation(backdoor.token, alt.id))).code).toBe("not_found");
      expect(await roleOf(ws.workspace.id, alt.id)).toBeNull();
    });

    describe("with e-mail on the server, the invited address is proven before it joins", () => {
      // a reachable SMTP server is not needed: these are the rules, not the sending
      beforeEach(() => {
        process.env.SMTP_URL = "smtp://127.0.0.1:9";
        resetEnvForTests();
      });
      afterEach(() => {
        delete process.env.SMTP_URL;
        resetEnvForTests();
      });

      it("an unverified account cannot join by the copied link; with the e-mailed proof it joins and its address is verified", async () => {
        const { token, proof } = await members.inviteMember(ws.workspace.id, owner, { email: "sam@brand.test", role: "member" });
        // anyone may create an account with the address; holding the link proves nothing about it
        const sam = await db().user.create({ data: { email: "sam@brand.test", passwordHash: "x" } });
        const copied = await refusal(members.acceptInvitation(token, sam.id));
        expect(copied.code).toBe("forbidden");
        expect(copied.message).toMatch(/Confirm that sam@brand.test is yours/);
        expect((await refusal(members.acceptInvitation(token, sam.id, { proof: "ivp_forged" }))).code).toBe("forbidden");
        expect(await roleOf(ws.workspace.id, sam.id)).toBeNull();

        await members.acceptInvitation(token, sam.id, { proof });
        expect(await roleOf(ws.workspace.id, sam.id)).toBe("member");
        expect((await db().user.findUniqueOrThrow({ where: { id: sam.id } })).emailVerified).toBeInstanceOf(Date);
      });

      it("an account whose address is already verified joins by the copied link", async () => {
        const { token } = await members.inviteMember(ws.workspace.id, owner, { email: "ver@brand.test", role: "viewer" });
        const verified = await db().user.create({ data: { email: "ver@brand.test", emailVerified: new Date() } });
        await members.acceptInvitation(token, verified.id);
        expect(await roleOf(ws.workspace.id, verified.id)).toBe("viewer");
      });

      it("a confirmation asked for replaces the proof, at most once a minute, only for the invited account", async () => {
        const sent = new Date("2026-12-08T10:00:00Z");
        const { token, proof: first } = await members.inviteMember(ws.workspace.id, owner, { email: "sam@brand.test", role: "member" }, sent);
        const sam = await db().user.create({ data: { email: "sam@brand.test" } });
        const other = await db().user.create({ data: { email: "other@brand.test" } });
        expect((await refusal(members.issueInvitationProof(token, other.id, new Date("2026-12-08T10:05:00Z")))).code).toBe("forbidden");
        const again = await members.issueInvitationProof(token, sam.id, new Date("2026-12-08T10:00:30Z"));
        // another within the minute is refused
        expect((await refusal(members.issueInvitationProof(token, sam.id, new Date("2026-12-08T10:01:00Z")))).code).toBe("rate_limited");
        // two asking at once: one proof is made
        const racing = await Promise.allSettled([0, 1].map(() => members.issueInvitationProof(token, sam.id, new Date("2026-12-08T10:03:00Z"))));
        expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const latest = (racing.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ proof: string }>).value.proof;
        // only the newest proof works
        for (const stale of [first, again.proof]) expect((await refusal(members.acceptInvitation(token, sam.id, { proof: stale, now: new Date("2026-12-08T10:04:00Z") }))).code).toBe("forbidden");
        await members.acceptInvitation(token, sam.id, { proof: latest, now: new Date("2026-12-08T10:04:00Z") });
        expect(await roleOf(ws.workspace.id, sam.id)).toBe("member");
        expect((await refusal(members.issueInvitationProof(token, sam.id, new Date("2026-12-08T10:10:00Z")))).code).toBe("conflict");
      });

      it("sends a few confirmations per invitation at most, a minute apart", async () => {
        const { token } = await members.inviteMember(ws.workspace.id, owner, { email: "many@brand.test", role: "member" });
        const many = await db().user.create({ data: { email: "many@brand.test" } });
        const minute = (n: number) => new Date(Date.UTC(2026, 11, 8, 11, n * 2));
        for (let n = 0; n < members.MAX_PROOF_SENDS; n++) await members.issueInvitationProof(token, many.id, minute(n));
        const capped = await refusal(members.issueInvitationProof(token, many.id, minute(members.MAX_PROOF_SENDS + 1)));
        expect(capped.code).toBe("rate_limited");
        expect(capped.message).toMatch(/ask whoever invited you for a new one/);
      });
    });

    it("without e-mail on the server no address can be proven: the link the inviter handed over is the proof", async () => {
      const { token } = await members.inviteMember(ws.workspace.id, owner, { email: "sam@brand.test", role: "member" });
      const sam = await db().user.create({ data: { email: "sam@brand.test" } });
      expect((await refusal(members.issueInvitationProof(token, sam.id))).code).toBe("conflict");
      await members.acceptInvitation(token, sam.id);
      expect(await roleOf(ws.workspace.id, sam.id)).toBe("member");
      expect((await db().user.findUniqueOrThrow({ where: { id: sam.id } })).emailVerified).toBeNull();
    });

    it("only an owner withdraws an invitation to be an owner", async () => {
      const admin = await addMember(ws.workspace.id, "admin@brand.test", "admin");
      const { invitation } = await members.inviteMember(ws.workspace.id, owner, { email: "co-owner@brand.test", role: "owner" });
      expect((await refusal(members.revokeInvitation(ws.workspace.id, admin, invitation.id))).code).toBe("forbidden");
      await members.revokeInvitation(ws.workspace.id, owner, invitation.id);
      expect((await refusal(members.revokeInvitation(ws.workspace.id, owner, invitation.id))).code).toBe("not_found");
    });
  });

  describe("roles, removal, leaving, ownership", () => {
    it("acts on the actor's role as it is now, not as it was when the request began", async () => {
      const accomplice = await addMember(ws.workspace.id, "accomplice@brand.test", "member");
      const demoted = await addMember(ws.workspace.id, "was-owner@brand.test", "member");
      // The request still believes it is an owner's; the database says member.
      const staleOwner = { userId: demoted.userId, role: "owner" as const };
      expect((await refusal(members.changeMemberRole(ws.workspace.id, staleOwner, accomplice.userId, { role: "owner" }))).code).toBe("forbidden");
      expect((await refusal(members.removeMember(ws.workspace.id, staleOwner, owner.userId))).code).toBe("forbidden");
      expect((await refusal(members.inviteMember(ws.workspace.id, staleOwner, { email: "x@brand.test", role: "owner" }))).code).toBe("forbidden");
      expect(await roleOf(ws.workspace.id, accomplice.userId)).toBe("member");
    });

    it("admins manage admins, members and viewers but never owners; only owners grant owner", async () => {
      const admin = await addMember(ws.workspace.id, "admin@brand.test", "admin");
      const member = await addMember(ws.workspace.id, "member@brand.test", "member");
      expect(await members.changeMemberRole(ws.workspace.id, admin, member.userId, { role: "viewer" })).toBe("viewer");
      expect((await refusal(members.changeMemberRole(ws.workspace.id, admin, member.userId, { role: "owner" }))).code).toBe("forbidden");
      expect((await refusal(members.changeMemberRole(ws.workspace.id, admin, owner.userId, { role: "viewer" }))).code).toBe("forbidden");
      expect((await refusal(members.removeMember(ws.workspace.id, admin, owner.userId))).code).toBe("forbidden");
      expect(await roleOf(ws.workspace.id, owner.userId)).toBe("owner");
      expect((await refusal(members.changeMemberRole(ws.workspace.id, owner, member.userId, { role: "chief" }))).details).toEqual([
        { path: "role", message: "Choose a role: owner, admin, member or viewer" },
      ]);
      await members.removeMember(ws.workspace.id, admin, member.userId);
      expect(await roleOf(ws.workspace.id, member.userId)).toBeNull();
      expect((await refusal(members.removeMember(ws.workspace.id, admin, member.userId))).code).toBe("not_found");
    });

    it("a workspace always keeps an owner: the last one cannot be demoted, removed or leave", async () => {
      const demote = await refusal(members.changeMemberRole(ws.workspace.id, owner, owner.userId, { role: "admin" }));
      expect(demote.details).toEqual([{ path: "role", message: "A workspace always keeps an owner: make another member owner first." }]);
      expect((await refusal(members.leaveWorkspace(ws.workspace.id, owner))).message).toBe("You are the only owner: transfer ownership before leaving.");

      // Two owners demoting each other at the same moment: one wins, one owner remains.
      const second = await addMember(ws.workspace.id, "second@brand.test", "owner");
      await Promise.allSettled([
        members.changeMemberRole(ws.workspace.id, owner, second.userId, { role: "member" }),
        members.changeMemberRole(ws.workspace.id, second, owner.userId, { role: "member" }),
      ]);
      expect(await db().membership.count({ where: { workspaceId: ws.workspace.id, role: "owner" } })).toBe(1);
    });

    it("transfers ownership: the new owner in, the old one an admin; then the old one may leave", async () => {
      const member = await addMember(ws.workspace.id, "heir@brand.test", "member");
      const admin = await addMember(ws.workspace.id, "admin@brand.test", "admin");
      expect((await refusal(members.transferOwnership(ws.workspace.id, admin, { userId: member.userId }))).code).toBe("forbidden");
      expect((await refusal(members.transferOwnership(ws.workspace.id, owner, { userId: "" }))).details).toEqual([{ path: "userId", message: "Choose a member" }]);
      await members.transferOwnership(ws.workspace.id, owner, { userId: member.userId });
      expect(await roleOf(ws.workspace.id, member.userId)).toBe("owner");
      expect(await roleOf(ws.workspace.id, owner.userId)).toBe("admin");
      await members.leaveWorkspace(ws.workspace.id, { userId: owner.userId, role: "admin" });
      expect(await roleOf(ws.workspace.id, owner.userId)).toBeNull();
    });

    it("API keys act with their creator's current role (capped at member) and stop when the creator leaves", async () => {
      const memberUser = await addMember(ws.workspace.id, "dev@brand.test", "member");
      const { createApiKey } = await import("@/lib/api-keys/queries");
      const { key } = await createApiKey(ws.workspace.id, memberUser.userId, { name: "checkout", scopes: ["links:write"] });
      const create = () =>
        links.POST(
          new Request("http://localhost:3000/api/v1/links", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.com/" }) }),
          noParams,
        );
      expect((await create()).status).toBe(201);
      await members.changeMemberRole(ws.workspace.id, owner, memberUser.userId, { role: "viewer" });
      expect((await create()).status).toBe(403);
      // The owner's own key still acts as a member, never as an owner.
      expect((await links.POST(new Request("http://localhost:3000/api/v1/links", { method: "POST", headers: { authorization: `Bearer ${ws.apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.com/o" }) }), noParams)).status).toBe(201);
      await members.removeMember(ws.workspace.id, owner, memberUser.userId);
      expect((await create()).status).toBe(401);
      // A key whose creator's account is gone acts for no one.
      await db().apiKey.updateMany({ where: { workspaceId: ws.workspace.id, createdById: owner.userId }, data: { createdById: null } });
      expect((await links.POST(new Request("http://localhost:3000/api/v1/links", { method: "POST", headers: { authorization: `Bearer ${ws.apiKey}`, "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.com/x" }) }), noParams)).status).toBe(401);
      expect((await db().apiKey.findFirstOrThrow({ where: { createdById: memberUser.userId } })).revokedAt).not.toBeNull();
      expect(await db().link.count({ where: { workspaceId: ws.workspace.id } })).toBe(2);
    });
  });
});
