import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import type { InvoiceStatus, Prisma } from "@prisma/client";
import { matchesTagPattern } from "../../domain/maintenance/contract";
import { nextRenewal, type ContractCalendar } from "../../domain/maintenance/terms";
import { visibleEngagement } from "../engagement/visible";
import { isoDate } from "../invoice/read";
import { prisma, toMinor, type Client } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";

// Maintenance contracts as consultants and client users read them: each term with its invoice,
// what was delivered in it (the engagement's release tags and patches dated inside the term) and
// whether the client attested access to the upgrade channel.

export interface DeliveryView {
  kind: "release" | "patch";
  name: string;
  at: string;
  sha256: string;
  evidenceId: string;
  milestoneId: string;
}

export interface TermView {
  id: string;
  index: number;
  from: string;
  to: string;
  /** null: hidden from this reader (a viewer of an engagement that hides amounts) */
  feeMinor: number | null;
  invoice: { id: string; number: string; status: InvoiceStatus } | null;
  deliveries: DeliveryView[];
  upgradeAccess: { attestedAt: string; by: string } | null;
  current: boolean;
}

export interface ContractView {
  id: string;
  engagementId: string;
  currency: string;
  termMonths: number;
  startsOn: string;
  /** null: hidden from this reader (a viewer of an engagement that hides amounts) */
  feeMinor: number | null;
  includes: string;
  clauses: { id: string; name: string }[];
  autoRenew: boolean;
  noticeDays: number;
  releaseTagPattern: string;
  noticeGiven: boolean;
  noticeGivenAt: string | null;
  noticeGivenBy: string | null;
  endsOn: string | null;
  nextRenewal: { date: string; noticeDate: string; feeMinor: number | null } | null;
  terms: TermView[];
  revision: number;
}

export const CONTRACT_SELECT = {
  id: true,
  engagementId: true,
  termMonths: true,
  startsOn: true,
  feeMinor: true,
  includes: true,
  autoRenew: true,
  noticeDays: true,
  releaseTagPattern: true,
  noticeGivenAt: true,
  endsOn: true,
  revision: true,
  engagement: { select: { currency: true } },
  noticeGivenBy: { select: { user: { select: { name: true } } } },
  clauses: { select: { clause: { select: { id: true, title: true } } } },
  terms: {
    orderBy: { index: "asc" },
    select: {
      id: true,
      index: true,
      startsOn: true,
      endsOn: true,
      feeMinor: true,
      invoice: { select: { id: true, number: true, status: true } },
      upgradeAccessAttestedAt: true,
      upgradeAccessAttestedBy: { select: { user: { select: { name: true } } } },
    },
  },
} satisfies Prisma.MaintenanceContractSelect;

export type ContractRow = Prisma.MaintenanceContractGetPayload<{ select: typeof CONTRACT_SELECT }>;

export interface EvidenceTag {
  id: string;
  milestoneId: string;
  kind: string;
  sha256: string;
  filename: string | null;
  reference: Prisma.JsonValue;
  createdAt: Date;
}

export function calendarOf(row: {
  startsOn: Date;
  termMonths: number;
  noticeDays: number;
  autoRenew: boolean;
  noticeGivenAt: Date | null;
}): ContractCalendar {
  return {
    startsOn: isoDate(row.startsOn),
    termMonths: row.termMonths,
    noticeDays: row.noticeDays,
    autoRenew: row.autoRenew,
    noticeGiven: row.noticeGivenAt !== null,
  };
}

function tagOf(reference: Prisma.JsonValue): string | null {
  if (!reference || typeof reference !== "object" || Array.isArray(reference)) return null;
  const tag = (reference as Record<string, unknown>).tag;
  return typeof tag === "string" && tag.length > 0 ? tag : null;
}

/** A piece of evidence as a delivery: a tag matching the pattern is a release, other tags and files patches. */
export function deliveryOf(evidence: EvidenceTag, releaseTagPattern: string): DeliveryView | null {
  const base = {
    at: evidence.createdAt.toISOString(),
    sha256: evidence.sha256,
    evidenceId: evidence.id,
    milestoneId: evidence.milestoneId,
  };
  if (evidence.kind === "git-tag") {
    const tag = tagOf(evidence.reference);
    if (!tag) return null;
    return { kind: matchesTagPattern(tag, releaseTagPattern) ? "release" : "patch", name: tag, ...base };
  }
  if (evidence.kind === "sha256" && evidence.filename) return { kind: "patch", name: evidence.filename, ...base };
  return null;
}

export function contractView(row: ContractRow, evidence: EvidenceTag[], today: string): ContractView {
  const calendar = calendarOf(row);
  const latest = row.terms.at(-1);
  const upcoming = latest ? nextRenewal(calendar, latest.index) : null;
  const deliveries = evidence
    .map((item) => deliveryOf(item, row.releaseTagPattern))
    .filter((item): item is DeliveryView => item !== null);
  return {
    id: row.id,
    engagementId: row.engagementId,
    currency: row.engagement.currency,
    termMonths: row.termMonths,
    startsOn: calendar.startsOn,
    feeMinor: toMinor(row.feeMinor),
    includes: row.includes,
    clauses: row.clauses.map(({ clause }) => ({ id: clause.id, name: clause.title })),
    autoRenew: row.autoRenew,
    noticeDays: row.noticeDays,
    releaseTagPattern: row.releaseTagPattern,
    noticeGiven: calendar.noticeGiven,
    noticeGivenAt: row.noticeGivenAt?.toISOString() ?? null,
    noticeGivenBy: row.noticeGivenBy?.user.name ?? null,
    endsOn: row.endsOn ? isoDate(row.endsOn) : null,
    nextRenewal: upcoming
      ? { date: upcoming.date, noticeDate: upcoming.noticeDate, feeMinor: toMinor(row.feeMinor) }
      : null,
    terms: row.terms.map((term) => {
      const from = isoDate(term.startsOn);
      const to = isoDate(term.endsOn);
      return {
        id: term.id,
        index: term.index,
        from,
        to,
        feeMinor: toMinor(term.feeMinor),
        invoice: term.invoice,
        deliveries: deliveries.filter((d) => d.at.slice(0, 10) >= from && d.at.slice(0, 10) <= to),
        upgradeAccess: term.upgradeAccessAttestedAt
          ? {
              attestedAt: term.upgradeAccessAttestedAt.toISOString(),
              by: term.upgradeAccessAttestedBy?.user.name ?? "",
            }
          : null,
        current: from <= today && today <= to,
      };
    }),
    revision: row.revision,
  };
}

/** The engagement's release and patch evidence, oldest first. */
export async function engagementDeliveries(db: Client, organisationId: string, engagementId: string) {
  return db.evidence.findMany({
    where: { organisationId, milestone: { engagementId }, kind: { in: ["git-tag", "sha256"] } },
    select: { id: true, milestoneId: true, kind: true, sha256: true, filename: true, reference: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** One contract of the organisation, read inside the caller's transaction (another's: NotFound). */
export async function readContractIn(
  db: Client,
  organisationId: string,
  contractId: string,
  today = isoDate(new Date()),
): Promise<ContractView> {
  const row = await db.maintenanceContract.findFirst({
    where: { id: contractId, organisationId },
    select: CONTRACT_SELECT,
  });
  if (!row) throw new NotFound("Maintenance contract");
  return contractView(row, await engagementDeliveries(db, organisationId, row.engagementId), today);
}

/** The view without its fees, for a viewer of an engagement that hides amounts. */
function withoutFees(contract: ContractView): ContractView {
  return {
    ...contract,
    feeMinor: null,
    nextRenewal: contract.nextRenewal ? { ...contract.nextRenewal, feeMinor: null } : null,
    terms: contract.terms.map((term) => ({ ...term, feeMinor: null })),
  };
}

/** The engagement's maintenance contracts, oldest first (an engagement the scope may not see: NotFound). */
export async function listContracts(
  scope: OrgScope | ClientScope,
  engagementId: string,
  today = isoDate(new Date()),
): Promise<ContractView[]> {
  const engagement = await visibleEngagement(scope, engagementId);
  const rows = await prisma().maintenanceContract.findMany({
    where: { organisationId: scope.organisationId, engagementId },
    select: CONTRACT_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (rows.length === 0) return [];
  const evidence = await engagementDeliveries(prisma(), scope.organisationId, engagementId);
  const views = rows.map((row) => contractView(row, evidence, today));
  return seesAmounts(amountReaderOf(scope), engagement) ? views : views.map(withoutFees);
}
