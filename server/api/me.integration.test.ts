import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../domain/audit";
import { loadAuditChain } from "../data/audit/chain";
import { organisationIdOf, sessionFor, setUserDeactivated, testDatabaseKinds } from "../data/testing";
import { createCaller } from "./root";
import { useTestDatabase } from "../test-support/database";

describe.each(testDatabaseKinds())("the signed-in user on %s", (kind) => {
  useTestDatabase(kind);

  it("stores a language choice with an audit event, keeping the chain intact", async () => {
    const session = await sessionFor("owner@northwind.test");
    const api = createCaller({ session });
    const organisationId = await organisationIdOf("owner@northwind.test");
    const before = await loadAuditChain(organisationId);

    expect(await api.me.setLocale({ locale: "zh-CN" })).toEqual({ locale: "zh-CN" });
    expect((await api.me.get()).locale).toBe("zh-CN");
    const after = await loadAuditChain(organisationId);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      action: "user.locale_changed",
      actorId: session.userId,
      data: { from: null, to: "zh-CN" },
    });
    expect(verifyAuditChain(after)).toEqual({ ok: true, events: after.length });

    await api.me.setLocale({ locale: null });
    expect((await api.me.get()).locale).toBeNull();
  });

  it("refuses a locale outside the catalogs", async () => {
    const api = createCaller({ session: await sessionFor("owner@northwind.test") });
    await expect(api.me.setLocale({ locale: "fr" as "en" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("stops a deactivated user's existing session at once", async () => {
    const session = await sessionFor("approver@lakeside.test");
    const api = createCaller({ session });
    expect(await api.portal.engagement.list()).toHaveLength(1);
    await setUserDeactivated("approver@lakeside.test", true);
    const error = await api.portal.engagement.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    await setUserDeactivated("approver@lakeside.test", false);
  });
});
