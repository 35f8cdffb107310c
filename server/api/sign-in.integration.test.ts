import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { FIRST_DELAY_MS, FREE_FAILURES } from "../domain/login-throttle";
import {
  createTestDatabase,
  seedForTests,
  setUserDeactivated,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import { clearLoginAttempts, countLoginFailures } from "../data/user/sign-in";
import { signIn } from "./sign-in";

describe.each(testDatabaseKinds())("sign-in on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
  });
  beforeEach(() => clearLoginAttempts());
  afterAll(() => db.drop());

  it("accepts the right password, case-insensitively on the email, with the user's role and session epoch", async () => {
    const result = await signIn({ email: " Owner@Northwind.test ", password: "demo-password-1" }, "203.0.113.1");
    expect(result).toMatchObject({ ok: true, role: "owner", epoch: 0 });
    expect(await signIn({ email: "approver@eastbank.test", password: "demo-password-2" }, "203.0.113.1")).toMatchObject(
      { ok: true, role: "approver" },
    );
  });

  it("rejects a wrong password, an unknown account and malformed input alike", async () => {
    expect(await signIn({ email: "owner@northwind.test", password: "nope" }, "203.0.113.2")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await signIn({ email: "ghost@northwind.test", password: "demo-password-1" }, "203.0.113.2")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await signIn({ email: ["x"], password: 1 }, "203.0.113.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it(
    "delays an account after repeated failures from one address, even for the right password; other addresses and " +
      "accounts are unaffected",
    async () => {
      for (let i = 0; i < FREE_FAILURES.accountFromAddress; i += 1) {
        expect(await signIn({ email: "owner@contoso.test", password: `wrong-${i}` }, "198.51.100.7")).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      const delayed = await signIn({ email: "owner@contoso.test", password: "demo-password-3" }, "198.51.100.7");
      expect(delayed).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(delayed.ok === false && delayed.reason === "rate_limited" && delayed.retryAfterMs).toBeGreaterThan(
        FIRST_DELAY_MS - 5_000,
      );
      // the owner signing in from their own machine is not locked out by someone else's guesses
      expect(await signIn({ email: "owner@contoso.test", password: "demo-password-3" }, "198.51.100.99")).toMatchObject(
        {
          ok: true,
        },
      );
      expect(
        await signIn({ email: "owner@northwind.test", password: "demo-password-1" }, "198.51.100.7"),
      ).toMatchObject({
        ok: true,
      });
    },
  );

  it("counts every one of N simultaneous wrong passwords, and lets no more than the free ones be checked", async () => {
    const free = FREE_FAILURES.accountFromAddress;
    const answers = await Promise.all(
      Array.from({ length: free * 2 }, (_, i) =>
        signIn({ email: "approver@eastbank.test", password: `guess-${i}` }, "192.0.2.77"),
      ),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid")).toHaveLength(free);
    expect(answers.filter((a) => !a.ok && a.reason === "rate_limited")).toHaveLength(free);
    expect(await countLoginFailures("approver@eastbank.test")).toBe(free);

    await clearLoginAttempts();
    const fewer = await Promise.all(
      Array.from({ length: free - 1 }, (_, i) =>
        signIn({ email: "approver@eastbank.test", password: `guess-${i}` }, "192.0.2.78"),
      ),
    );
    expect(fewer.every((a) => !a.ok && a.reason === "invalid")).toBe(true);
    expect(await countLoginFailures("approver@eastbank.test")).toBe(free - 1);
  });

  it("limits one address guessing across many accounts", async () => {
    for (let i = 0; i < FREE_FAILURES.address; i += 1) {
      await signIn({ email: `guess-${i}@northwind.test`, password: "x" }, "192.0.2.50");
    }
    expect(await signIn({ email: "owner@northwind.test", password: "demo-password-1" }, "192.0.2.50")).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(await signIn({ email: "owner@northwind.test", password: "demo-password-1" }, "192.0.2.51")).toMatchObject({
      ok: true,
    });
  });

  it("refuses a deactivated user", async () => {
    await setUserDeactivated("approver@lakeside.test", true);
    expect(await signIn({ email: "approver@lakeside.test", password: "demo-password-5" }, "203.0.113.9")).toEqual({
      ok: false,
      reason: "invalid",
    });
    await setUserDeactivated("approver@lakeside.test", false);
  });
});
