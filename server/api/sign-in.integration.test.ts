import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "../domain/login-throttle";
import { createTestDatabase, seedForTests, setUserDeactivated, testDatabaseKinds, type TestDatabase } from "../data/testing";
import { clearLoginAttempts } from "../data/users";
import { signIn } from "./sign-in";

describe.each(testDatabaseKinds())("sign-in on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
  });
  beforeEach(() => clearLoginAttempts());
  afterAll(() => db.drop());

  it("accepts the right password, case-insensitively on the email, with the user's role", async () => {
    const result = await signIn({ email: " Owner@Northwind.test ", password: "demo-password-1" }, "203.0.113.1");
    expect(result).toMatchObject({ ok: true, role: "owner" });
    expect(await signIn({ email: "approver@eastbank.test", password: "demo-password-2" }, "203.0.113.1")).toMatchObject({ ok: true, role: "approver" });
  });

  it("rejects a wrong password, an unknown account and malformed input alike", async () => {
    expect(await signIn({ email: "owner@northwind.test", password: "nope" }, "203.0.113.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: "ghost@northwind.test", password: "demo-password-1" }, "203.0.113.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn({ email: ["x"], password: 1 }, "203.0.113.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      expect(await signIn({ email: "owner@contoso.test", password: `wrong-${i}` }, `198.51.100.${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn({ email: "owner@contoso.test", password: "demo-password-3" }, "198.51.100.99")).toEqual({ ok: false, reason: "rate_limited" });
    // other accounts are unaffected
    expect(await signIn({ email: "owner@northwind.test", password: "demo-password-1" }, "198.51.100.99")).toMatchObject({ ok: true });
  });

  it("limits one address guessing across many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i += 1) {
      await signIn({ email: `guess-${i}@northwind.test`, password: "x" }, "192.0.2.50");
    }
    expect(await signIn({ email: "owner@northwind.test", password: "demo-password-1" }, "192.0.2.50")).toEqual({ ok: false, reason: "rate_limited" });
    expect(await signIn({ email: "owner@northwind.test", password: "demo-password-1" }, "192.0.2.51")).toMatchObject({ ok: true });
  });

  it("refuses a deactivated user", async () => {
    await setUserDeactivated("approver@lakeside.test", true);
    expect(await signIn({ email: "approver@lakeside.test", password: "demo-password-5" }, "203.0.113.9")).toEqual({ ok: false, reason: "invalid" });
    await setUserDeactivated("approver@lakeside.test", false);
  });
});
