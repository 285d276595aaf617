import { describe, expect, it } from "vitest";
import { checkSignInAllowed, consumeSignUpAttempt, recordSignInFailure, recordSignInSuccess } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

async function refused(promise: Promise<unknown>): Promise<AppError | null> {
  return promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  );
}

describe("sign-in attempt limits", () => {
  it("blocks an account from one address after 5 failures, without blocking other accounts", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await refused(checkSignInAllowed("a@x.test", "10.0.0.1"))).toBeNull();
      await recordSignInFailure("a@x.test", "10.0.0.1");
    }
    const error = await refused(checkSignInAllowed("a@x.test", "10.0.0.1"));
    expect(error?.code).toBe("rate_limited");
    expect(error?.message).toMatch(/Too many sign-in attempts\. Try again in \d+ minutes?\./);
    expect(await refused(checkSignInAllowed("b@x.test", "10.0.0.1"))).toBeNull();
  });

  it("blocks an account tried from many addresses after 20 failures", async () => {
    for (let i = 0; i < 20; i++) await recordSignInFailure("d@x.test", `10.1.0.${i}`);
    expect((await refused(checkSignInAllowed("d@x.test", "10.1.0.99")))?.code).toBe("rate_limited");
  });

  it("a success clears the account's failures", async () => {
    for (let i = 0; i < 4; i++) await recordSignInFailure("c@x.test", "10.0.0.2");
    await recordSignInSuccess("c@x.test", "10.0.0.2");
    for (let i = 0; i < 4; i++) await recordSignInFailure("c@x.test", "10.0.0.2");
    expect(await refused(checkSignInAllowed("c@x.test", "10.0.0.2"))).toBeNull();
  });

  it("blocks one address spraying many accounts after 30 failures", async () => {
    for (let i = 0; i < 30; i++) await recordSignInFailure(`user${i}@x.test`, "10.0.0.3");
    expect((await refused(checkSignInAllowed("fresh@x.test", "10.0.0.3")))?.code).toBe("rate_limited");
    expect(await refused(checkSignInAllowed("fresh@x.test", "10.0.0.4"))).toBeNull();
  });

  it("limits sign-ups per address to 10 an hour, with Retry-After details", async () => {
    for (let i = 0; i < 10; i++) await consumeSignUpAttempt("10.0.0.5");
    const error = await refused(consumeSignUpAttempt("10.0.0.5"));
    expect(error?.code).toBe("rate_limited");
    expect(error?.details).toEqual({ retryAfterSeconds: expect.any(Number) });
  });
});
