import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../data/organisation/api-tokens";
import { prisma } from "../../data/prisma-client";
import { resolveOrgScope } from "../../data/scope";
import { databaseFingerprint, idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { useTestDatabase } from "../../test-support/database";
import { importDebtRest } from "./debt-import";
import type { DebtImportResponse } from "./contracts/debt-import";

// POST /api/v1/engagements/{id}/debt/import with real SonarQube exports (server/domain/debt/fixtures).

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../../domain/debt/fixtures", name), "utf8");

type Session = Awaited<ReturnType<typeof sessionFor>>;

function post(session: Session | null, engagementId: string, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`http://tollgate.test/api/v1/engagements/${engagementId}/debt/import`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return importDebtRest(session, engagementId, request);
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const sonarItems = (engagementId: string) =>
  prisma().debtItem.findMany({
    where: { engagementId, source: { startsWith: "sonarqube:" } },
    orderBy: { source: "asc" },
  });

/** Two exports of one project a week apart: the second finds one more issue of a rule and a new rule. */
const laterExport = () => {
  const first = JSON.parse(fixture("issues-two-of-one-rule.json")) as { issues: Record<string, unknown>[] };
  const [issue] = first.issues;
  first.issues.push({ ...issue, key: "third", effort: "1h", debt: "1h" });
  first.issues.push({ ...issue, key: "fourth", rule: "xoo:x2", severity: "BLOCKER", effort: "1d" });
  return JSON.stringify(first);
};

describe.each(testDatabaseKinds())("POST /api/v1/engagements/{id}/debt/import on %s", (kind) => {
  useTestDatabase(kind);
  let owner: Session;
  let approver: Session;
  let contoso: Session;
  let engagementId: string;

  beforeAll(async () => {
    owner = await sessionFor("owner@northwind.test");
    approver = await sessionFor("approver@eastbank.test");
    contoso = await sessionFor("owner@contoso.test");
    engagementId = await idOf("engagement", { title: EASTBANK });
  });

  it("imports a real export into one item per rule, effort summed, cost left at 0", async () => {
    const { status, body } = await answer(await post(owner, engagementId, fixture("issues-two-of-one-rule.json")));
    expect(status).toBe(200);
    const result = body as unknown as DebtImportResponse;
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0, skipped: 0 });
    expect(result.items).toEqual([
      expect.objectContaining({
        source: "sonarqube:xoo:x1",
        title: "xoo:x1",
        impact: "medium",
        fixDays: { low: 0.05, likely: 0.05, high: 0.05 },
        costPerQuarterMinor: { low: 0, likely: 0, high: 0 },
        status: "open",
        revision: 1,
      }),
    ]);
    expect(result.items[0]!.description).toBe(
      "2 SonarQube issues of rule xoo:x1, 20min of remediation effort (a day is 8 hours), in 1 component: null/NAME_FILE_ID.",
    );
    const audit = (action: string, entityId: string) => prisma().auditEvent.count({ where: { action, entityId } });
    expect(await audit("debt_item.created", result.items[0]!.id)).toBe(1);
    expect(await audit("debt.imported", engagementId)).toBe(1);
  });

  it("re-imports by updating the rule's item, keeping the consultant's cost, not duplicating it", async () => {
    const [item] = await sonarItems(engagementId);
    await prisma().debtItem.update({
      where: { id: item!.id },
      data: { costPerQuarterLowMinor: 100n, costPerQuarterLikelyMinor: 200n, costPerQuarterHighMinor: 300n },
    });
    const again = await answer(await post(owner, engagementId, fixture("issues-two-of-one-rule.json")));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const later = (await answer(await post(owner, engagementId, laterExport()))).body as unknown as DebtImportResponse;
    expect(later).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    const rows = await sonarItems(engagementId);
    expect(rows.map((row) => [row.source, row.fixDaysLikely.toNumber(), row.impact, row.revision])).toEqual([
      ["sonarqube:xoo:x1", 0.17, "medium", 2], // 10 + 10 + 60 minutes
      ["sonarqube:xoo:x2", 1, "critical", 1],
    ]);
    expect(rows[0]!.costPerQuarterLikelyMinor).toBe(200n);
    expect(await prisma().debtItemRevision.count({ where: { debtItemId: rows[0]!.id } })).toBe(2);
  });

  it("imports sqale_index from a measures export as one item", async () => {
    const { body } = await answer(await post(owner, engagementId, fixture("measures-sqale-index.json")));
    expect(body).toMatchObject({
      created: 1,
      items: [
        expect.objectContaining({
          source: "sonarqube:sqale_index:TypeScript:src/server/editorServices.ts",
          impact: "medium",
          fixDays: { low: 0.5, likely: 0.5, high: 0.5 },
        }),
      ],
    });
  });

  it("counts resolved issues as skipped and stores nothing for them", async () => {
    const before = await databaseFingerprint();
    const { body } = await answer(await post(owner, engagementId, fixture("issues-impacts-resolved.json")));
    expect(body).toMatchObject({ created: 0, updated: 0, skipped: 1, items: [] });
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses a bad export with every reason (422) and changes nothing", async () => {
    const before = await databaseFingerprint();
    const bad = JSON.stringify({
      issues: [
        { rule: "xoo:x1", severity: "MAJOR", effort: "2x", status: "OPEN" },
        { severity: "MAJOR", status: "OPEN" },
      ],
    });
    expect(await answer(await post(owner, engagementId, bad))).toEqual({
      status: 422,
      body: {
        error: "UNPROCESSABLE",
        reasons: ['issues[0].effort: "2x" is not a SonarQube duration', "issues[1].rule: the issue has no rule"],
      },
    });
    expect((await answer(await post(owner, engagementId, "<html>"))).status).toBe(422);
    expect((await answer(await post(owner, engagementId, "{}"))).status).toBe(422);
    expect((await post(owner, engagementId, "{}", { "content-type": "text/plain" })).status).toBe(415);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses a body over 10 MB (413), declared or streamed without a length", async () => {
    const before = await databaseFingerprint();
    const declared = await post(owner, engagementId, "{}", { "content-length": String(11 * 1024 * 1024) });
    expect(await answer(declared)).toMatchObject({ status: 413, body: { error: "PAYLOAD_TOO_LARGE" } });
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(new TextEncoder().encode(`{"issues":[${" ".repeat(1024 * 1024)}`));
      },
    });
    expect(await answer(await post(owner, engagementId, endless))).toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(14);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("refuses an engagement API token: a pipeline's evidence token does not write the register", async () => {
    const ownerScope = (await resolveOrgScope(owner.userId))!;
    const { token } = await createApiToken(ownerScope, engagementId, "sonar pipeline");
    const before = await databaseFingerprint();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await post(null, engagementId, fixture("issues-sonarcloud-legacy.json"), bearer)).status).toBe(401);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("answers 404 for another organisation's engagement, 403 to a client, 401 without a session", async () => {
    const before = await databaseFingerprint();
    const body = fixture("issues-sonarcloud-legacy.json");
    expect(await answer(await post(contoso, engagementId, body))).toMatchObject({
      status: 404,
      body: { error: "NOT_FOUND" },
    });
    expect((await post(approver, engagementId, body)).status).toBe(403);
    expect((await post(null, engagementId, body)).status).toBe(401);
    expect((await post(owner, "x".repeat(65), body)).status).toBe(400);
    expect(await databaseFingerprint()).toBe(before);
  });
});
