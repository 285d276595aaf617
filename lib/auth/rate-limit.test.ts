import { describe, expect, it } from "vitest";
import { consumeMagicLinkAttempt, consumeSignInAttempt, consumeSignUpAttempt, recordSignInSuccess } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

async function refused(promise: Promise<unknown>): Promise<AppError | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  );
}

describe("sign-in attempt limits", () => {
  it("allows 5 attempts for an account from one address, then refuses, without blocking other accounts", async () => {
    for (let i = 0; i < 5; i++) expect(await refused(consumeSignInAttempt("a@x.test", "10.0.0.1"))).toBeNull();
    const error = await refused(consumeSignInAttempt("a@x.test", "10.0.0.1"));
    expect(error?.code).toBe("rate_limited");
    expect(error?.message).toMatch(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
    expect(await refused(consumeSignInAttempt("b@x.test", "10.0.0.1"))).toBeNull();
  });

  it("counts parallel attempts: 20 at once get at most 5 through", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => refused(consumeSignInAttempt("p@x.test", "10.0.0.9"))));
    expect(results.filter((r) => r === null)).toHaveLength(5);
  });

  it("a success clears the account's attempts from that address", async () => {
    for (let i = 0; i < 4; i++) await consumeSignInAttempt("c@x.test", "10.0.0.2");
    await recordSignInSuccess("c@x.test", "10.0.0.2");
    for (let i = 0; i < 5; i++) expect(await refused(consumeSignInAttempt("c@x.test", "10.0.0.2"))).toBeNull();
  });

  it("refuses an account tried from many addresses after 20 attempts", async () => {
    for (let i = 0; i < 20; i++) await consumeSignInAttempt("d@x.test", `10.1.0.${i}`);
    expect((await refused(consumeSignInAttempt("d@x.test", "10.1.0.99")))?.code).toBe("rate_limited");
  });

  it("refuses one address spraying many accounts after 30 attempts", async () => {
    for (let i = 0; i < 30; i++) await consumeSignInAttempt(`user${i}@x.test`, "10.0.0.3");
    expect((await refused(consumeSignInAttempt("fresh@x.test", "10.0.0.3")))?.code).toBe("rate_limited");
    expect(await refused(consumeSignInAttempt("fresh@x.test", "10.0.0.4"))).toBeNull();
  });

  it("limits sign-ups per address to 10 an hour, with Retry-After details", async () => {
    for (let i = 0; i < 10; i++) await consumeSignUpAttempt("10.0.0.5");
    const error = await refused(consumeSignUpAttempt("10.0.0.5"));
    expect(error?.code).toBe("rate_limited");
    expect(error?.details).toEqual({ retryAfterSeconds: expect.any(Number) });
  });
});

describe("sign-in e-mail limits", () => {
  it("limits e-mails to one recipient to 5 an hour whoever asks, and each address to 10", async () => {
    for (let i = 0; i < 5; i++) expect(await refused(consumeMagicLinkAttempt(`10.2.0.${i}`, "inbox@x.test"))).toBeNull();
    expect((await refused(consumeMagicLinkAttempt("10.2.0.99", "inbox@x.test")))?.code).toBe("rate_limited");
    for (let i = 0; i < 10; i++) await consumeMagicLinkAttempt("10.2.1.1", `other${i}@x.test`);
    expect((await refused(consumeMagicLinkAttempt("10.2.1.1", "fresh@x.test")))?.message).toMatch(/Too many sign-in e-mails/);
  });
});
