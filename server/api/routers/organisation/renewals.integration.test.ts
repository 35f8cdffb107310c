import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../../domain/audit";
import { loadAuditChain } from "../../../data/audit/chain";
import { organisationIdOf, sessionFor, testDatabaseKinds } from "../../../data/testing";
import { useTestDatabase } from "../../../test-support/database";
import { errorCodeOf } from "../../test-support/error-code";
import { createCaller } from "../../root";

describe.each(testDatabaseKinds())("the renewal invoice setting on %s", (kind) => {
  useTestDatabase(kind);

  it("starts off; the owner turns it on with an audit event, another organisation keeps its own", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const contoso = createCaller({ session: await sessionFor("owner@contoso.test") });
    const organisationId = await organisationIdOf("owner@northwind.test");
    expect(await owner.organisation.renewals()).toEqual({ renewalAutoIssue: false });
    const before = await loadAuditChain(organisationId);

    expect(await owner.organisation.updateRenewals({ renewalAutoIssue: true })).toEqual({ renewalAutoIssue: true });
    expect(await owner.organisation.renewals()).toEqual({ renewalAutoIssue: true });
    expect(await contoso.organisation.renewals()).toEqual({ renewalAutoIssue: false });

    const after = await loadAuditChain(organisationId);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      action: "organisation.renewal_settings_changed",
      entityId: organisationId,
      before: { renewalAutoIssue: false },
      after: { renewalAutoIssue: true },
    });
    expect(verifyAuditChain(after)).toEqual({ ok: true, events: after.length });

    await owner.organisation.updateRenewals({ renewalAutoIssue: false });
    expect(await owner.organisation.renewals()).toEqual({ renewalAutoIssue: false });
  });

  it("is not the client's to read or change, and takes only a yes or no", async () => {
    const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
    expect(await errorCodeOf(approver.organisation.renewals())).toBe("FORBIDDEN");
    expect(await errorCodeOf(approver.organisation.updateRenewals({ renewalAutoIssue: true }))).toBe("FORBIDDEN");
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    expect(
      await errorCodeOf(owner.organisation.updateRenewals({ renewalAutoIssue: "yes" as unknown as boolean })),
    ).toBe("BAD_REQUEST");
    expect(await owner.organisation.renewals()).toEqual({ renewalAutoIssue: false });
  });
});
