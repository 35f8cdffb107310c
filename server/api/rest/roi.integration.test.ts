import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../data/prisma-client";
import { countStatements } from "../../data/roi/test-support";
import { resolveOrgScope } from "../../data/scope";
import { idOf, sessionFor, setEngagementHidesAmounts, testDatabaseKinds } from "../../data/testing";
import { installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { useTestDatabase } from "../../test-support/database";
import { createCaller } from "../root";
import { roiReportPdfRest, roiRest } from "./roi";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const URL_BASE = "http://tollgate.test";
const get = (query = "") => new Request(`${URL_BASE}/api/v1/engagements/x/roi${query}`);

const pdfText = async (bytes: Uint8Array): Promise<string> => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "roi-rest-pdf-")), "report.pdf");
  await writeFile(file, bytes);
  return execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
};

describe.each(testDatabaseKinds())("the ROI over REST on %s", (kind) => {
  const handle = useTestDatabase(kind);
  let engagementId: string;

  beforeAll(async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-roi-rest-"))));
    engagementId = await idOf("engagement", { title: EASTBANK });
    const scope = await resolveOrgScope((await sessionFor("owner@northwind.test")).userId);
    await prisma().engagement.update({ where: { id: engagementId }, data: { dayRateMinor: 1_200_000n } });
    await prisma().debtItem.updateMany({
      where: { engagementId, impact: "critical" },
      data: { status: "scheduled", scheduledMonth: new Date("2026-11-01T00:00:00Z") },
    });
    expect(scope).not.toBeNull();
  });

  it("answers the REST contract's field names to the consultant, in at most 8 SQL statements", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const { result: response, statements } = await countStatements(handle.db!, () =>
      roiRest(owner, engagementId, get()),
    );
    expect(response.status).toBe(200);
    // the session, the inputs, the system map: the counter sees them all
    expect(statements.length, statements.join("\n\n")).toBeGreaterThanOrEqual(3);
    expect(statements.length, statements.join("\n\n")).toBeLessThanOrEqual(8);
    const body = (await response.json()) as Record<string, unknown> & {
      cashFlows: Record<string, unknown>[];
      monteCarlo: Record<string, unknown>;
      debt: Record<string, unknown>[];
    };
    for (const field of [
      "currency",
      "discountRate",
      "horizonMonths",
      "cashFlows",
      "npvMinor",
      "irrAnnual",
      "paybackMonth",
      "monteCarlo",
      "debt",
    ])
      expect(body, field).toHaveProperty(field);
    expect(body).toMatchObject({ currency: "CNY", discountRate: 0.08, horizonMonths: 36 });
    expect(body.cashFlows).toHaveLength(36);
    expect(Object.keys(body.cashFlows[0]!).sort()).toEqual(["benefitMinor", "investmentMinor", "month", "netMinor"]);
    for (const field of ["seed", "draws", "npvP10Minor", "npvP50Minor", "npvP90Minor", "probabilityPositive"])
      expect(body.monteCarlo, field).toHaveProperty(field);
    expect(body.monteCarlo).toMatchObject({ status: "ready", draws: 10_000 });
    const fields = [
      "id",
      "title",
      "impact",
      "costPerQuarterMinor",
      "fixDays",
      "fixCostMinor",
      "costOfDelayPerWeekMinor",
      "paybackWeeks",
      "wsjf",
      "plAccount",
    ];
    for (const item of body.debt) for (const field of fields) expect(item, field).toHaveProperty(field);
    expect(body.debt[0]).toMatchObject({
      title: "Legacy JSON-RPC gateway without circuit breaker",
      impact: "critical",
      costPerQuarterMinor: 420_000_000,
      fixDays: 17,
      fixCostMinor: 20_400_000,
    });
  });

  it("answers the cash flows as CSV", async () => {
    const response = await roiRest(await sessionFor("owner@northwind.test"), engagementId, get("?format=csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain("month,investmentMinor,benefitMinor,netMinor");
    expect(lines).toHaveLength(37);
    expect(lines[3]).toMatch(/^2,/);
  });

  it("renders a fresh PDF for the consultant in the language asked for", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const english = await roiReportPdfRest(owner, engagementId, get("/report?lang=en"));
    expect(english.status).toBe(200);
    expect(english.headers.get("content-type")).toBe("application/pdf");
    const words = await pdfText(new Uint8Array(await english.arrayBuffer()));
    expect(words).toContain("NPV");
    expect(words).toContain("Legacy JSON-RPC gateway");
    const chinese = await roiReportPdfRest(owner, engagementId, get("/report?lang=zh-CN"));
    expect(chinese.status).toBe(200);
    expect(await pdfText(new Uint8Array(await chinese.arrayBuffer()))).toContain("置信区间");
    expect((await roiReportPdfRest(owner, engagementId, get("/report?lang=fr"))).status).toBe(400);
  });

  it("answers 404 to the client until a report is shared, then its snapshot and stored bytes", async () => {
    const approver = await sessionFor("approver@eastbank.test");
    expect((await roiRest(approver, engagementId, get())).status).toBe(404);
    expect((await roiReportPdfRest(approver, engagementId, get("/report"))).status).toBe(404);

    const caller = createCaller({ session: await sessionFor("owner@northwind.test"), origin: URL_BASE });
    const share = await caller.roi.share({ engagementId });
    const consultantView = await caller.roi.get({ engagementId });
    expect(consultantView.share).toMatchObject({ id: share.id, current: true });

    const { result: response, statements } = await countStatements(handle.db!, () =>
      roiRest(approver, engagementId, get()),
    );
    expect(response.status).toBe(200);
    expect(statements.length).toBeLessThanOrEqual(8);
    const body = (await response.json()) as { npvMinor: number };
    expect(body.npvMinor).toBe(consultantView.npvMinor);

    for (const lang of ["en", "zh-CN"] as const) {
      const pdf = await roiReportPdfRest(approver, engagementId, get(`/report?lang=${lang}`));
      expect(pdf.status).toBe(200);
      const bytes = new Uint8Array(await pdf.arrayBuffer());
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      expect(sha256).toBe(share.pdf[lang].sha256);
      expect(pdf.headers.get("etag")).toBe(`"${sha256}"`);
    }
    const portal = await createCaller({ session: approver }).portal.roi({ engagementId });
    expect(portal).toMatchObject({
      sharedAt: share.sharedAt,
      pdf: {
        en: { url: `/api/v1/engagements/${engagementId}/roi/report?lang=en`, sha256: share.pdf.en.sha256 },
        "zh-CN": { sha256: share.pdf["zh-CN"].sha256 },
      },
    });
    expect(portal?.report.npvMinor).toBe(body.npvMinor);

    // the shared figures stay as they were when the inputs change
    await caller.roi.updateSettings({ engagementId, discountRateBp: 1500 });
    expect(((await (await roiRest(approver, engagementId, get())).json()) as { npvMinor: number }).npvMinor).toBe(
      body.npvMinor,
    );
    expect((await caller.roi.get({ engagementId })).share).toMatchObject({ id: share.id, current: false });
  });

  it("hides the report from a viewer when the engagement hides amounts, and from everyone else's tenants", async () => {
    const viewer = await sessionFor("viewer@eastbank.test");
    expect((await roiRest(viewer, engagementId, get())).status).toBe(200);
    await setEngagementHidesAmounts(EASTBANK, true);
    expect((await roiRest(viewer, engagementId, get())).status).toBe(404);
    expect((await roiReportPdfRest(viewer, engagementId, get("/report"))).status).toBe(404);
    expect(await createCaller({ session: viewer }).portal.roi({ engagementId })).toBeNull();
    expect((await roiRest(await sessionFor("approver@eastbank.test"), engagementId, get())).status).toBe(200);
    await setEngagementHidesAmounts(EASTBANK, false);

    for (const email of ["owner@contoso.test", "approver@lakeside.test", "approver@fabrikam.test"]) {
      const session = await sessionFor(email);
      expect((await roiRest(session, engagementId, get())).status, email).toBe(404);
      expect((await roiReportPdfRest(session, engagementId, get("/report"))).status, email).toBe(404);
    }
    expect((await roiRest(null, engagementId, get())).status).toBe(401);
    expect((await roiRest(await sessionFor("owner@northwind.test"), engagementId, get("?format=xml"))).status).toBe(
      400,
    );
  });

  it("takes a withdrawn report out of the portal", async () => {
    const caller = createCaller({ session: await sessionFor("owner@northwind.test"), origin: URL_BASE });
    const share = (await caller.roi.get({ engagementId })).share!;
    await caller.roi.withdraw({ shareId: share.id });
    const approver = await sessionFor("approver@eastbank.test");
    expect((await roiRest(approver, engagementId, get())).status).toBe(404);
    expect(await createCaller({ session: approver }).portal.roi({ engagementId })).toBeNull();
    expect((await caller.roi.get({ engagementId })).share).toBeNull();
  });
});
