import type { Prisma } from "@prisma/client";
import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import { roiSharedEmail } from "../../domain/emails";
import type { Locale } from "../../domain/locale";
import { computeRoi, roiInputsHash } from "../../domain/roi/compute";
import type { RoiReport } from "../../domain/roi/report";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement, visibleEngagementFilter } from "../engagement/visible";
import type { NoticeDelivery } from "../notification/notices";
import { enqueueEmail } from "../notification/outbox";
import { prisma, transaction, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { roiInputs } from "./inputs";
import { monteCarloFor, scheduleRoiSimulation } from "./report";

// Sharing the ROI report with the client: the figures as they are now, rendered in English and
// Simplified Chinese, both PDFs kept by SHA-256 (the client downloads the bytes the consultant
// shared, never a new rendering), the client's users told. A withdrawn share leaves the portal.

/** Renders the report's PDF in one language (server/services/pdf/roi-report.tsx). */
export type RoiPdfRenderer = (report: RoiReport, locale: Locale) => Promise<Buffer>;
/** Keeps PDF bytes in the blob store; answers their digest and key. Supplied by the API layer. */
export type RoiPdfStore = (bytes: Uint8Array) => Promise<{ sha256: string; storageKey: string }>;

export interface RoiSharePdf {
  sha256: string;
}

export interface RoiShareSummary {
  id: string;
  engagementId: string;
  sharedAt: string;
  inputsHash: string;
  pdf: Record<Locale, RoiSharePdf>;
}

export interface RoiShareView extends RoiShareSummary {
  report: RoiReport;
}

const shareSelect = {
  id: true,
  engagementId: true,
  createdAt: true,
  inputsHash: true,
  pdfEnSha256: true,
  pdfZhSha256: true,
  report: true,
} satisfies Prisma.RoiShareSelect;

type ShareRow = Prisma.RoiShareGetPayload<{ select: typeof shareSelect }>;

function shareView(row: ShareRow): RoiShareView {
  return {
    id: row.id,
    engagementId: row.engagementId,
    sharedAt: row.createdAt.toISOString(),
    inputsHash: row.inputsHash,
    pdf: { en: { sha256: row.pdfEnSha256 }, "zh-CN": { sha256: row.pdfZhSha256 } },
    report: row.report as unknown as RoiReport,
  };
}

/** The ROI report as it is now, with its interval computed even when a large model's job has not run yet. */
async function reportToShare(scope: OrgScope, engagementId: string): Promise<RoiReport> {
  const { inputs, systemMap } = await roiInputs(scope, engagementId);
  const monteCarlo = await monteCarloFor(scope.organisationId, engagementId, inputs);
  if (monteCarlo.status === "pending") {
    // the client never gets a pending interval, and a large simulation never runs in a request
    await scheduleRoiSimulation(scope.organisationId, engagementId);
    throw new DataRefusal("CONFLICT", [
      "the Monte Carlo simulation of this model is still running; share the report once its interval is shown",
    ]);
  }
  return computeRoi(inputs, systemMap, monteCarlo);
}

async function notifyClient(
  tx: Tx,
  facts: { organisationId: string; engagementId: string; engagement: string; clientId: string; hidesAmounts: boolean },
  who: string,
  delivery: NoticeDelivery,
): Promise<void> {
  const users = await tx.clientUser.findMany({
    where: {
      organisationId: facts.organisationId,
      clientId: facts.clientId,
      user: { deactivatedAt: null },
      // a viewer the engagement hides amounts from cannot open a report made of amounts
      ...(facts.hidesAmounts ? { role: "approver" as const } : {}),
    },
    select: { user: { select: { id: true, email: true, locale: true } } },
  });
  const link = `${delivery.origin}/portal/engagements/${facts.engagementId}/roi`;
  for (const { user } of users) {
    await tx.notification.create({
      data: {
        organisationId: facts.organisationId,
        userId: user.id,
        kind: "roi_shared",
        engagementId: facts.engagementId,
        milestoneId: null,
        params: { milestone: "", engagement: facts.engagement, who, comment: "" },
      },
    });
    const locale: Locale = user.locale === "zh-CN" ? "zh-CN" : "en";
    const email = roiSharedEmail(locale, { engagement: facts.engagement, who, link });
    await enqueueEmail(tx, facts.organisationId, user.email, "roi.shared", email, delivery.smtpConfigured);
  }
}

export async function shareRoiReport(
  scope: OrgScope,
  engagementId: string,
  render: RoiPdfRenderer,
  store: RoiPdfStore,
  delivery: NoticeDelivery,
): Promise<RoiShareView> {
  const report = await reportToShare(scope, engagementId);
  const [en, zh] = await Promise.all([
    render(report, "en").then((bytes) => store(new Uint8Array(bytes))),
    render(report, "zh-CN").then((bytes) => store(new Uint8Array(bytes))),
  ]);
  const row = await transaction(async (tx) => {
    const engagement = await tx.engagement.findFirst({
      where: { id: engagementId, organisationId: scope.organisationId },
      select: { id: true, title: true, clientId: true, status: true, hideAmountsFromViewers: true },
    });
    if (!engagement) throw new NotFound("Engagement");
    const sharer = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } });
    const created = await tx.roiShare.create({
      data: {
        organisationId: scope.organisationId,
        engagementId,
        report: report as unknown as Prisma.InputJsonValue,
        inputsHash: roiInputsHash(report.inputs),
        pdfEnSha256: en.sha256,
        pdfEnKey: en.storageKey,
        pdfZhSha256: zh.sha256,
        pdfZhKey: zh.storageKey,
        sharedByUserId: scope.userId,
      },
      select: shareSelect,
    });
    await appendUserAuditEvent(tx, scope, {
      action: "roi.shared",
      entityType: "roi_share",
      entityId: created.id,
      engagementId,
      data: {
        inputsHash: created.inputsHash,
        npvMinor: report.npvMinor,
        pdfEnSha256: en.sha256,
        pdfZhSha256: zh.sha256,
      },
    });
    // a draft engagement is not in the portal yet: its client hears of the report once it is
    if (engagement.status !== "draft")
      await notifyClient(
        tx,
        {
          organisationId: scope.organisationId,
          engagementId,
          engagement: engagement.title,
          clientId: engagement.clientId,
          hidesAmounts: engagement.hideAmountsFromViewers,
        },
        sharer.name,
        delivery,
      );
    return created;
  });
  return shareView(row);
}

/** Takes a share out of the portal; its record (and the bytes the client may have downloaded) stay. */
export async function withdrawRoiShare(scope: OrgScope, shareId: string): Promise<void> {
  await transaction(async (tx) => {
    const share = await tx.roiShare.findFirst({
      where: { id: shareId, organisationId: scope.organisationId },
      select: { id: true, engagementId: true, withdrawnAt: true },
    });
    if (!share) throw new NotFound("ROI share");
    if (share.withdrawnAt) return;
    await tx.roiShare.update({ where: { id: share.id }, data: { withdrawnAt: new Date() } });
    await appendUserAuditEvent(tx, scope, {
      action: "roi.share_withdrawn",
      entityType: "roi_share",
      entityId: share.id,
      engagementId: share.engagementId,
    });
  });
}

/**
 * The share a reader sees. Only an engagement's newest share counts: withdrawing it leaves nothing
 * shared rather than bring an older, superseded report back. By id, a consultant may open any share
 * not withdrawn; a client only the one shared now. A client's users see their engagement's (out of
 * draft); a viewer the engagement hides amounts from sees none, since the report is made of amounts.
 */
async function visibleShare(
  scope: OrgScope | ClientScope,
  where: { engagementId: string } | { id: string },
): Promise<(ShareRow & { pdfEnKey: string; pdfZhKey: string }) | null> {
  const row = await prisma().roiShare.findFirst({
    where: { ...where, organisationId: scope.organisationId, engagement: visibleEngagementFilter(scope) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      ...shareSelect,
      pdfEnKey: true,
      pdfZhKey: true,
      withdrawnAt: true,
      engagement: { select: { hideAmountsFromViewers: true } },
    },
  });
  if (!row || row.withdrawnAt || !seesAmounts(amountReaderOf(scope), row.engagement)) return null;
  if ("id" in where && "clientId" in scope) {
    const newest = await prisma().roiShare.findFirst({
      where: { engagementId: row.engagementId, organisationId: scope.organisationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (newest?.id !== row.id) return null;
  }
  return row;
}

/** The latest share of an engagement the reader may see (null: none shared); another tenant's engagement is not found. */
export async function latestRoiShare(
  scope: OrgScope | ClientScope,
  engagementId: string,
): Promise<RoiShareView | null> {
  const row = await visibleShare(scope, { engagementId });
  if (row) return shareView(row);
  await visibleEngagement(scope, engagementId);
  return null;
}

/** Where the shared PDF in `locale` is kept; a withdrawn or unseen share is not found. */
export async function roiSharePdf(
  scope: OrgScope | ClientScope,
  shareId: string,
  locale: Locale,
): Promise<{ storageKey: string; sha256: string }> {
  const row = await visibleShare(scope, { id: shareId });
  if (!row) throw new NotFound("ROI report");
  return locale === "zh-CN"
    ? { storageKey: row.pdfZhKey, sha256: row.pdfZhSha256 }
    : { storageKey: row.pdfEnKey, sha256: row.pdfEnSha256 };
}

/** The PDF in `locale` of the engagement's latest share, for the portal's download. */
export async function latestRoiSharePdf(
  scope: OrgScope | ClientScope,
  engagementId: string,
  locale: Locale,
): Promise<{ shareId: string; storageKey: string; sha256: string }> {
  const row = await visibleShare(scope, { engagementId });
  if (!row) throw new NotFound("ROI report");
  return locale === "zh-CN"
    ? { shareId: row.id, storageKey: row.pdfZhKey, sha256: row.pdfZhSha256 }
    : { shareId: row.id, storageKey: row.pdfEnKey, sha256: row.pdfEnSha256 };
}
