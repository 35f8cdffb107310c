import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import {
  attachVerifiedEvidence,
  clientUserIdOf,
  createNotificationFor,
  createTestDatabase,
  evidenceIdOf,
  databaseFingerprint,
  idOf,
  seedForTests,
  sessionFor,
  setEngagementHidesAmounts,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import type { SessionClaims } from "../auth";
import { createApiToken } from "../data/organisation/api-tokens";
import { inviteClientUser } from "../data/invitation/issue";
import { resolveOrgScope } from "../data/scope";
import { downloadEvidence } from "./rest/evidence-download";
import { uploadEvidence } from "./rest/evidence-upload";
import { approvalLogResponse } from "./rest/approval-log";
import { importAdrsRest } from "./rest/adr-import";
import { adrPdfRest } from "./rest/adr-pdf";
import { exportAdrsRest, listAdrsRest } from "./rest/adrs";
import { postAttestationRest } from "./rest/attestations";
import { benchmarkReportResponse } from "./rest/benchmark-report";
import { objectivesRest } from "./rest/objectives";
import { getEngagementRest } from "./rest/engagements";
import { invoicePdfRest, listInvoicesRest } from "./rest/invoices";
import { postSlaMeasurements } from "./rest/sla-measurements";
import { createSlaClauseRest, listSlaClausesRest, slaComplianceRest } from "./rest/sla";
import { slaOpenSloRest, slaReportRest } from "./rest/sla-documents";
import { roiReportPdfRest, roiRest } from "./rest/roi";
import { postTransitionRest } from "./rest/transitions";
import { errorCodeOf } from "./test-support/error-code";
import { createCaller } from "./root";
import { approvedMilestone } from "./test-support/invoicing";
import {
  EXAMPLE_PACKAGE_FIELDS,
  exampleProposalDraft,
  EXAMPLE_SLA_TERMS,
  EXAMPLE_METER,
  callProcedure,
  listProcedures,
  sampleInput,
} from "./test-support/procedures";

const EASTBANK_ENGAGEMENT = "Financial-grade blockchain data synchroniser — private deployment";

const procedures = listProcedures();

describe.each(testDatabaseKinds())("procedure access on %s", (kind) => {
  let db: TestDatabase;
  let victimIds: Record<string, string>;
  let sessions: Record<
    "northwindOwner" | "contosoOwner" | "eastbankApprover" | "eastbankViewer" | "lakesideApprover" | "fabrikamApprover",
    SessionClaims
  >;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    victimIds = {
      engagement: await idOf("engagement", { title: EASTBANK_ENGAGEMENT }),
      milestone: await idOf("milestone", { title: EASTBANK_ENGAGEMENT, key: "review" }),
      client: await idOf("client", { name: "Eastbank" }),
    };
    const northwind = await resolveOrgScope((await sessionFor("owner@northwind.test")).userId);
    victimIds.apiToken = (await createApiToken(northwind!, victimIds.engagement!, "victim pipeline"))!.view.id;
    victimIds.evidence = await evidenceIdOf(
      await attachVerifiedEvidence("owner@northwind.test", victimIds.milestone!, "lcov", "pass"),
    );
    const invited = await inviteClientUser(
      northwind!,
      { clientId: victimIds.client!, email: "victim-invitee@eastbank.test", role: "viewer" },
      { origin: "http://localhost", smtpConfigured: false },
    );
    victimIds.invitation = invited.invitation.id;
    victimIds.user = (await sessionFor("owner@northwind.test")).userId;
    victimIds.clientUser = await clientUserIdOf("viewer@eastbank.test");
    victimIds.notification = await createNotificationFor("owner@northwind.test", EASTBANK_ENGAGEMENT);
    const approved = await approvedMilestone(
      EASTBANK_ENGAGEMENT,
      "poc",
      "owner@northwind.test",
      "approver@eastbank.test",
    );
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    victimIds.adr = (await owner.adr.list({ engagementId: victimIds.engagement! })).find((a) => a.number === 7)!.id;
    victimIds.invoice = (
      await owner.invoice.issue({
        engagementId: victimIds.engagement!,
        milestoneIds: [approved],
        idempotencyKey: "victim-invoice",
      })
    ).id;
    victimIds.clause = (await owner.sla.create({ engagementId: victimIds.engagement!, terms: EXAMPLE_SLA_TERMS })).id;
    // two windows above the trigger's 12 %: one action item
    await owner.sla.uploadMeasurements({
      clauseId: victimIds.clause,
      format: "csv",
      text: "at,errors,requests\n2026-11-10T09:01:00Z,50,100\n2026-11-10T09:06:00Z,50,100\n",
      idempotencyKey: "victim-measurements",
    });
    victimIds.actionItem = (await owner.sla.actionItems({ engagementId: victimIds.engagement! }))[0]!.id;
    victimIds.debtItem = (await owner.debt.list({ engagementId: victimIds.engagement! })).items[0]!.id;
    victimIds.objective = (await owner.objective.list({ engagementId: victimIds.engagement! }))[0]!.id;
    const component = (name: string) =>
      owner.systemMap.createComponent({ engagementId: victimIds.engagement!, name, kind: "service", milestoneIds: [] });
    victimIds.component = (await component("Victim gateway")).id;
    victimIds.otherComponent = (await component("Victim node")).id;
    await owner.systemMap.addDependency({ fromId: victimIds.component, toId: victimIds.otherComponent });
    victimIds.share = (await owner.roi.share({ engagementId: victimIds.engagement! })).id;
    victimIds.package = (await owner.servicePackage.create({ fields: EXAMPLE_PACKAGE_FIELDS })).id;
    const proposal = await owner.proposal.create(exampleProposalDraft(victimIds));
    victimIds.proposal = (await owner.proposal.send({ proposalId: proposal.id })).id;
    const contract = await owner.maintenance.create({
      engagementId: victimIds.engagement!,
      startsOn: "2026-06-01",
      feeMinor: 1_000,
    });
    victimIds.contract = contract.id;
    victimIds.term = contract.terms[0]!.id;
    victimIds.meter = (
      await owner.usage.meter.create({ engagementId: victimIds.engagement!, meter: EXAMPLE_METER })
    ).id;
    sessions = {
      northwindOwner: await sessionFor("owner@northwind.test"),
      contosoOwner: await sessionFor("owner@contoso.test"),
      eastbankApprover: await sessionFor("approver@eastbank.test"),
      eastbankViewer: await sessionFor("viewer@eastbank.test"),
      lakesideApprover: await sessionFor("approver@lakeside.test"),
      fabrikamApprover: await sessionFor("approver@fabrikam.test"),
    };
  });
  afterAll(() => db.drop());

  it("finds procedures in the router, each behind a session and with a declared output schema", () => {
    expect(procedures.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "engagement.list",
        "engagement.get",
        "portal.engagement.get",
        ...["debt.list", "debt.create", "debt.edit", "debt.delete", "debt.revisions"],
        ...["systemMap.get", "systemMap.createComponent", "systemMap.editComponent", "systemMap.deleteComponent"],
        ...["systemMap.addDependency", "systemMap.removeDependency", "systemMap.attach"],
        ...["roi.get", "roi.updateSettings", "roi.planMilestone", "roi.share", "roi.withdraw", "portal.roi"],
      ]),
    );
    for (const procedure of procedures) {
      expect(procedure.area, procedure.path).not.toBe("public");
      expect(procedure.hasOutputSchema, procedure.path).toBe(true);
    }
  });

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s rejects an unauthenticated call and changes nothing",
    async (_path, procedure) => {
      const before = await databaseFingerprint();
      const input = sampleInput(procedure.path, procedure.input, victimIds);
      expect(await errorCodeOf(callProcedure({ session: null }, procedure.path, input))).toBe("UNAUTHORIZED");
      expect(await databaseFingerprint()).toBe(before);
    },
  );

  const withIds = procedures.filter((p) => p.idEntities.length > 0);

  it.each(withIds.map((p) => [p.path, p] as const))(
    "%s answers NOT_FOUND to users of another tenant or client",
    async (_path, procedure) => {
      const outsiders =
        procedure.area === "org"
          ? [sessions.contosoOwner]
          : procedure.area === "portal"
            ? [sessions.lakesideApprover, sessions.fabrikamApprover]
            : [sessions.contosoOwner, sessions.lakesideApprover, sessions.fabrikamApprover];
      const input = sampleInput(procedure.path, procedure.input, victimIds);
      for (const session of outsiders) {
        const before = await databaseFingerprint();
        expect(await errorCodeOf(callProcedure({ session }, procedure.path, input)), JSON.stringify(session)).toBe(
          "NOT_FOUND",
        );
        expect(await databaseFingerprint()).toBe(before);
      }
    },
  );

  it.each(withIds.map((p) => [p.path, p] as const))(
    "%s answers NOT_FOUND to an unknown id",
    async (_path, procedure) => {
      const owner = procedure.area === "portal" ? sessions.eastbankApprover : sessions.northwindOwner;
      const unknown = Object.fromEntries(Object.keys(victimIds).map((entity) => [entity, "c000000000000000000000000"]));
      const input = sampleInput(procedure.path, procedure.input, unknown);
      expect(await errorCodeOf(callProcedure({ session: owner }, procedure.path, input))).toBe("NOT_FOUND");
    },
  );

  it.each(procedures.filter((p) => p.area !== "authed").map((p) => [p.path, p] as const))(
    "%s is FORBIDDEN to the other kind of user",
    async (_path, procedure) => {
      const wrongKind = procedure.area === "org" ? sessions.eastbankApprover : sessions.northwindOwner;
      const input = sampleInput(procedure.path, procedure.input, victimIds);
      expect(await errorCodeOf(callProcedure({ session: wrongKind }, procedure.path, input))).toBe("FORBIDDEN");
    },
  );

  it(
    "gives a viewer of an engagement that hides amounts no amount anywhere: invoices (JSON, CSV, PDF), portal, " +
      "approval log",
    async () => {
      await setEngagementHidesAmounts(EASTBANK_ENGAGEMENT, true);
      try {
        const viewer = sessions.eastbankViewer;
        const invoices = (await (
          await listInvoicesRest(viewer, new Request("http://tollgate.test/api/v1/invoices"))
        ).json()) as { invoices: Record<string, unknown>[] };
        expect(invoices.invoices.length).toBeGreaterThan(0);
        for (const invoice of invoices.invoices) {
          expect(invoice).toMatchObject({
            id: expect.any(String),
            subtotalMinor: null,
            taxMinor: null,
            totalMinor: null,
            paidMinor: null,
          });
        }
        const csv = (
          await (await listInvoicesRest(viewer, new Request("http://tollgate.test/api/v1/invoices?format=csv"))).text()
        )
          .replace(/^\uFEFF/, "")
          .trim()
          .split("\r\n");
        const header = csv[0]!.split(",");
        for (const line of csv.slice(1)) {
          const cells = line.split(",");
          for (const column of ["subtotal", "tax", "total", "paid"])
            expect(cells[header.indexOf(column)], `${column} in ${line}`).toBe("");
        }
        const pdf = await invoicePdfRest(viewer, victimIds.invoice!);
        expect(pdf.status).toBe(403);
        expect(await pdf.json()).toMatchObject({ error: "FORBIDDEN" });

        const portal = createCaller({ session: viewer });
        for (const invoice of await portal.portal.invoice.list({ engagementId: victimIds.engagement! })) {
          expect(invoice).toMatchObject({
            amountsHidden: true,
            subtotalMinor: null,
            taxMinor: null,
            totalMinor: null,
            paidMinor: null,
            creditedMinor: null,
          });
          expect(invoice.lines.every((l) => l.amountMinor === null)).toBe(true);
          expect(invoice.payments.every((p) => p.amountMinor === null)).toBe(true);
        }
        expect((await portal.portal.invoice.get({ id: victimIds.invoice! })).totalMinor).toBeNull();
        const engagement = await portal.portal.engagement.get({ id: victimIds.engagement! });
        expect(engagement.feeMinor).toBeNull();
        expect(engagement.milestones.every((m) => m.amountMinor === null)).toBe(true);
        const log = await (
          await approvalLogResponse(viewer, victimIds.engagement!, new Request("http://tollgate.test/x?format=json"))
        ).json();
        expect(JSON.stringify(log)).not.toMatch(/"(from|to)Minor":\d/);

        // the approver of the same client sees them all
        const approverInvoices = (await (
          await listInvoicesRest(sessions.eastbankApprover, new Request("http://tollgate.test/api/v1/invoices"))
        ).json()) as { invoices: { totalMinor: number | null }[] };
        expect(approverInvoices.invoices.every((i) => typeof i.totalMinor === "number")).toBe(true);
        expect((await invoicePdfRest(sessions.eastbankApprover, victimIds.invoice!)).status).toBe(200);
      } finally {
        await setEngagementHidesAmounts(EASTBANK_ENGAGEMENT, false);
      }
    },
  );

  // Every REST route that names a record, called without a session and by users of another
  // organisation and of another client: 401 and 404, each as { error, reasons: [at least one] },
  // and nothing changes.
  const get = (query = "") => new Request(`http://tollgate.test/x${query}`);
  const postJson = (body: unknown) =>
    new Request("http://tollgate.test/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const postForm = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set(
      "file",
      new Blob([new TextEncoder().encode('<testsuite tests="1"><testcase name="a"/></testsuite>')]),
      "junit.xml",
    );
    return new Request("http://tollgate.test/x", { method: "POST", body: form });
  };
  const restRoutes: [string, (session: SessionClaims | null) => Promise<Response>][] = [
    ["GET /engagements/{id}", (s) => getEngagementRest(s, victimIds.engagement!)],
    ["GET /engagements/{id}/approvals", (s) => approvalLogResponse(s, victimIds.engagement!, get("?format=json"))],
    ["GET /engagements/{id}/adrs", (s) => listAdrsRest(s, victimIds.engagement!)],
    ["GET /engagements/{id}/objectives", (s) => objectivesRest(s, victimIds.engagement!)],
    ["GET /engagements/{id}/adrs/export", (s) => exportAdrsRest(s, victimIds.engagement!)],
    ["GET /engagements/{id}/adrs/pdf", (s) => adrPdfRest(s, victimIds.engagement!, get())],
    [
      "POST /engagements/{id}/adrs/import",
      (s) =>
        importAdrsRest(
          s,
          victimIds.engagement!,
          new Request("http://tollgate.test/x", {
            method: "POST",
            headers: { "content-type": "application/zip" },
            body: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
          }),
        ),
    ],
    [
      "POST /milestones/{id}/transitions",
      (s) =>
        postTransitionRest(
          s,
          victimIds.milestone!,
          postJson({ action: "start", idempotencyKey: "access-suite-transition" }),
        ),
    ],
    [
      "POST /milestones/{id}/attestations",
      (s) =>
        postAttestationRest(
          s,
          victimIds.milestone!,
          postJson({ statement: "access granted", idempotencyKey: "access-suite-attestation" }),
        ),
    ],
    ["GET /milestones/{id}/benchmarks/report", (s) => benchmarkReportResponse(s, victimIds.milestone!, get())],
    ["POST /milestones/{id}/evidence", (s) => uploadEvidence(s, victimIds.milestone!, postForm({ kind: "junit" }))],
    ["GET /evidence/{id}/download", (s) => downloadEvidence(s, victimIds.evidence!)],
    ["GET /invoices/{id}/pdf", (s) => invoicePdfRest(s, victimIds.invoice!)],
    ["GET /engagements/{id}/sla/clauses", (s) => listSlaClausesRest(s, victimIds.engagement!, get())],
    [
      "POST /engagements/{id}/sla/clauses",
      (s) => createSlaClauseRest(s, victimIds.engagement!, postJson(EXAMPLE_SLA_TERMS)),
    ],
    ["GET /engagements/{id}/sla", (s) => slaComplianceRest(s, victimIds.engagement!, get("?period=2026-11"))],
    ["GET /engagements/{id}/sla/report", (s) => slaReportRest(s, victimIds.engagement!, get("?period=2026-11"))],
    ["GET /engagements/{id}/sla/openslo", (s) => slaOpenSloRest(s, victimIds.engagement!, get())],
    ["GET /engagements/{id}/roi", (s) => roiRest(s, victimIds.engagement!, get())],
    ["GET /engagements/{id}/roi/report", (s) => roiReportPdfRest(s, victimIds.engagement!, get())],
    [
      "POST /sla/measurements",
      (s) =>
        postSlaMeasurements(
          s,
          postJson({
            clauseId: victimIds.clause,
            idempotencyKey: "access-suite-measurements",
            samples: [{ at: "2026-11-03T10:00:00Z", value: 1 }],
          }),
        ),
    ],
  ];

  async function expectRefusal(response: Response, status: number, label: string): Promise<void> {
    expect(response.status, label).toBe(status);
    const body = (await response.json()) as { error: unknown; reasons: unknown };
    expect(body, label).toEqual({ error: expect.any(String), reasons: expect.arrayContaining([expect.any(String)]) });
    expect(Object.keys(body).sort(), label).toEqual(["error", "reasons"]);
    expect(
      (body.reasons as string[]).every((reason) => reason.length > 0),
      label,
    ).toBe(true);
  }

  it.each(restRoutes)(
    "REST %s answers 401 without a session and 404 to other tenants and clients, as { error, reasons }",
    async (route, call) => {
      const before = await databaseFingerprint();
      await expectRefusal(await call(null), 401, `${route} without a session`);
      for (const [who, session] of [
        ["contoso owner", sessions.contosoOwner],
        ["lakeside approver", sessions.lakesideApprover],
        ["fabrikam approver", sessions.fabrikamApprover],
      ] as const) {
        const response = await call(session);
        // a route only consultants use may refuse a client user for what they are, before looking anything up
        await expectRefusal(
          response,
          response.status === 403 && who !== "contoso owner" ? 403 : 404,
          `${route} as ${who}`,
        );
      }
      expect(await databaseFingerprint()).toBe(before);
    },
  );

  it("rejects input fields a caller must not choose", async () => {
    const input = { id: victimIds.engagement, organisationId: "someone-else" };
    expect(await errorCodeOf(callProcedure({ session: sessions.northwindOwner }, "engagement.get", input))).toBe(
      "BAD_REQUEST",
    );
  });
});
