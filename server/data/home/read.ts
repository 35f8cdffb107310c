import type { Prisma } from "@prisma/client";
import { milestoneStanding } from "../../domain/milestone-standing";
import { prisma, toMinor } from "../prisma-client";
import { decisionInputs, milestoneDecisionSelect } from "../milestone/decision-inputs";
import type { NotificationKind, NotificationView } from "../notification/notices";
import type { ClientScope, OrgScope } from "../scope";

// What waits for a user today, across everything the scope may see: bounded lists (the first
// `limit` of each, most urgent first) with the full count beside each. Reads only.

export const HOME_LIST_LIMIT = 20;
// a milestone with more work than this in flight is counted from the newest of them
const WORKING_MILESTONES_READ = 200;

export interface Section<T> {
  items: T[];
  total: number;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const utcDay = (now: Date) => new Date(`${isoDate(now)}T00:00:00Z`);
const section = <T>(items: T[], total: number, limit: number): Section<T> => ({ items: items.slice(0, limit), total });

const placeSelect = {
  id: true,
  title: true,
  engagement: {
    select: { id: true, title: true, currency: true, hideAmountsFromViewers: true, client: { select: { name: true } } },
  },
} satisfies Prisma.MilestoneSelect;
type PlaceRow = Prisma.MilestoneGetPayload<{ select: typeof placeSelect }>;
const place = (row: PlaceRow) => ({
  milestoneId: row.id,
  milestoneTitle: row.title,
  engagementId: row.engagement.id,
  engagementTitle: row.engagement.title,
  clientName: row.engagement.client.name,
});

const openInvoiceWhere = {
  kind: "invoice",
  status: { in: ["issued", "partially_paid"] },
} satisfies Prisma.InvoiceWhereInput;
const invoiceSelect = {
  id: true,
  number: true,
  currency: true,
  totalMinor: true,
  dueDate: true,
  payments: { select: { amountMinor: true } },
  creditNotes: { select: { totalMinor: true } },
  engagement: { select: { id: true, title: true, hideAmountsFromViewers: true, client: { select: { name: true } } } },
} satisfies Prisma.InvoiceSelect;
type InvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof invoiceSelect }>;

function openInvoice(row: InvoiceRow, today: Date) {
  const paid = row.payments.reduce((sum, p) => sum + toMinor(p.amountMinor), 0);
  const credited = row.creditNotes.reduce((sum, c) => sum + toMinor(c.totalMinor), 0);
  return {
    invoiceId: row.id,
    number: row.number,
    engagementId: row.engagement.id,
    engagementTitle: row.engagement.title,
    clientName: row.engagement.client.name,
    hideAmountsFromViewers: row.engagement.hideAmountsFromViewers,
    currency: row.currency,
    outstandingMinor: toMinor(row.totalMinor) - paid - credited,
    dueDate: isoDate(row.dueDate),
    overdue: row.dueDate < today,
  };
}
export type OpenInvoice = ReturnType<typeof openInvoice>;

/** The newest evidence of each kind on a milestone whose newest verification did not pass. */
function failedEvidence(
  row: Prisma.MilestoneGetPayload<{ select: typeof milestoneDecisionSelect & typeof placeSelect }>,
) {
  const newestByKind = new Map<string, (typeof row.evidence)[number]>();
  for (const item of row.evidence) if (item.role !== "baseline") newestByKind.set(item.kind, item);
  return [...newestByKind.values()].flatMap((item) => {
    const latest = [...item.verifications].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (!latest || latest.verdict === "pass") return [];
    const reasons = Array.isArray(latest.reasons)
      ? latest.reasons.filter((r): r is string => typeof r === "string")
      : [];
    return [
      {
        ...place(row),
        evidenceId: item.id,
        kind: item.kind,
        filename: item.filename,
        verdict: latest.verdict,
        reasons: reasons.slice(0, 3),
        verifiedAt: latest.createdAt.toISOString(),
      },
    ];
  });
}

export async function consultantHome(scope: OrgScope, limit = HOME_LIST_LIMIT, now = new Date()) {
  const org = { organisationId: scope.organisationId };
  const live = { ...org, engagement: { status: { in: ["draft", "active"] } } } satisfies Prisma.MilestoneWhereInput;
  const awaitingWhere = { ...live, state: "verified", kind: "standard" } satisfies Prisma.MilestoneWhereInput;
  const today = utcDay(now);
  const overdueWhere = { ...org, ...openInvoiceWhere, dueDate: { lt: today } } satisfies Prisma.InvoiceWhereInput;
  const unreadWhere = { ...org, userId: scope.userId, readAt: null } satisfies Prisma.NotificationWhereInput;
  const [awaiting, awaitingTotal, working, overdue, overdueTotal, notices, noticesTotal] = await Promise.all([
    prisma().milestone.findMany({
      where: awaitingWhere,
      select: { ...placeSelect, verifiedAt: true },
      orderBy: [{ verifiedAt: "asc" }, { id: "asc" }],
      take: limit,
    }),
    prisma().milestone.count({ where: awaitingWhere }),
    prisma().milestone.findMany({
      where: {
        ...live,
        state: { in: ["planned", "in_progress", "submitted", "changes_requested", "verified", "approved"] },
        OR: [
          { state: { in: ["in_progress", "submitted"] } },
          { evidence: { some: { verifications: { some: { verdict: { in: ["fail", "error"] } } } } } },
        ],
      },
      select: { ...milestoneDecisionSelect, ...placeSelect },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      take: WORKING_MILESTONES_READ,
    }),
    prisma().invoice.findMany({
      where: overdueWhere,
      select: invoiceSelect,
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
      take: limit,
    }),
    prisma().invoice.count({ where: overdueWhere }),
    prisma().notification.findMany({
      where: unreadWhere,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
    }),
    prisma().notification.count({ where: unreadWhere }),
  ]);
  const failing = working.flatMap((row) => {
    if (row.state !== "in_progress" && row.state !== "submitted") return [];
    const { gate } = decisionInputs(row);
    if (milestoneStanding({ state: row.state, kind: row.kind, gateOpen: gate.open }) !== "gate_failing") return [];
    const unmet = gate.checks.filter((check) => !check.met);
    return [
      {
        ...place(row),
        state: row.state,
        unmetCount: unmet.length,
        reasons: unmet.flatMap((check) => check.reasons).slice(0, 3),
      },
    ];
  });
  const failed = working.flatMap(failedEvidence);
  return {
    awaitingApproval: section(
      awaiting.map((row) => ({ ...place(row), verifiedAt: row.verifiedAt?.toISOString() ?? null })),
      awaitingTotal,
      limit,
    ),
    gatesFailing: section(failing, failing.length, limit),
    failedEvidence: section(failed, failed.length, limit),
    overdueInvoices: section(
      overdue.map((row) => openInvoice(row, today)),
      overdueTotal,
      limit,
    ),
    unreadNotices: section(
      notices.map((row) => ({
        id: row.id,
        kind: row.kind as NotificationKind,
        engagementId: row.engagementId,
        proposalId: row.proposalId,
        milestoneId: row.milestoneId,
        params: row.params as NotificationView["params"],
        createdAt: row.createdAt.toISOString(),
      })),
      noticesTotal,
      limit,
    ),
  };
}

export async function clientHome(scope: ClientScope, limit = HOME_LIST_LIMIT, now = new Date()) {
  const visible = {
    organisationId: scope.organisationId,
    clientId: scope.clientId,
    status: { not: "draft" },
  } satisfies Prisma.EngagementWhereInput;
  const awaitingWhere = {
    organisationId: scope.organisationId,
    engagement: visible,
    state: "verified",
    kind: "standard",
  } satisfies Prisma.MilestoneWhereInput;
  const dueWhere = {
    organisationId: scope.organisationId,
    engagement: visible,
    ...openInvoiceWhere,
  } satisfies Prisma.InvoiceWhereInput;
  const [awaiting, awaitingTotal, due, dueTotal] = await Promise.all([
    prisma().milestone.findMany({
      where: awaitingWhere,
      select: { ...placeSelect, amountMinor: true, verifiedAt: true },
      orderBy: [{ verifiedAt: "asc" }, { id: "asc" }],
      take: limit,
    }),
    prisma().milestone.count({ where: awaitingWhere }),
    prisma().invoice.findMany({
      where: dueWhere,
      select: invoiceSelect,
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
      take: limit,
    }),
    prisma().invoice.count({ where: dueWhere }),
  ]);
  return {
    awaitingDecision: section(
      awaiting.map((row) => ({
        ...place(row),
        hideAmountsFromViewers: row.engagement.hideAmountsFromViewers,
        currency: row.engagement.currency,
        amountMinor: toMinor(row.amountMinor),
        verifiedAt: row.verifiedAt?.toISOString() ?? null,
      })),
      awaitingTotal,
      limit,
    ),
    invoicesDue: section(
      due.map((row) => openInvoice(row, utcDay(now))),
      dueTotal,
      limit,
    ),
  };
}
