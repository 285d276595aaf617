// The visitor-hash salt: one per UTC day, the same for every app instance (the first to ask
// creates it), and gone the day after tomorrow — from then on a visitor hash can no longer be
// linked back to an IP address, by anyone.
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";

connectTestDatabase();
const { getPool } = await import("@/lib/db");
const { getDailySalt } = await import("@/lib/clicks/salt");

/** Another instance: its own memory (the salt is kept on globalThis). */
function forgetInProcess(): void {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("clickproof.visitorSalt")];
}

describe("the daily visitor salt", () => {
  beforeAll(truncateAll);

  it("is one random value per UTC day, shared by instances, and deleted after yesterday", async () => {
    const day = (d: string) => new Date(`${d}T12:00:00Z`);
    forgetInProcess();
    const concurrent = await Promise.all([getDailySalt(getPool(), day("2026-11-01")), (forgetInProcess(), getDailySalt(getPool(), day("2026-11-01")))]);
    expect(concurrent[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(concurrent[1]).toBe(concurrent[0]);
    forgetInProcess();
    expect(await getDailySalt(getPool(), new Date("2026-11-01T23:59:59Z"))).toBe(concurrent[0]);

    const next = await getDailySalt(getPool(), day("2026-11-02"));
    expect(next).not.toBe(concurrent[0]);
    const days = async () => (await getPool().query<{ day: string }>(`SELECT "day"::text AS day FROM "VisitorSalt" ORDER BY 1`)).rows.map((r) => r.day);
    // yesterday's is kept (late clicks of the day), tomorrow's is made ahead
    expect(await days()).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    await getDailySalt(getPool(), day("2026-11-03"));
    expect(await days()).toEqual(["2026-11-02", "2026-11-03", "2026-11-04"]);
  });

  it("crosses midnight without the database: tomorrow's salt was made ahead, the one every instance uses", async () => {
    forgetInProcess();
    await getDailySalt(getPool(), new Date("2026-11-10T23:59:00Z"));
    const away = { query: () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })) };
    const afterMidnight = await getDailySalt(away, new Date("2026-11-11T00:01:00Z"));
    const { rows } = await getPool().query<{ salt: string }>(`SELECT "salt" FROM "VisitorSalt" WHERE "day" = '2026-11-11'`);
    expect(afterMidnight).toBe(rows[0]?.salt);
    // two days on, nothing made ahead: no salt, no hash (the click is refused rather than hashed with a salt no one else has)
    await expect(getDailySalt(away, new Date("2026-11-12T00:01:00Z"))).rejects.toThrow("ECONNREFUSED");
  });
});
