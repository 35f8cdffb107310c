import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buffer, text } from "node:stream/consumers";
import { beforeAll, describe, expect, it } from "vitest";
import { storeRoiPdf } from "../../api/routers/roi/pdf-store";
import { computeRoi, roiInputsHash } from "../../domain/roi/compute";
import { ROI_DEFAULTS } from "../../domain/roi/inputs";
import { simulateRoi, simulationRunsAsJob } from "../../domain/roi/monte-carlo";
import { roiSimulate } from "../../jobs/handlers/roi-simulation";
import { renderRoiReportPdf } from "../../services/pdf/roi-report";
import { blobStore, installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { useTestDatabase } from "../../test-support/database";
import { prisma } from "../prisma-client";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope } from "../scope";
import { databaseFingerprint, idOf, sessionFor, setEngagementHidesAmounts, testDatabaseKinds } from "../testing";
import { roiInputs, seedFromEngagementId } from "./inputs";
import { invoiceMilestone } from "./test-support";
import { engagementRoi } from "./report";
import { planMilestone, updateRoiSettings } from "./settings";
import { latestRoiShare, roiSharePdf, shareRoiReport, withdrawRoiShare } from "./share";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const GATEWAY = "Legacy JSON-RPC gateway without circuit breaker";
const RETRY_QUEUE = "Unbounded retry queue in the block fetcher";
const delivery = { origin: "http://tollgate.test", smtpConfigured: false };
const noJob = { retryCount: 0, lastAttempt: true, enqueue: async () => undefined };

const pdfText = async (bytes: Buffer): Promise<string> => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "roi-pdf-")), "report.pdf");
  await writeFile(file, bytes);
  return execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

async function orgScope(email: string): Promise<OrgScope> {
  const scope = await resolveOrgScope((await sessionFor(email)).userId);
  if (!scope) throw new Error(`${email} is no consultant`);
  return scope;
}

async function clientScope(email: string): Promise<ClientScope> {
  const scope = await resolveClientScope((await sessionFor(email)).userId);
  if (!scope) throw new Error(`${email} is no client user`);
  return scope;
}

describe.each(testDatabaseKinds())("the ROI data on %s", (kind) => {
  useTestDatabase(kind);
  let engagementId: string;
  let owner: OrgScope;
  const milestone: Record<string, string> = {};

  beforeAll(async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-roi-blobs-"))));
    engagementId = await idOf("engagement", { title: EASTBANK });
    owner = await orgScope("owner@northwind.test");
    for (const key of ["review", "poc", "delivery", "upgrade"])
      milestone[key] = await idOf("milestone", { title: EASTBANK, key });
  });

  it("reads defaults and a seed derived from the engagement while nothing is set, and the read writes nothing", async () => {
    const before = await databaseFingerprint();
    const { inputs } = await roiInputs(owner, engagementId);
    expect(inputs).toMatchObject({
      currency: "CNY",
      startMonth: "2026-09",
      discountRateBp: ROI_DEFAULTS.discountRateBp,
      horizonMonths: ROI_DEFAULTS.horizonMonths,
      draws: ROI_DEFAULTS.draws,
      dayRateMinor: null,
      seed: seedFromEngagementId(engagementId),
    });
    expect(inputs.milestones.map((m) => [m.amountMinor, m.month, m.basis])).toEqual([
      [15_000_000, 0, "assumed"],
      [30_000_000, 0, "assumed"],
      [45_000_000, 0, "assumed"],
      [10_000_000, 0, "assumed"],
    ]);
    expect(inputs.debt.map((d) => [d.title, d.fixMonth, d.costPerQuarterMinor.likely, d.fixDays.likely])).toEqual([
      // the demo's gateway fix is scheduled for December (month 3), the retry queue fixed in November
      [GATEWAY, 3, 420_000_000, 17],
      [RETRY_QUEUE, 2, 86_500_000, 5],
    ]);
    await engagementRoi(owner, engagementId);
    expect(await databaseFingerprint()).toBe(before);
  });

  it("places milestones by invoice, plan or assumption, debt by its month, objectives after the approval", async () => {
    await invoiceMilestone(engagementId, milestone.review!, "2026-10-15", "issued");
    await invoiceMilestone(engagementId, milestone.delivery!, "2026-11-03", "void");
    await planMilestone(owner, milestone.poc!, "2026-12");
    expect(await prisma().auditEvent.count({ where: { action: "milestone.planned", entityId: milestone.poc } })).toBe(
      1,
    );
    await prisma().debtItem.updateMany({
      where: { engagementId, title: GATEWAY },
      data: { status: "scheduled", scheduledMonth: new Date("2027-01-01T00:00:00Z") },
    });
    await prisma().debtItem.updateMany({
      where: { engagementId, title: RETRY_QUEUE },
      data: { status: "fixed", fixedOn: new Date("2026-08-20T00:00:00Z") },
    });
    await prisma().objective.updateMany({ where: { engagementId }, data: { costPerQuarterMinor: 30_000_000n } });
    await prisma().adr.updateMany({
      where: { engagementId, number: { in: [6, 7] } },
      data: { plAccount: "operations", plAmountMinor: 5_000_000n, plRecurrence: "per_quarter", plEffect: "saving" },
    });
    // a proposal the client has not seen counts nothing, whatever its label
    await prisma().adr.create({
      data: {
        organisationId: owner.organisationId,
        engagementId,
        number: 90,
        title: "Proposed: a second gateway region",
        status: "proposed",
        deciders: [],
        consideredOptions: [],
        plAccount: "infrastructure",
        plAmountMinor: 9_000_000n,
        plRecurrence: "one_off",
        plEffect: "cost",
      },
    });

    const planned = (await roiInputs(owner, engagementId)).inputs;
    expect(planned.milestones.map((m) => [m.id, m.month, m.basis])).toEqual([
      [milestone.review, 1, "invoiced"],
      [milestone.poc, 3, "planned"],
      [milestone.delivery, 0, "assumed"],
      [milestone.upgrade, 0, "assumed"],
    ]);
    expect(planned.debt.map((d) => [d.title, d.fixMonth])).toEqual([
      [GATEWAY, 4],
      [RETRY_QUEUE, 0],
    ]);
    const slow = (inputs: typeof planned) => inputs.objectives.find((o) => o.title === "Reports are slow");
    // the objective's requirement is a gate requirement of the proof of concept, planned for month 3
    expect(slow(planned)).toMatchObject({ costPerQuarterMinor: 30_000_000, fromMonth: 4 });
    expect(planned.objectives.find((o) => o.title === "Export stutters")).toMatchObject({ fromMonth: null });
    // only accepted decisions count: not the superseded ADR 6, not the proposal; ADR 7 was decided in the start month
    expect(planned.adrs).toEqual([
      expect.objectContaining({
        number: 7,
        amountMinor: 5_000_000,
        recurrence: "per_quarter",
        effect: "saving",
        month: 0,
      }),
    ]);

    const orgId = owner.organisationId;
    await prisma().approval.create({
      data: {
        organisationId: orgId,
        milestoneId: milestone.poc!,
        type: "approved",
        evidenceHashes: [],
        voidedAt: new Date("2026-10-02T00:00:00Z"),
        createdAt: new Date("2026-10-01T00:00:00Z"),
      },
    });
    await prisma().approval.create({
      data: {
        organisationId: orgId,
        milestoneId: milestone.poc!,
        type: "approved",
        evidenceHashes: [],
        createdAt: new Date("2026-11-10T00:00:00Z"),
      },
    });
    expect(slow((await roiInputs(owner, engagementId)).inputs)).toMatchObject({ fromMonth: 3 });
  });

  it("answers the engine's figures over the stored inputs, the client's users only what is shared", async () => {
    const { inputs, systemMap } = await roiInputs(owner, engagementId);
    const report = await engagementRoi(owner, engagementId);
    expect(simulationRunsAsJob(inputs)).toBe(false);
    expect(report).toEqual(computeRoi(inputs, systemMap, simulateRoi(inputs)));
    expect(report.monteCarlo.status).toBe("ready");
    expect(report.debt.map((d) => d.title)).toEqual([GATEWAY, RETRY_QUEUE]);
    const other = await orgScope("owner@contoso.test");
    await expect(roiInputs(other, engagementId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateRoiSettings(other, engagementId, { draws: 1000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores settings on first write, validates their ranges, keeps the day rate on the engagement, audits", async () => {
    await expect(
      updateRoiSettings(owner, engagementId, { horizonMonths: 0, draws: 10_000_000, discountRateBp: -1 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      reasons: expect.arrayContaining([expect.stringContaining("draws")]),
    });
    expect(await prisma().roiModel.count({ where: { engagementId } })).toBe(0);
    const settings = await updateRoiSettings(owner, engagementId, { discountRateBp: 1000, dayRateMinor: 1_200_000 });
    expect(settings).toEqual({
      discountRateBp: 1000,
      horizonMonths: 36,
      seed: seedFromEngagementId(engagementId),
      draws: 10_000,
      dayRateMinor: 1_200_000,
    });
    expect(await prisma().roiModel.count({ where: { engagementId } })).toBe(1);
    const { inputs } = await roiInputs(owner, engagementId);
    expect(inputs).toMatchObject({ discountRateBp: 1000, dayRateMinor: 1_200_000 });
    expect((await engagementRoi(owner, engagementId)).discountRate).toBeCloseTo(0.1);
    await updateRoiSettings(owner, engagementId, { seed: 17 });
    expect((await roiInputs(owner, engagementId)).inputs).toMatchObject({ seed: 17, discountRateBp: 1000 });
    expect(await prisma().auditEvent.count({ where: { action: "roi.settings_changed", entityId: engagementId } })).toBe(
      2,
    );
  });

  it("shares both PDFs by SHA-256, tells the client's users, and a withdrawn share leaves the portal", async () => {
    const approver = await clientScope("approver@eastbank.test");
    expect(await latestRoiShare(approver, engagementId)).toBeNull();
    const share = await shareRoiReport(owner, engagementId, renderRoiReportPdf, storeRoiPdf, delivery);
    expect(share.report.npvMinor).toBe((await engagementRoi(owner, engagementId)).npvMinor);
    for (const locale of ["en", "zh-CN"] as const) {
      const stored = await roiSharePdf(approver, share.id, locale);
      const bytes = await buffer(blobStore().open(stored.storageKey));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(share.pdf[locale].sha256);
      expect(stored.sha256).toBe(share.pdf[locale].sha256);
    }
    const english = await buffer(blobStore().open((await roiSharePdf(owner, share.id, "en")).storageKey));
    const words = await pdfText(english);
    expect(words).toContain("NPV");
    expect(words.replace(/\s+/g, " ")).toContain("Legacy JSON-RPC gateway");
    expect(await text(blobStore().open((await roiSharePdf(owner, share.id, "zh-CN")).storageKey))).toMatch(/^%PDF/);

    expect(await latestRoiShare(approver, engagementId)).toMatchObject({ id: share.id, report: share.report });
    const notices = await prisma().notification.findMany({ where: { kind: "roi_shared", engagementId } });
    expect(notices).toHaveLength(2);
    expect(await prisma().outboxMessage.count({ where: { kind: "roi.shared" } })).toBe(2);
    expect(await prisma().auditEvent.count({ where: { action: "roi.shared", entityId: share.id } })).toBe(1);

    const viewer = await clientScope("viewer@eastbank.test");
    expect(await latestRoiShare(viewer, engagementId)).not.toBeNull();
    await setEngagementHidesAmounts(EASTBANK, true);
    expect(await latestRoiShare(viewer, engagementId)).toBeNull();
    await expect(roiSharePdf(viewer, share.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setEngagementHidesAmounts(EASTBANK, false);
    const lakeside = await clientScope("approver@lakeside.test");
    await expect(latestRoiShare(lakeside, engagementId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(roiSharePdf(lakeside, share.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // a second share supersedes the first: withdrawing it leaves nothing shared, never the older report
    await updateRoiSettings(owner, engagementId, { seed: 99 });
    const second = await shareRoiReport(owner, engagementId, renderRoiReportPdf, storeRoiPdf, delivery);
    await expect(roiSharePdf(approver, share.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await withdrawRoiShare(owner, second.id);
    expect(await latestRoiShare(approver, engagementId)).toBeNull();
    expect(await latestRoiShare(owner, engagementId)).toBeNull();
    await updateRoiSettings(owner, engagementId, { seed: 17 });

    await withdrawRoiShare(owner, share.id);
    expect(await latestRoiShare(approver, engagementId)).toBeNull();
    await expect(roiSharePdf(approver, share.id, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma().auditEvent.count({ where: { action: "roi.share_withdrawn", entityId: share.id } })).toBe(1);
    await expect(withdrawRoiShare(await orgScope("owner@contoso.test"), share.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("leaves a large model's interval pending until the job stores it, then reads the cached simulation", async () => {
    const items = Array.from({ length: 50 }, (_, index) => ({
      organisationId: owner.organisationId,
      engagementId,
      title: `Scheduled item ${index + 1}`,
      impact: "medium" as const,
      costPerQuarterLowMinor: 1_000_000n,
      costPerQuarterLikelyMinor: 2_000_000n,
      costPerQuarterHighMinor: 4_000_000n,
      fixDaysLow: 1,
      fixDaysLikely: 2,
      fixDaysHigh: 3,
      status: "scheduled" as const,
      scheduledMonth: new Date(`2027-0${(index % 9) + 1}-01T00:00:00Z`),
    }));
    await prisma().debtItem.createMany({ data: items });
    await updateRoiSettings(owner, engagementId, { draws: 100_000 });
    const { inputs } = await roiInputs(owner, engagementId);
    expect(simulationRunsAsJob(inputs)).toBe(true);
    const pending = await engagementRoi(owner, engagementId);
    expect(pending.monteCarlo).toMatchObject({ status: "pending", npvP50Minor: null, seed: 17, draws: 100_000 });
    expect(pending.npvMinor).toBe(computeRoi(inputs, pending.systemMap, pending.monteCarlo).npvMinor);

    // the client never gets a pending interval, and the share never runs the simulation itself
    const sharesBefore = await prisma().roiShare.count({ where: { engagementId } });
    await expect(shareRoiReport(owner, engagementId, renderRoiReportPdf, storeRoiPdf, delivery)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await prisma().roiShare.count({ where: { engagementId } })).toBe(sharesBefore);

    const inputsHash = roiInputsHash(inputs);
    await roiSimulate.handle({ organisationId: owner.organisationId, engagementId, inputsHash }, noJob);
    const stored = await prisma().roiSimulation.findMany({ where: { engagementId } });
    expect(stored.map((row) => row.inputsHash)).toEqual([inputsHash]);
    const ready = await engagementRoi(owner, engagementId);
    expect(ready.monteCarlo).toEqual(stored[0]!.result);
    expect(ready.monteCarlo.status).toBe("ready");
    // the job again: nothing new (one row per engagement and inputs)
    await roiSimulate.handle({ organisationId: owner.organisationId, engagementId, inputsHash }, noJob);
    expect(await prisma().roiSimulation.count({ where: { engagementId } })).toBe(1);
  }, 120_000);
});
