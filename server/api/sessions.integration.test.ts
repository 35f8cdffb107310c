import { describe, expect, it } from "vitest";
import { loadAuditChain } from "../data/audit/chain";
import { organisationIdOf, sessionFor, testDatabaseKinds } from "../data/testing";
import { clearLoginAttempts, countLoginFailures } from "../data/user/sign-in";
import { useTestDatabase } from "../test-support/database";
import type { SessionClaims } from "../auth";
import { listEngagementsRest } from "./rest/engagements";
import { listInvoicesRest } from "./rest/invoices";
import { createCaller } from "./root";
import { signIn } from "./sign-in";
import { errorCodeOf } from "./test-support/error-code";

// A session stands only while the user is active and has not changed their password since it
// began: every procedure (notifications included) and every REST route checks, not just some.

const api = (session: SessionClaims) =>
  createCaller({ session, origin: "https://tollgate.example", address: "203.0.113.40" });

/** One call through each kind of guard a session meets. */
async function everyGuard(session: SessionClaims, consultant: boolean): Promise<string[]> {
  const caller = api(session);
  const calls = [
    caller.me.get(),
    caller.notification.list(),
    caller.notification.unreadCount(),
    consultant ? caller.engagement.list() : caller.portal.engagement.list(),
  ];
  const codes = await Promise.all(calls.map(errorCodeOf));
  const rest = await Promise.all([
    listEngagementsRest(session),
    listInvoicesRest(session, new Request("http://tollgate.test/api/v1/invoices")),
  ]);
  return [...codes, ...rest.map((r) => String(r.status))];
}

describe.each(testDatabaseKinds())("sessions on %s", (kind) => {
  useTestDatabase(kind);

  it(
    "a password change ends every earlier session of the user, on every procedure and route, and the new password " +
      "signs in",
    async () => {
      const before = await sessionFor("owner@contoso.test");
      const otherDevice = { ...before };
      expect(await everyGuard(otherDevice, true)).toEqual(["OK", "OK", "OK", "OK", "200", "200"]);

      expect(
        await api(before).me.changePassword({
          currentPassword: "demo-password-3",
          newPassword: "a brand new password",
        }),
      ).toEqual({ changed: true, email: "owner@contoso.test" });

      expect(await everyGuard(otherDevice, true)).toEqual([
        "UNAUTHORIZED",
        "UNAUTHORIZED",
        "UNAUTHORIZED",
        "UNAUTHORIZED",
        "401",
        "401",
      ]);
      expect(await signIn({ email: "owner@contoso.test", password: "demo-password-3" }, "203.0.113.41")).toEqual({
        ok: false,
        reason: "invalid",
      });
      const again = await signIn({ email: "owner@contoso.test", password: "a brand new password" }, "203.0.113.41");
      expect(again).toMatchObject({ ok: true, epoch: before.epoch + 1 });
      expect(await everyGuard(await sessionFor("owner@contoso.test"), true)).toEqual([
        "OK",
        "OK",
        "OK",
        "OK",
        "200",
        "200",
      ]);

      const chain = await loadAuditChain(await organisationIdOf("owner@contoso.test"));
      expect(chain.at(-1)).toMatchObject({ action: "user.password_changed", actorId: before.userId });
    },
  );

  it("refuses a wrong current password (counted like a failed sign-in) and an unchanged one, changing nothing", async () => {
    await clearLoginAttempts();
    const session = await sessionFor("approver@fabrikam.test");
    expect(
      await errorCodeOf(
        api(session).me.changePassword({ currentPassword: "not it at all", newPassword: "another long password" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await countLoginFailures("approver@fabrikam.test")).toBe(1);
    expect(
      await errorCodeOf(
        api(session).me.changePassword({ currentPassword: "demo-password-4", newPassword: "demo-password-4" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await errorCodeOf(api(session).me.changePassword({ currentPassword: "demo-password-4", newPassword: "short" })),
    ).toBe("BAD_REQUEST");
    expect(await everyGuard(session, false)).toEqual(["OK", "OK", "OK", "OK", "200", "200"]);
  });

  it("deactivating a client user ends their session everywhere, notifications included", async () => {
    const viewer = await sessionFor("viewer@eastbank.test");
    expect(await everyGuard(viewer, false)).toEqual(["OK", "OK", "OK", "OK", "200", "200"]);
    const owner = api(await sessionFor("owner@northwind.test"));
    const eastbank = (await owner.client.list()).find((c) => c.name === "Eastbank")!;
    const clientUser = (await owner.client.get({ id: eastbank.id })).users.find(
      (u) => u.email === "viewer@eastbank.test",
    )!;
    await owner.clientUser.deactivate({ id: clientUser.id });
    expect(await everyGuard(viewer, false)).toEqual([
      "UNAUTHORIZED",
      "UNAUTHORIZED",
      "UNAUTHORIZED",
      "UNAUTHORIZED",
      "401",
      "401",
    ]);
  });

  it("owners add consultants by an invitation shown once, and deactivate them; other consultants may do neither", async () => {
    const owner = api(await sessionFor("owner@northwind.test"));
    const { invitation, link } = await owner.team.invite({ email: "New.Consultant@Northwind.test" });
    expect(invitation).toMatchObject({ email: "new.consultant@northwind.test", role: "consultant", status: "pending" });
    expect(link).toMatch(/^https:\/\/tollgate\.example\/invite\/inv_[\w-]{43}$/);

    const { acceptInvitationRequest } = await import("./invitations-public");
    const accepted = await acceptInvitationRequest(
      new Request("http://tollgate.test/api/invitations/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          token: link.slice(link.lastIndexOf("/") + 1),
          name: "Nadia Consultant",
          password: "consultant password",
        }),
      }),
    );
    expect(accepted.status).toBe(200);
    const consultant = await sessionFor("new.consultant@northwind.test");
    expect(consultant.role).toBe("consultant");
    expect((await api(consultant).engagement.list()).length).toBeGreaterThan(0);
    expect((await owner.team.list()).members.find((m) => m.email === "new.consultant@northwind.test")).toMatchObject({
      role: "consultant",
      active: true,
    });

    // a consultant is not the owner: no inviting, no deactivating, no managing consultant invitations,
    // no reading the organisation's background jobs
    expect(await errorCodeOf(api(consultant).team.invite({ email: "someone@northwind.test" }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(api(consultant).job.list({ page: 1 }))).toBe("FORBIDDEN");
    expect(
      await errorCodeOf(api(consultant).team.deactivate({ userId: (await sessionFor("owner@northwind.test")).userId })),
    ).toBe("FORBIDDEN");
    // nor can the owner be deactivated by the owner
    expect(
      await errorCodeOf(owner.team.deactivate({ userId: (await sessionFor("owner@northwind.test")).userId })),
    ).toBe("FORBIDDEN");

    await owner.team.deactivate({ userId: consultant.userId });
    expect(await everyGuard(consultant, true)).toEqual([
      "UNAUTHORIZED",
      "UNAUTHORIZED",
      "UNAUTHORIZED",
      "UNAUTHORIZED",
      "401",
      "401",
    ]);
    expect(
      await signIn({ email: "new.consultant@northwind.test", password: "consultant password" }, "203.0.113.42"),
    ).toEqual({ ok: false, reason: "invalid" });
  });
});
