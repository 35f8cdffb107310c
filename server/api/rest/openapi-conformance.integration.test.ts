import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlaClause } from "../../data/sla/clauses";
import { postSlaMeasurements } from "./sla-measurements";
import type { SessionClaims } from "../../auth";
import { createApiToken } from "../../data/organisation/api-tokens";
import { resolveOrgScope } from "../../data/scope";
import {
  idOf,
  installUnreachableDatabase,
  sessionFor,
  setEngagementHidesAmounts,
  testDatabaseKinds,
} from "../../data/testing";
import { installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { useTestDatabase } from "../../test-support/database";
import { downloadEvidence } from "./evidence-download";
import { submitEvidenceWithToken, uploadEvidence } from "./evidence-upload";
import { createCaller } from "../root";
import { approvedMilestone } from "../test-support/invoicing";
import { importAdrsRest } from "./adr-import";
import { adrPdfRest } from "./adr-pdf";
import { exportAdrsRest, listAdrsRest } from "./adrs";
import { approvalLogResponse } from "./approval-log";
import { postAttestationRest } from "./attestations";
import { benchmarkReportResponse } from "./benchmark-report";
import { importDebtRest } from "./debt-import";
import { getEngagementRest, listEngagementsRest } from "./engagements";
import { healthResponse } from "./health";
import { healthCheckPdfRest, listHealthChecksRest, runHealthCheckRest } from "./health-checks";
import { invoicePdfRest, listInvoicesRest } from "./invoices";
import { openApiDocument } from "./openapi";
import { maintenanceContractsRest } from "./maintenance-contracts";
import { createContract } from "../../data/maintenance/write";
import { createSlaClauseRest, listSlaClausesRest, slaComplianceRest } from "./sla";
import { slaOpenSloRest, slaReportRest } from "./sla-documents";
import { roiReportPdfRest, roiRest } from "./roi";
import { objectivesRest } from "./objectives";
import { postTransitionRest } from "./transitions";
import { acceptProposalRest, declineProposalRest, listProposalsRest, proposalPdfRest } from "./proposals";
import { seedDemoPackages } from "../demo-packages";
import { seedDemoProposal } from "../demo-proposals";
import { transaction } from "../../data/prisma-client";
import { storeUsageEvents } from "../../data/usage/ingest";
import { createMeter } from "../../data/usage/meters";
import { issueUsageInvoiceRest } from "./usage-invoices";
import { createMeterRest, listMetersRest } from "./meters";
import { postUsageRest, usageReportRest } from "./usage";

// Every documented operation called on the demo data, each answer checked against the document:
// its status is documented, its content type is one the status lists, and a JSON body matches
// the schema. An operation never called, or a route under app/api/v1 not documented, fails.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const fixtures = path.resolve(import.meta.dirname, "../../domain");
const fixture = (name: string) => readFileSync(path.join(fixtures, name));
const URL_BASE = "http://tollgate.test";

type Operation = { operationId: string; responses: Record<string, { content?: Record<string, { schema: object }> }> };
const operations = new Map<string, Operation>(
  Object.values(openApiDocument.paths).flatMap((methods) =>
    Object.values(methods as Record<string, Operation>).map((op) => [op.operationId, op] as const),
  ),
);

// ajv 6 reads draft-07; the generated schemas use none of what 2020-12 added (no tuples, no $defs)
const ajv = new Ajv({ allErrors: true, unknownFormats: "ignore" });
const validators = new Map<object, Ajv.ValidateFunction>();
function validatorFor(schema: object): Ajv.ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ ...schema, components: { schemas: openApiDocument.components.schemas } });
    validators.set(schema, validate);
  }
  return validate;
}

const exercised = new Map<string, Set<string>>();

/** `response` checked against operation `operationId`'s documented answer for its status. */
async function conforms(operationId: string, response: Response, expectedStatus: number): Promise<void> {
  const op = operations.get(operationId);
  expect(op, `${operationId} is documented`).toBeDefined();
  const label = `${operationId} ${response.status}`;
  expect(response.status, label).toBe(expectedStatus);
  const documented = op!.responses[String(response.status)];
  expect(documented, `${label} is a documented status`).toBeDefined();
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const content = documented!.content ?? {};
  expect(Object.keys(content), `${label} content type`).toContain(mediaType);
  if (mediaType === "application/json") {
    const body: unknown = await response.json();
    const validate = validatorFor(content[mediaType]!.schema);
    expect(validate(body) ? [] : validate.errors, `${label} ${JSON.stringify(body).slice(0, 500)}`).toEqual([]);
  } else {
    expect((await response.arrayBuffer()).byteLength, `${label} has a body`).toBeGreaterThan(0);
  }
  const statuses = exercised.get(operationId) ?? new Set<string>();
  statuses.add(String(response.status));
  exercised.set(operationId, statuses);
}

const get = (route: string, headers: Record<string, string> = {}) => new Request(`${URL_BASE}${route}`, { headers });
const postJson = (body: unknown) =>
  new Request(`${URL_BASE}/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
function postForm(
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  return new Request(`${URL_BASE}/`, { method: "POST", body: form, headers });
}

describe.each(testDatabaseKinds())("the REST API answers as its OpenAPI document says, on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let contoso: SessionClaims;
  let approver: SessionClaims;
  let viewer: SessionClaims;
  let engagement: string;
  let review: string;
  let poc: string;
  let upgrade: string;
  let token: string;

  beforeAll(async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-blobs-"))));
    owner = await sessionFor("owner@northwind.test");
    contoso = await sessionFor("owner@contoso.test");
    approver = await sessionFor("approver@eastbank.test");
    viewer = await sessionFor("viewer@eastbank.test");
    engagement = await idOf("engagement", { title: EASTBANK });
    review = await idOf("milestone", { title: EASTBANK, key: "review" });
    poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    upgrade = await idOf("milestone", { title: EASTBANK, key: "upgrade" });
    token = (await createApiToken((await resolveOrgScope(owner.userId))!, engagement, "conformance"))!.token;
  });

  it("engagements", async () => {
    await conforms("listEngagements", await listEngagementsRest(owner), 200);
    await conforms("listEngagements", await listEngagementsRest(approver), 200);
    await conforms("listEngagements", await listEngagementsRest(null), 401);
    await conforms("getEngagement", await getEngagementRest(owner, engagement), 200);
    await conforms("getEngagement", await getEngagementRest(viewer, engagement), 200);
    await conforms("getEngagement", await getEngagementRest(null, engagement), 401);
    await conforms("getEngagement", await getEngagementRest(contoso, engagement), 404);
    await conforms("getEngagement", await getEngagementRest(owner, "x".repeat(65)), 400);
  });

  it("transitions and attestations", async () => {
    const act = (action: string, extra: object = {}) => postJson({ action, idempotencyKey: randomUUID(), ...extra });
    await conforms("transitionMilestone", await postTransitionRest(owner, review, act("start")), 200);
    await conforms("transitionMilestone", await postTransitionRest(owner, review, act("submit")), 200);
    await conforms("transitionMilestone", await postTransitionRest(owner, review, act("verify")), 409);
    await conforms("transitionMilestone", await postTransitionRest(approver, poc, act("start")), 403);
    await conforms("transitionMilestone", await postTransitionRest(contoso, poc, act("start")), 404);
    await conforms("transitionMilestone", await postTransitionRest(owner, poc, act("fly")), 400);
    await conforms("transitionMilestone", await postTransitionRest(null, poc, act("start")), 401);
    const plain = new Request(`${URL_BASE}/`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "text/plain" },
    });
    await conforms("transitionMilestone", await postTransitionRest(owner, poc, plain), 415);
    await conforms(
      "transitionMilestone",
      await postTransitionRest(
        owner,
        poc,
        postJson({ action: "start", idempotencyKey: randomUUID(), comment: "x".repeat(20_000) }),
      ),
      413,
    );

    const statement = "access to the upgrade channel granted";
    await conforms(
      "attestMilestone",
      await postAttestationRest(approver, upgrade, postJson({ statement, idempotencyKey: randomUUID() })),
      201,
    );
    await conforms(
      "attestMilestone",
      await postAttestationRest(owner, upgrade, postJson({ statement, idempotencyKey: randomUUID() })),
      403,
    );
    await conforms(
      "attestMilestone",
      await postAttestationRest(approver, upgrade, postJson({ statement: "no", idempotencyKey: randomUUID() })),
      422,
    );
    await conforms(
      "attestMilestone",
      await postAttestationRest(approver, review, postJson({ statement, idempotencyKey: randomUUID() })),
      409,
    );
    await conforms("attestMilestone", await postAttestationRest(approver, upgrade, postJson({ statement })), 400);
    await conforms(
      "attestMilestone",
      await postAttestationRest(null, upgrade, postJson({ statement, idempotencyKey: randomUUID() })),
      401,
    );
  });

  it("evidence: CI and app uploads, download, benchmark report", async () => {
    const junit = { bytes: fixture("evidence/fixtures/node-junit.xml"), name: "report.xml" };
    const ci = (fields: Record<string, string>, auth = `Bearer ${token}`) =>
      submitEvidenceWithToken(postForm(fields, junit, { authorization: auth }));
    await conforms("submitCiEvidence", await ci({ milestoneId: poc, kind: "junit" }), 201);
    await conforms("submitCiEvidence", await ci({ milestoneId: poc, kind: "junit" }, "Bearer nope"), 401);
    await conforms("submitCiEvidence", await ci({ milestoneId: poc, kind: "unknown" }), 400);

    await conforms("getBenchmarkReport", await benchmarkReportResponse(owner, poc, get("/report")), 404);
    const bench = (name: string) => ({ bytes: fixture(`evidence/fixtures/${name}`), name });
    await conforms(
      "uploadMilestoneEvidence",
      await uploadEvidence(owner, poc, postForm({ kind: "go-bench", role: "baseline" }, bench("bench-old.txt"))),
      201,
    );
    const current = await uploadEvidence(owner, poc, postForm({ kind: "go-bench" }, bench("bench-new.txt")));
    const evidenceId = ((await current.clone().json()) as { evidenceId: string }).evidenceId;
    await conforms("uploadMilestoneEvidence", current, 201);
    await conforms(
      "uploadMilestoneEvidence",
      await uploadEvidence(approver, poc, postForm({ kind: "junit" }, junit)),
      403,
    );
    await conforms("uploadMilestoneEvidence", await uploadEvidence(null, poc, postForm({ kind: "junit" }, junit)), 401);
    await conforms(
      "uploadMilestoneEvidence",
      await uploadEvidence(owner, poc, postForm({ kind: "junit" }, { bytes: Buffer.from("not xml"), name: "x.xml" })),
      422,
    );

    await conforms("getBenchmarkReport", await benchmarkReportResponse(owner, poc, get("/report")), 200);
    await conforms("getBenchmarkReport", await benchmarkReportResponse(approver, poc, get("/report?format=pdf")), 200);
    await conforms("getBenchmarkReport", await benchmarkReportResponse(owner, poc, get("/report?format=xml")), 400);
    await conforms("getBenchmarkReport", await benchmarkReportResponse(null, poc, get("/report")), 401);

    await conforms("downloadEvidence", await downloadEvidence(owner, evidenceId), 200);
    await conforms("downloadEvidence", await downloadEvidence(contoso, evidenceId), 404);
    await conforms("downloadEvidence", await downloadEvidence(null, evidenceId), 401);
  });

  it("approval log and invoices", async () => {
    const approved = await approvedMilestone(EASTBANK, "poc", "owner@northwind.test", "approver@eastbank.test");
    const invoice = await createCaller({ session: owner }).invoice.issue({
      engagementId: engagement,
      milestoneIds: [approved],
      idempotencyKey: randomUUID(),
    });
    for (const format of ["json", "csv", "pdf"]) {
      await conforms(
        "getApprovalLog",
        await approvalLogResponse(approver, engagement, get(`/log?format=${format}`)),
        200,
      );
    }
    await conforms("getApprovalLog", await approvalLogResponse(owner, engagement, get("/log?format=xml")), 400);
    await conforms("getApprovalLog", await approvalLogResponse(null, engagement, get("/log")), 401);
    await conforms("getApprovalLog", await approvalLogResponse(contoso, engagement, get("/log")), 404);

    await conforms("listInvoices", await listInvoicesRest(owner, get("/invoices")), 200);
    await conforms("listInvoices", await listInvoicesRest(approver, get("/invoices?format=csv")), 200);
    await conforms("listInvoices", await listInvoicesRest(owner, get("/invoices?format=pdf")), 400);
    await conforms("listInvoices", await listInvoicesRest(null, get("/invoices")), 401);

    await conforms("getInvoicePdf", await invoicePdfRest(owner, invoice.id), 200);
    await conforms("getInvoicePdf", await invoicePdfRest(contoso, invoice.id), 404);
    await conforms("getInvoicePdf", await invoicePdfRest(null, invoice.id), 401);
    await conforms("getInvoicePdf", await invoicePdfRest(owner, "x".repeat(65)), 400);
    await setEngagementHidesAmounts(EASTBANK, true);
    try {
      await conforms("listInvoices", await listInvoicesRest(viewer, get("/invoices")), 200);
      await conforms("getInvoicePdf", await invoicePdfRest(viewer, invoice.id), 403);
    } finally {
      await setEngagementHidesAmounts(EASTBANK, false);
    }
  });

  it("ADRs: list, export, PDF, import", async () => {
    await conforms("listAdrs", await listAdrsRest(owner, engagement), 200);
    await conforms("listAdrs", await listAdrsRest(approver, engagement), 200);
    await conforms("listAdrs", await listAdrsRest(contoso, engagement), 404);
    await conforms("listAdrs", await listAdrsRest(null, engagement), 401);
    await conforms("exportAdrs", await exportAdrsRest(owner, engagement), 200);
    await conforms("exportAdrs", await exportAdrsRest(contoso, engagement), 404);
    await conforms("getAdrPdf", await adrPdfRest(owner, engagement, get("/pdf")), 200);
    await conforms("getAdrPdf", await adrPdfRest(owner, engagement, get("/pdf?number=7")), 200);
    await conforms("getAdrPdf", await adrPdfRest(owner, engagement, get("/pdf?number=x")), 400);
    await conforms("getAdrPdf", await adrPdfRest(owner, engagement, get("/pdf?number=999")), 404);

    const folder = new FormData();
    for (const name of readdirSync(path.join(fixtures, "adr/fixtures/adr-tools"))) {
      folder.append("files", new Blob([new Uint8Array(fixture(`adr/fixtures/adr-tools/${name}`))]), name);
    }
    const upload = () => new Request(`${URL_BASE}/`, { method: "POST", body: folder });
    await conforms("importAdrs", await importAdrsRest(owner, engagement, upload()), 200);
    await conforms("importAdrs", await importAdrsRest(approver, engagement, upload()), 403);
    await conforms("importAdrs", await importAdrsRest(contoso, engagement, upload()), 404);
    await conforms("importAdrs", await importAdrsRest(null, engagement, upload()), 401);
    const text = new Request(`${URL_BASE}/`, {
      method: "POST",
      body: "# ADR",
      headers: { "content-type": "text/markdown" },
    });
    await conforms("importAdrs", await importAdrsRest(owner, engagement, text), 400);
  });

  it("SLA clauses and compliance", async () => {
    const terms = {
      title: "Conformance gauge",
      metric: "gauge_max",
      comparator: "lte",
      target: 5000,
      unit: "goroutines",
      windowMinutes: 5,
      period: "month",
      timezone: "Asia/Shanghai",
      credit: { type: "tiered", baseMinor: 100_000, tiers: [{ below: 100, creditPct: 5 }], capPerPeriodMinor: null },
    };
    await conforms("createSlaClause", await createSlaClauseRest(owner, engagement, postJson(terms)), 201);
    await conforms(
      "createSlaClause",
      await createSlaClauseRest(owner, engagement, postJson({ ...terms, windowMinutes: null })),
      422,
    );
    await conforms("createSlaClause", await createSlaClauseRest(approver, engagement, postJson(terms)), 403);
    await conforms("createSlaClause", await createSlaClauseRest(contoso, engagement, postJson(terms)), 404);
    await conforms("listSlaClauses", await listSlaClausesRest(approver, engagement, get("/clauses")), 200);
    await conforms(
      "listSlaClauses",
      await listSlaClausesRest(owner, engagement, get("/clauses?includeRetired=true")),
      200,
    );
    await conforms("listSlaClauses", await listSlaClausesRest(null, engagement, get("/clauses")), 401);
    await conforms("listSlaClauses", await listSlaClausesRest(contoso, engagement, get("/clauses")), 404);
    await conforms("getSlaCompliance", await slaComplianceRest(owner, engagement, get("/sla?period=2026-11")), 200);
    await conforms("getSlaCompliance", await slaComplianceRest(viewer, engagement, get("/sla")), 200);
    await conforms("getSlaCompliance", await slaComplianceRest(owner, engagement, get("/sla?period=2026-Q5")), 400);
    await conforms("getSlaCompliance", await slaComplianceRest(contoso, engagement, get("/sla?period=2026")), 404);
  });

  it("SLA documents: the report PDF and the OpenSLO export", async () => {
    await conforms("getSlaReport", await slaReportRest(owner, engagement, get("/report?period=2026-11")), 200);
    await conforms("getSlaReport", await slaReportRest(viewer, engagement, get("/report?period=2026&lang=en")), 200);
    await conforms("getSlaReport", await slaReportRest(owner, engagement, get("/report?period=2026-13")), 400);
    await conforms("getSlaReport", await slaReportRest(null, engagement, get("/report")), 401);
    await conforms("getSlaReport", await slaReportRest(contoso, engagement, get("/report")), 404);
    await conforms("getSlaOpenSlo", await slaOpenSloRest(approver, engagement, get("/openslo")), 200);
    await conforms("getSlaOpenSlo", await slaOpenSloRest(owner, "x".repeat(65), get("/openslo")), 400);
    await conforms("getSlaOpenSlo", await slaOpenSloRest(null, engagement, get("/openslo")), 401);
    await conforms("getSlaOpenSlo", await slaOpenSloRest(contoso, engagement, get("/openslo")), 404);
  });

  it("ROI: the figures (JSON, CSV), the PDF, nothing shared yet for the client", async () => {
    await conforms("getRoi", await roiRest(owner, engagement, get("/roi")), 200);
    await conforms("getRoi", await roiRest(owner, engagement, get("/roi?format=csv")), 200);
    await conforms("getRoi", await roiRest(owner, engagement, get("/roi?format=xml")), 400);
    await conforms("getRoi", await roiRest(null, engagement, get("/roi")), 401);
    await conforms("getRoi", await roiRest(approver, engagement, get("/roi")), 404);
    await conforms("getRoiReport", await roiReportPdfRest(owner, engagement, get("/roi/report?lang=zh-CN")), 200);
    await conforms("getRoiReport", await roiReportPdfRest(owner, engagement, get("/roi/report?lang=de")), 400);
    await conforms("getRoiReport", await roiReportPdfRest(null, engagement, get("/roi/report")), 401);
    await conforms("getRoiReport", await roiReportPdfRest(contoso, engagement, get("/roi/report")), 404);
  });

  it("objectives: consultant and client read them, another tenant gets 404", async () => {
    await conforms("listObjectives", await objectivesRest(owner, engagement), 200);
    await conforms("listObjectives", await objectivesRest(viewer, engagement), 200);
    await conforms("listObjectives", await objectivesRest(null, engagement), 401);
    await conforms("listObjectives", await objectivesRest(contoso, engagement), 404);
    await conforms("listObjectives", await objectivesRest(owner, "x".repeat(65)), 400);
  });

  it("maintenance contracts: consultant and client read them, another tenant gets 404", async () => {
    await createContract((await resolveOrgScope(owner.userId))!, {
      engagementId: engagement,
      startsOn: "2026-06-01",
      feeMinor: 1_000,
      termMonths: 12,
      noticeDays: 30,
      includes: "Upgrade channel",
      clauseIds: [],
      autoRenew: true,
      releaseTagPattern: "v1.*",
    });
    await conforms("listMaintenanceContracts", await maintenanceContractsRest(owner, engagement), 200);
    await conforms("listMaintenanceContracts", await maintenanceContractsRest(viewer, engagement), 200);
    await conforms("listMaintenanceContracts", await maintenanceContractsRest(null, engagement), 401);
    await conforms("listMaintenanceContracts", await maintenanceContractsRest(contoso, engagement), 404);
    await conforms("listMaintenanceContracts", await maintenanceContractsRest(owner, "x".repeat(65)), 400);
  });

  it("SLA measurements: a token's samples, a replay, a bad item, the wrong caller", async () => {
    const clause = await createSlaClause((await resolveOrgScope(owner.userId))!, engagement, {
      title: "Conformance P99",
      metric: "latency_percentile",
      percentile: 99,
      comparator: "lte",
      target: 1500,
      unit: "ms",
      windowMinutes: 5,
      period: "month",
      credit: { type: "per_incident", perBreachedWindowMinor: 1, capPerIncidentMinor: 10 },
    });
    const body = {
      clauseId: clause.id,
      idempotencyKey: "conformance-1",
      samples: [{ at: "2026-11-03T10:00:00Z", value: 1 }],
    };
    const withToken = new Request(`${URL_BASE}/`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    await conforms("postSlaMeasurements", await postSlaMeasurements(null, withToken), 201);
    await conforms("postSlaMeasurements", await postSlaMeasurements(owner, postJson(body)), 200);
    const bad = { ...body, idempotencyKey: "conformance-2", samples: [{ at: "2026-11-03", value: 1 }] };
    await conforms("postSlaMeasurements", await postSlaMeasurements(owner, postJson(bad)), 422);
    await conforms("postSlaMeasurements", await postSlaMeasurements(approver, postJson(body)), 403);
    await conforms("postSlaMeasurements", await postSlaMeasurements(contoso, postJson(body)), 404);
    await conforms("postSlaMeasurements", await postSlaMeasurements(null, postJson(body)), 401);
  });

  it("debt import: a SonarQube export by session, a bad one, the wrong caller, a token refused", async () => {
    const sonar = fixture("debt/fixtures/issues-two-of-one-rule.json").toString("utf8");
    const withToken = new Request(`${URL_BASE}/`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: sonar,
    });
    await conforms("importDebt", await importDebtRest(owner, engagement, postJson(JSON.parse(sonar))), 200);
    // the register is the consultant's: an engagement's evidence token does not write it
    await conforms("importDebt", await importDebtRest(null, engagement, withToken), 401);
    await conforms("importDebt", await importDebtRest(owner, engagement, postJson({ issues: [{}] })), 422);
    await conforms("importDebt", await importDebtRest(approver, engagement, postJson({ issues: [] })), 403);
    await conforms("importDebt", await importDebtRest(contoso, engagement, postJson({ issues: [] })), 404);
    await conforms("importDebt", await importDebtRest(null, engagement, postJson({ issues: [] })), 401);
  });

  it("health checks: run (refused before any contact), list, PDF, the wrong callers", async () => {
    // a closed port on loopback (opened to the test only): every item fails as unreachable, the check is kept
    const loopback = { allowLocal: true, timeoutMs: 2_000 };
    const run = await runHealthCheckRest(owner, engagement, postJson({ baseUrl: "http://127.0.0.1:1" }), loopback);
    const { id } = (await run.clone().json()) as { id: string };
    await conforms("runHealthCheck", run, 201);
    // without the opt-in the address is refused before any contact, and nothing is stored
    await conforms(
      "runHealthCheck",
      await runHealthCheckRest(owner, engagement, postJson({ baseUrl: "http://127.0.0.1:1" })),
      422,
    );
    await conforms("runHealthCheck", await runHealthCheckRest(owner, engagement, postJson({ baseUrl: "x" })), 400);
    await conforms("runHealthCheck", await runHealthCheckRest(approver, engagement, postJson({})), 403);
    const elsewhere = postJson({ baseUrl: "http://127.0.0.1:1" });
    await conforms("runHealthCheck", await runHealthCheckRest(contoso, engagement, elsewhere), 404);
    await conforms("runHealthCheck", await runHealthCheckRest(null, engagement, postJson({})), 401);
    await conforms("listHealthChecks", await listHealthChecksRest(owner, engagement, get("/hc?limit=1")), 200);
    await conforms("listHealthChecks", await listHealthChecksRest(owner, engagement, get("/hc?limit=x")), 400);
    await conforms("listHealthChecks", await listHealthChecksRest(contoso, engagement, get("/hc")), 404);
    await conforms("getHealthCheckPdf", await healthCheckPdfRest(owner, id, get("/pdf?lang=zh-CN")), 200);
    await conforms("getHealthCheckPdf", await healthCheckPdfRest(owner, id, get("/pdf?lang=fr")), 400);
    await conforms("getHealthCheckPdf", await healthCheckPdfRest(approver, id, get("/pdf")), 403);
    await conforms("getHealthCheckPdf", await healthCheckPdfRest(contoso, id, get("/pdf")), 404);
  });

  it("proposals: list, PDF, accept and decline, the wrong callers, a closed one", async () => {
    const ownerScope = (await resolveOrgScope(owner.userId))!;
    const packages = await seedDemoPackages(ownerScope);
    const [first, second] = [
      await seedDemoProposal(ownerScope, packages),
      await seedDemoProposal(ownerScope, packages),
    ];
    const lakeside = await sessionFor("approver@lakeside.test");
    await conforms("listProposals", await listProposalsRest(owner, get("/p?limit=1")), 200);
    await conforms("listProposals", await listProposalsRest(lakeside, get("/p?status=sent")), 200);
    await conforms("listProposals", await listProposalsRest(owner, get("/p?limit=0")), 400);
    await conforms("listProposals", await listProposalsRest(null, get("/p")), 401);
    await conforms("getProposalPdf", await proposalPdfRest(owner, first, get("/pdf?lang=zh-CN")), 200);
    await conforms("getProposalPdf", await proposalPdfRest(owner, first, get("/pdf?lang=fr")), 400);
    await conforms("getProposalPdf", await proposalPdfRest(contoso, first, get("/pdf")), 404);
    await conforms("acceptProposal", await acceptProposalRest(owner, first, postJson({})), 403);
    await conforms("acceptProposal", await acceptProposalRest(approver, first, postJson({})), 404);
    await conforms("acceptProposal", await acceptProposalRest(lakeside, first, postJson({ comment: "Yes" })), 200);
    await conforms("acceptProposal", await acceptProposalRest(lakeside, first, postJson({})), 409);
    await conforms("declineProposal", await declineProposalRest(lakeside, second, postJson({})), 400);
    await conforms("declineProposal", await declineProposalRest(null, second, postJson({ comment: "No" })), 401);
    await conforms("declineProposal", await declineProposalRest(lakeside, second, postJson({ comment: "No" })), 200);
  });

  it("usage invoices: a closed period once, then 409; an open one, the wrong callers", async () => {
    const meter = await createMeter((await resolveOrgScope(owner.userId))!, engagement, {
      meter: "conformance_calls",
      unit: "call",
      period: "month",
      timezone: "UTC",
      freeQuantity: 10,
      tiers: [{ upTo: null, priceMinor: 1.5, perQuantity: 1 }],
    });
    await transaction((tx) =>
      storeUsageEvents(tx, engagement, [
        {
          meterId: meter.id,
          idempotencyKey: "conformance-usage-1",
          atMs: Date.parse("2025-06-10T00:00:00Z"),
          quantity: 25,
          tenant: "t1",
          period: "2025-06",
        },
      ]),
    );
    const issue = (session: SessionClaims | null, period: unknown, id = engagement) =>
      issueUsageInvoiceRest(session, id, postJson({ period }));
    await conforms("issueUsageInvoice", await issue(owner, "2025-06"), 201);
    await conforms("issueUsageInvoice", await issue(owner, "2025-06"), 409);
    await conforms("issueUsageInvoice", await issue(owner, "2999-01"), 409);
    await conforms("issueUsageInvoice", await issue(owner, "2025-13"), 400);
    await conforms("issueUsageInvoice", await issue(null, "2025-06"), 401);
    await conforms("issueUsageInvoice", await issue(approver, "2025-06"), 403);
    await conforms("issueUsageInvoice", await issue(contoso, "2025-06"), 404);
  });

  const meterBody = {
    meter: "conformance_tokens",
    unit: "token",
    timezone: "Asia/Shanghai",
    freeQuantity: 10_000,
    tiers: [
      { upTo: 1_000_000, priceMinor: 1, perQuantity: 1_000 },
      { upTo: null, priceMinor: 0.5, perQuantity: 1_000 },
    ],
  };
  const metersPath = () => `${URL_BASE}/api/v1/engagements/${engagement}/meters`;
  const postMeter = (session: SessionClaims | null, body: unknown) =>
    createMeterRest(session, engagement, postJson(body));

  it("usage meters: created by the consultant, a taken name, the wrong callers", async () => {
    await conforms("createMeter", await postMeter(owner, meterBody), 201);
    await conforms("createMeter", await postMeter(owner, meterBody), 409);
    await conforms("createMeter", await postMeter(owner, { ...meterBody, tiers: [] }), 400);
    await conforms("createMeter", await postMeter(null, meterBody), 401);
    await conforms("createMeter", await postMeter(approver, meterBody), 403);
    await conforms("createMeter", await postMeter(contoso, meterBody), 404);
    await conforms("createMeter", await postMeter(owner, { ...meterBody, unit: "x".repeat(70_000) }), 413);
    const text = new Request(metersPath(), { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    await conforms("createMeter", await createMeterRest(owner, engagement, text), 415);
  });

  it("usage meters: listed for consultant and client, another tenant gets 404", async () => {
    await conforms("listMeters", await listMetersRest(owner, engagement), 200);
    await conforms("listMeters", await listMetersRest(viewer, engagement), 200);
    await conforms("listMeters", await listMetersRest(null, engagement), 401);
    await conforms("listMeters", await listMetersRest(contoso, engagement), 404);
    await conforms("listMeters", await listMetersRest(owner, "x".repeat(65)), 400);
  });

  it("usage events: a token's batch, a bad event, too many, the wrong callers", async () => {
    await postMeter(owner, { ...meterBody, meter: "conformance_events" });
    const at = new Date(Date.now() + 60_000).toISOString();
    const event = { meter: "conformance_events", quantity: 5, at, tenant: "acme", idempotencyKey: "conformance-1" };
    const usage = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
      new Request(`${URL_BASE}/api/v1/usage`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    await conforms("postUsage", await postUsageRest(null, usage({ events: [event, event] })), 200);
    await conforms("postUsage", await postUsageRest(null, usage({ events: [{ ...event, quantity: -1 }] })), 422);
    await conforms("postUsage", await postUsageRest(null, usage({ events: [] })), 400);
    await conforms("postUsage", await postUsageRest(null, usage({ events: Array(10_001).fill(event) })), 413);
    const text = new Request(`${URL_BASE}/api/v1/usage`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${token}` },
      body: "{}",
    });
    await conforms("postUsage", await postUsageRest(null, text), 415);
    await conforms("postUsage", await postUsageRest(null, usage({ events: [event] }, {})), 401);
    await conforms("postUsage", await postUsageRest(owner, usage({ events: [event] }, {})), 403);
  });

  it("usage report: consultant and client read a period, a bad period, another tenant gets 404", async () => {
    const report = (session: SessionClaims | null, period = "2026-11", id = engagement) =>
      usageReportRest(session, id, get(`/api/v1/engagements/${id}/usage?period=${period}`));
    await conforms("usageReport", await report(owner), 200);
    await conforms("usageReport", await report(viewer), 200);
    await conforms("usageReport", await report(owner, "2026-13"), 400);
    await conforms("usageReport", await report(null), 401);
    await conforms("usageReport", await report(contoso), 404);
  });

  it("health, reachable and not", async () => {
    await conforms("getHealth", await healthResponse(), 200);
    const restore = installUnreachableDatabase();
    try {
      await conforms("getHealth", await healthResponse(), 503);
    } finally {
      await restore();
    }
  });

  afterAll(() => {
    // each operation answered a success and at least one error
    for (const operationId of operations.keys()) {
      const statuses = [...(exercised.get(operationId) ?? [])];
      expect(
        statuses.some((s) => s.startsWith("2")),
        `${operationId} succeeded`,
      ).toBe(true);
      expect(
        statuses.some((s) => !s.startsWith("2")),
        `${operationId} refused`,
      ).toBe(true);
    }
    exercised.clear();
  });
});

describe("the OpenAPI document", () => {
  it("documents every route under app/api/v1 (and /api/health) and nothing else", () => {
    const routes = readdirSync(path.resolve(import.meta.dirname, "../../../app/api/v1"), {
      recursive: true,
      encoding: "utf8",
    })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}"))
      .filter((route) => route !== "/api/v1/openapi.json");
    expect(Object.keys(openApiDocument.paths).sort()).toEqual([...routes, "/api/health"].sort());
  });

  it("describes every error as { error, reasons: [at least one] }", () => {
    for (const op of operations.values()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400 || status === "503") continue;
        expect(response.content?.["application/json"]?.schema, `${op.operationId} ${status}`).toEqual({
          $ref: "#/components/schemas/Refusal",
        });
      }
    }
    expect(openApiDocument.components.schemas.Refusal).toMatchObject({
      required: ["error", "reasons"],
      properties: { reasons: { type: "array", minItems: 1 } },
    });
  });
});
