import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { listEngagementAdrs } from "../../data/adr/read";
import { resolveOrgScope } from "../../data/scope";
import { listSlaClauses, retireSlaClause } from "../../data/sla/clauses";
import { idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { useTestDatabase } from "../../test-support/database";
import type { SessionClaims } from "../../auth";
import { createCaller } from "../root";
import type { openSloDocument } from "../../domain/sla/openslo";
import { slaOpenSloRest, slaReportRest } from "./sla-documents";

// The demo's SLA documents over REST (the SLA report PDF and the OpenSLO export) with the SLA
// page's access rules, and the ADR validation verdict an SLA clause gives.

type OpenSloDocument = ReturnType<typeof openSloDocument>;

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const get = (query = "", headers: Record<string, string> = {}) =>
  new Request(`http://tollgate.test/api/v1/engagements/x/sla/report${query}`, { headers });

function pdfText(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-sla-pdf-"));
  writeFileSync(path.join(dir, "doc.pdf"), new Uint8Array(bytes));
  const out = spawnSync("pdftotext", ["-layout", path.join(dir, "doc.pdf"), "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout.replace(/[ \t]+/g, " ");
}

describe.each(testDatabaseKinds())("SLA documents on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let approver: SessionClaims;
  let viewer: SessionClaims;
  let contoso: SessionClaims;
  let engagement: string;

  beforeAll(async () => {
    owner = await sessionFor("owner@northwind.test");
    approver = await sessionFor("approver@eastbank.test");
    viewer = await sessionFor("viewer@eastbank.test");
    contoso = await sessionFor("owner@contoso.test");
    engagement = await idOf("engagement", { title: EASTBANK });
  });

  it("prints November's report for the consultant and the client, in their languages or the one asked for", async () => {
    const english = await slaReportRest(owner, engagement, get("?period=2026-11"));
    expect(english.status).toBe(200);
    expect(english.headers.get("content-type")).toBe("application/pdf");
    expect(english.headers.get("content-disposition")).toMatch(/^attachment; filename="sla-report-.*-2026-11\.pdf"$/);
    const text = pdfText(await english.arrayBuffer());
    for (const words of [
      "Period: November 2026",
      "Provider: Northwind Consulting",
      "Client: Eastbank",
      "2026-11-03 10:00 2026-11-03 13:45 45 CN¥85,000.00",
      "2026-11-20 15:00 2026-11-20 15:20 4 CN¥8,000.00",
      "CN¥93,000.00 (capped)",
      "2026-11-15 02:00 – 2026-11-15 04:00 · Ledger node upgrade",
      "When above 12 for 5 minutes: Joint load test",
      "Total SLA credit for the period CN¥93,000.00",
    ])
      expect(text).toContain(words);

    // the viewer's own language setting (zh-CN); the approver asks for it
    for (const response of [
      await slaReportRest(viewer, engagement, get("?period=2026-11")),
      await slaReportRest(approver, engagement, get("?period=2026-11&lang=zh-CN")),
    ]) {
      expect(response.status).toBe(200);
      const chinese = pdfText(await response.arrayBuffer());
      expect(chinese).toContain("SLA 合规报告");
      expect(chinese).toContain("2026年11月");
      expect(chinese).toContain("本期 SLA 赔付合计 ¥93,000.00");
    }
  });

  it("refuses without a session, hides the engagement from others and names a bad period", async () => {
    expect((await slaReportRest(null, engagement, get("?period=2026-11"))).status).toBe(401);
    const foreign = await slaReportRest(contoso, engagement, get("?period=2026-11"));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "NOT_FOUND", reasons: [expect.stringMatching(/Engagement/)] });
    const bad = await slaReportRest(owner, engagement, get("?period=2026-13"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "BAD_REQUEST",
      reasons: ["period: a period is YYYY-MM, YYYY-Qn or YYYY"],
    });
    expect((await slaReportRest(owner, engagement, get("?period=2026-11&lang=fr"))).status).toBe(400);
    expect((await slaOpenSloRest(null, engagement, get())).status).toBe(401);
    expect((await slaOpenSloRest(contoso, engagement, get())).status).toBe(404);
  });

  it("exports every active clause as an OpenSLO v1 SLO", async () => {
    for (const session of [owner, approver]) {
      const response = await slaOpenSloRest(session, engagement, get());
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/yaml");
      const docs = parseAllDocuments(await response.text()).map((d) => d.toJS() as OpenSloDocument);
      expect(docs.map((d) => [d.apiVersion, d.kind, d.metadata.displayName, d.spec.budgetingMethod])).toEqual([
        ["openslo/v1", "SLO", "Sync delay", "Timeslices"],
        ["openslo/v1", "SLO", "Data integrity", "Occurrences"],
        ["openslo/v1", "SLO", "Availability", "Occurrences"],
        ["openslo/v1", "SLO", "Error rate", "Timeslices"],
      ]);
      expect(docs[0]!.spec.timeWindow).toEqual([
        { duration: "1M", calendar: { startTime: expect.any(String), timeZone: "Asia/Shanghai" }, isRolling: false },
      ]);
    }
    // a retired clause is not exported
    const scope = (await resolveOrgScope(owner.userId))!;
    const clauses = await listSlaClauses(scope, engagement);
    await retireSlaClause(scope, clauses.find((c) => c.title === "Error rate")!.id);
    const after = parseAllDocuments(await (await slaOpenSloRest(owner, engagement, get())).text());
    expect(after.map((d) => (d.toJS() as { metadata: { displayName: string } }).metadata.displayName)).toEqual([
      "Sync delay",
      "Data integrity",
      "Availability",
    ]);
  });

  it("gives an ADR linked to a clause the clause's verdict for its current period", async () => {
    const scope = (await resolveOrgScope(owner.userId))!;
    const api = createCaller({ session: owner });
    const targets = await api.adr.validationTargets({ engagementId: engagement });
    const adr7 = (await api.adr.list({ engagementId: engagement })).find((a) => a.number === 7)!;
    const linkOf = async (label: string, now: string) => {
      const target = targets.find((t) => t.kind === "sla" && t.label === label)!;
      await api.adr.linkValidation({ adrId: adr7.id, target: { kind: "sla", id: target.id } });
      const { adrs } = await listEngagementAdrs(scope, engagement, new Date(now));
      return adrs.find((a) => a.number === 7)!.validationLink;
    };
    expect(await linkOf("Sync delay", "2026-11-28T00:00:00Z")).toEqual({
      kind: "sla",
      id: expect.any(String),
      label: "Sync delay",
      target: "≤ 1.5 s",
      verdict: "missed",
      checkedAt: "2026-11-28T00:00:00.000Z",
      value: expect.stringMatching(/^2\.1\d* s · 2026-11$/),
    });
    expect(await linkOf("Data integrity", "2026-11-28T00:00:00Z")).toMatchObject({
      verdict: "met",
      value: "100 % · 2026-11",
    });
    expect(await linkOf("Availability", "2026-11-28T00:00:00Z")).toMatchObject({
      verdict: "met",
      target: "≥ 99.995 %",
    });
    // December has no measurements yet
    expect(await linkOf("Sync delay", "2026-12-02T00:00:00Z")).toMatchObject({ verdict: "none", value: null });
  });
});
