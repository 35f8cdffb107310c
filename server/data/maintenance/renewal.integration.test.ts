import { describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import { errorCodeOf } from "../../api/test-support/error-code";
import { useTestDatabase } from "../../test-support/database";
import { countAuditEvents, notificationsFor, outboxFor, sessionFor, testDatabaseKinds } from "../testing";
import { prisma } from "../prisma-client";
import { issueTermInvoice } from "./issue";
import { draftRenewal, findDueRenewals } from "./renew";
import { countingPdf, eastbankId, OWNER, ownerScope } from "./test-support";
import { createContract } from "./write";

// Renewal at the notice date (drafted once; issued with the draft only when the organisation
// chose automatic issue) and one invoice per term whatever the number of concurrent issues.

async function contract(startsOn: string, feeMinor = 250_000) {
  return createContract(await ownerScope(), {
    engagementId: await eastbankId(),
    startsOn,
    feeMinor,
    termMonths: 12,
    noticeDays: 30,
    includes: "",
    clauseIds: [],
    autoRenew: true,
    releaseTagPattern: "v*",
  });
}

async function setAutoIssue(on: boolean) {
  const scope = await ownerScope();
  await prisma().organisation.update({ where: { id: scope.organisationId }, data: { renewalAutoIssue: on } });
}

const termsOf = (contractId: string) =>
  prisma().maintenanceTerm.findMany({ where: { contractId }, orderBy: { index: "asc" }, include: { invoice: true } });

describe.each(testDatabaseKinds())("maintenance renewal on %s", (kind) => {
  useTestDatabase(kind);

  it("drafts the next term once from the notice date, tells the consultants, and leaves its invoice to them", async () => {
    const created = await contract("2026-01-15");
    expect((await findDueRenewals("2026-12-15")).map((d) => d.contractId)).not.toContain(created.id);
    expect(await findDueRenewals("2026-12-16")).toContainEqual({
      organisationId: (await ownerScope()).organisationId,
      contractId: created.id,
      index: 2,
    });
    const pdf = countingPdf();
    expect(await draftRenewal(created.id, 2, "2026-12-16", pdf)).toBe(true);
    expect(await draftRenewal(created.id, 2, "2026-12-16", pdf)).toBe(false);
    // the next sweep asks for term 3 only at term 2's notice date
    expect((await findDueRenewals("2026-12-17")).map((d) => d.contractId)).not.toContain(created.id);
    const terms = await termsOf(created.id);
    expect(
      terms.map((t) => [t.index, t.startsOn.toISOString().slice(0, 10), t.endsOn.toISOString().slice(0, 10)]),
    ).toEqual([
      [1, "2026-01-15", "2027-01-14"],
      [2, "2027-01-15", "2028-01-14"],
    ]);
    expect(terms[1]!.invoiceId).toBeNull();
    expect(pdf.issued).toEqual([]);
    expect(await countAuditEvents("maintenance.renewal_drafted", terms[1]!.id)).toBe(1);
    expect((await outboxFor(OWNER)).filter((m) => m.kind === "maintenance.renewal_drafted")).toHaveLength(1);
    expect((await notificationsFor(OWNER)).filter((n) => n.kind === "maintenance_renewal_drafted")).toHaveLength(1);
  });

  it("issues the renewal's invoice with the draft when the organisation chose automatic issue", async () => {
    await setAutoIssue(true);
    try {
      const created = await contract("2026-02-01", 300_000);
      const pdf = countingPdf();
      expect(await draftRenewal(created.id, 2, "2027-01-02", pdf)).toBe(true);
      const term = (await termsOf(created.id))[1]!;
      expect(pdf.issued).toEqual([term.invoice!.number]);
      const invoice = await prisma().invoice.findUniqueOrThrow({
        where: { id: term.invoiceId! },
        include: { lines: true },
      });
      expect(invoice.lines.map((l) => [l.description, Number(l.amountMinor)])).toEqual([
        ["Maintenance term 2 (2027-02-01 – 2028-01-31)", 300_000],
      ]);
      // the engagement's 6% tax and 30 days' payment terms
      expect(Number(invoice.totalMinor)).toBe(318_000);
      expect(invoice.dueDate.toISOString().slice(0, 10)).toBe("2027-02-01");
      expect((await outboxFor(OWNER)).some((m) => m.body.includes(term.invoice!.number))).toBe(true);
    } finally {
      await setAutoIssue(false);
    }
  });

  it("invoices a term once when two issues race: one invoice, the other refused naming it", async () => {
    const created = await contract("2026-03-01");
    const termId = created.terms[0]!.id;
    const scope = await ownerScope();
    const results = await Promise.allSettled([
      issueTermInvoice(scope, termId, countingPdf()),
      issueTermInvoice(scope, termId, countingPdf()),
    ]);
    const issued = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(issued).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const number = (issued[0] as PromiseFulfilledResult<{ number: string }>).value.number;
    expect(refused[0]!.reason).toMatchObject({ code: "ALREADY_INVOICED" });
    expect(String(refused[0]!.reason.message)).toContain(number);
    const owner = createCaller({ session: await sessionFor(OWNER) });
    expect(await errorCodeOf(owner.maintenance.issueTerm({ termId }))).toBe("CONFLICT");
    const contoso = createCaller({ session: await sessionFor("owner@contoso.test") });
    expect(await errorCodeOf(contoso.maintenance.issueTerm({ termId }))).toBe("NOT_FOUND");
    expect(await prisma().invoice.count({ where: { maintenanceTerm: { id: termId } } })).toBe(1);
  });
});
