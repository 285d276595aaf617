// Changing a password against the real database: the current one is checked (and guessing it
// spends the sign-in budget), the rules hold, and the session version rises so older sessions end.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { refusal } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { changePassword, endAllSessions, getPasswordStatus, hasRecentEmailProof } = await import("@/lib/auth/password-change");

const OLD = "old-password-123";
const NEW = "a brand new passphrase";

async function makeUser(password: string | null) {
  const email = `${randomUUID().slice(0, 8)}@pw.test`;
  return getDb().user.create({ data: { email, passwordHash: password ? await hashPassword(password) : null } });
}

async function stored(userId: string) {
  return getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, sessionVersion: true } });
}

describe("changing a password", () => {
  beforeAll(truncateAll);

  it("with the current password: stores the new one and raises the session version", async () => {
    const user = await makeUser(OLD);
    await changePassword(user.id, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, "10.3.0.1");
    const after = await stored(user.id);
    expect(after.sessionVersion).toBe(1);
    expect(await verifyPassword(after.passwordHash!, NEW)).toBe(true);
    expect(await verifyPassword(after.passwordHash!, OLD)).toBe(false);
  });

  it("refuses a wrong or missing current password on its field, changing nothing", async () => {
    const user = await makeUser(OLD);
    const wrong = await refusal(changePassword(user.id, { currentPassword: "not-it-at-all", newPassword: NEW, confirmPassword: NEW }, "10.3.0.2"));
    expect(wrong.details).toEqual([{ path: "currentPassword", message: "This is not your current password" }]);
    const missing = await refusal(changePassword(user.id, { newPassword: NEW, confirmPassword: NEW }, "10.3.0.2"));
    expect(missing.details).toEqual([{ path: "currentPassword", message: "Type your current password" }]);
    expect((await stored(user.id)).sessionVersion).toBe(0);
  });

  it("spends the sign-in budget on wrong current passwords: the sixth guess from one address is refused", async () => {
    const user = await makeUser(OLD);
    for (let i = 0; i < 5; i++) await refusal(changePassword(user.id, { currentPassword: `guess-${i}-xxxxx`, newPassword: NEW, confirmPassword: NEW }, "10.3.0.3"));
    const limited = await refusal(changePassword(user.id, { currentPassword: OLD, newPassword: NEW, confirmPassword: NEW }, "10.3.0.3"));
    expect(limited.code).toBe("rate_limited");
    expect((await stored(user.id)).sessionVersion).toBe(0);
  });

  it("applies the password rules, each on its field", async () => {
    const user = await makeUser(OLD);
    const cases: [Record<string, string>, string, string][] = [
      [{ newPassword: "short", confirmPassword: "short" }, "newPassword", "Password needs at least 10 characters"],
      [{ newPassword: NEW, confirmPassword: `${NEW}!` }, "confirmPassword", "The two new passwords are not the same"],
      [{ newPassword: OLD, confirmPassword: OLD }, "newPassword", "Choose a password other than the current one"],
      [{ newPassword: user.email, confirmPassword: user.email }, "newPassword", "Password cannot be your e-mail address"],
      [{ newPassword: "xxxxxxxxxxxx", confirmPassword: "xxxxxxxxxxxx" }, "newPassword", "Password cannot be one character repeated"],
    ];
    for (const [fields, path, message] of cases) {
      const error = await refusal(changePassword(user.id, { currentPassword: OLD, ...fields }, "10.3.0.4"));
      expect(error.details, JSON.stringify(fields)).toEqual(expect.arrayContaining([{ path, message }]));
    }
    expect((await stored(user.id)).sessionVersion).toBe(0);
  });

  it("after an e-mail link sign-in, sets a password without the current one: a forgotten one, or an account's first", async () => {
    const forgot = await makeUser(OLD);
    await changePassword(forgot.id, { newPassword: NEW, confirmPassword: NEW }, "10.3.0.5", { emailProof: true });
    expect(await verifyPassword((await stored(forgot.id)).passwordHash!, NEW)).toBe(true);
    expect((await stored(forgot.id)).sessionVersion).toBe(1);

    const linkOnly = await makeUser(null);
    expect((await getPasswordStatus(linkOnly.id))?.hasPassword).toBe(false);
    const refused = await refusal(changePassword(linkOnly.id, { newPassword: NEW, confirmPassword: NEW }, "10.3.0.5"));
    expect(refused.code).toBe("forbidden"); // a session alone (maybe a borrowed one) cannot set it
    expect((await getPasswordStatus(linkOnly.id))?.hasPassword).toBe(false);
    await changePassword(linkOnly.id, { newPassword: NEW, confirmPassword: NEW }, "10.3.0.5", { emailProof: true });
    expect((await getPasswordStatus(linkOnly.id))?.hasPassword).toBe(true);
  });

  it("counts an e-mail link sign-in as proof for 15 minutes, and a password sign-in never", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    const at = (minutesAgo: number) => now.getTime() / 1000 - minutesAgo * 60;
    expect(hasRecentEmailProof({ signedInWith: "nodemailer", signedInAt: at(14) }, now)).toBe(true);
    expect(hasRecentEmailProof({ signedInWith: "nodemailer", signedInAt: at(16) }, now)).toBe(false);
    expect(hasRecentEmailProof({ signedInWith: "credentials", signedInAt: at(1) }, now)).toBe(false);
    expect(hasRecentEmailProof({}, now)).toBe(false);
    expect(hasRecentEmailProof(null, now)).toBe(false);
  });

  it("two changes at once: one wins, the other is told to sign in again", async () => {
    const user = await makeUser(OLD);
    const results = await Promise.allSettled([
      changePassword(user.id, { currentPassword: OLD, newPassword: `${NEW} one`, confirmPassword: `${NEW} one` }, "10.3.0.6"),
      changePassword(user.id, { currentPassword: OLD, newPassword: `${NEW} two`, confirmPassword: `${NEW} two` }, "10.3.0.7"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await stored(user.id)).sessionVersion).toBe(1);
  });

  it("ending all sessions raises the version and leaves the password", async () => {
    const user = await makeUser(OLD);
    await endAllSessions(user.id);
    const after = await stored(user.id);
    expect(after.sessionVersion).toBe(1);
    expect(await verifyPassword(after.passwordHash!, OLD)).toBe(true);
  });
});
