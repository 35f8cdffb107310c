import type { AdrContent, AdrStatus } from "../../domain/adr/adr";
import { adrContentSha256 } from "../../domain/adr/draft";
import { draftDiff, type FieldDiff } from "../../domain/adr/diff";
import { periodKeyOf } from "../../domain/sla/period";
import type { EngagementSlaReport } from "../../domain/sla/report";
import type { AdrPl } from "../../domain/adr/pl";
import { draftOfRevision, draftOfRow, plOfRevision, plOfRow } from "./rows";
import { decisionInputs, milestoneDecisionSelect } from "../milestone/decision-inputs";
import { prisma } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { engagementCompliance } from "../sla/compliance";
import { termsOfRow } from "../sla/clauses";

// An engagement's ADRs as the domain describes them, with what validates each one and who on the
// client's side acknowledged which content. Consultants see every ADR; client users see the
// accepted ones (supersede links stay as numbers).

export type ValidationView =
  | {
      kind: "requirement";
      id: string;
      label: string;
      verdict: "pass" | "fail" | "none";
      checkedAt: string | null;
      evidenceSha256: string | null;
      reasons: string[];
    }
  | {
      kind: "sla";
      id: string;
      label: string;
      verdict: "met" | "missed" | "none";
      checkedAt: string | null;
      value: string | null;
      target: string;
    };

export interface AdrView extends AdrContent {
  id: string;
  revision: number;
  contentSha256: string;
  validationLink: ValidationView | null;
  /** the P&L label in the engagement's currency; consultants only (null for client users) */
  pl: (AdrPl & { currency: string }) | null;
  acknowledgements: {
    by: string;
    at: string;
    contentSha256: string;
    current: boolean;
    /** made by the client user reading */ mine: boolean;
  }[];
}

/**
 * The requirement's verdict as its gate judges it now: the newest evidence of its kind and that evidence's
 * verification.
 */
async function requirementVerdict(requirementId: string): Promise<ValidationView | null> {
  const requirement = await prisma().gateRequirement.findUnique({
    where: { id: requirementId },
    select: { id: true, kind: true, milestone: { select: { title: true, ...milestoneDecisionSelect } } },
  });
  if (!requirement) return null;
  const check = decisionInputs(requirement.milestone).gate.checks.find((c) => c.requirementId === requirementId);
  const evidence = requirement.milestone.evidence.find((e) => e.id === check?.evidenceId);
  const verified = check && evidence && (check.met || evidence.verifications.length > 0);
  return {
    kind: "requirement",
    id: requirement.id,
    label: `${requirement.milestone.title}: ${requirement.kind}`,
    verdict: verified ? (check.met ? "pass" : "fail") : "none",
    checkedAt:
      evidence?.verifications
        .map((v) => v.createdAt.toISOString())
        .sort()
        .at(-1) ?? null,
    evidenceSha256: evidence?.sha256 ?? null,
    reasons: check?.reasons ?? [],
  };
}

const COMPARATOR: Record<string, string> = { lte: "≤", lt: "<", gte: "≥", gt: ">" };

type ComplianceOf = (periodKey: string) => Promise<EngagementSlaReport>;

/** The clause's verdict for its current period (in its own zone): met, missed (breached) or none (no data yet). */
async function slaVerdict(
  scope: OrgScope | ClientScope,
  clauseId: string,
  complianceOf: ComplianceOf,
  now: Date,
): Promise<ValidationView | null> {
  const row = await prisma().slaClause.findFirst({ where: { id: clauseId, organisationId: scope.organisationId } });
  if (!row) return null;
  const terms = termsOfRow(row);
  const periodKey = periodKeyOf(terms.period, now.getTime(), terms.timezone);
  const judged = (await complianceOf(periodKey)).clauses.find((c) => c.id === clauseId);
  const value = judged?.value ?? null;
  return {
    kind: "sla",
    id: row.id,
    label: terms.title,
    target: `${COMPARATOR[terms.comparator]} ${terms.target} ${terms.unit}`,
    verdict: !judged || value === null || judged.met === null ? "none" : judged.met ? "met" : "missed",
    checkedAt: judged ? now.toISOString() : null,
    value: value === null ? null : `${Number(value.toFixed(4))} ${terms.unit} · ${periodKey}`,
  };
}

async function visibleEngagement(scope: OrgScope | ClientScope, engagementId: string) {
  const client = "clientId" in scope;
  const engagement = await prisma().engagement.findFirst({
    where: {
      id: engagementId,
      organisationId: scope.organisationId,
      ...(client ? { clientId: scope.clientId, status: { not: "draft" } } : {}),
    },
    select: { id: true, title: true, currency: true },
  });
  if (!engagement) throw new NotFound("Engagement");
  return engagement;
}

/** The engagement's ADRs in number order; NotFound when the engagement is not the scope's to see. */
export async function listEngagementAdrs(
  scope: OrgScope | ClientScope,
  engagementId: string,
  now = new Date(),
): Promise<{ engagementTitle: string; adrs: AdrView[] }> {
  const engagement = await visibleEngagement(scope, engagementId);
  const rows = await prisma().adr.findMany({
    where: {
      engagementId,
      organisationId: scope.organisationId,
      ...("clientId" in scope ? { status: "accepted" } : {}),
    },
    orderBy: { number: "asc" },
    include: {
      supersededBy: { select: { number: true } },
      supersedes: { select: { number: true } },
      acknowledgements: {
        orderBy: { createdAt: "asc" },
        select: {
          contentSha256: true,
          createdAt: true,
          clientUserId: true,
          clientUser: { select: { user: { select: { name: true } } } },
        },
      },
    },
  });
  const adrs: AdrView[] = [];
  // one compliance computation per period, however many ADRs an SLA clause validates
  const reports = new Map<string, Promise<EngagementSlaReport>>();
  const complianceOf: ComplianceOf = (periodKey) => {
    if (!reports.has(periodKey)) reports.set(periodKey, engagementCompliance(scope, engagementId, periodKey, now));
    return reports.get(periodKey)!;
  };
  for (const row of rows) {
    const draft = draftOfRow(row);
    const contentSha256 = adrContentSha256(draft);
    const pl = "clientId" in scope ? null : plOfRow(row);
    const validationLink = row.validationRequirementId
      ? await requirementVerdict(row.validationRequirementId)
      : row.validationSlaClauseId
        ? await slaVerdict(scope, row.validationSlaClauseId, complianceOf, now)
        : null;
    adrs.push({
      ...draft,
      number: row.number,
      status: row.status as AdrStatus,
      importedStatus: row.importedStatus,
      supersededBy: row.supersededBy?.number ?? null,
      supersedes: row.supersedes?.number ?? null,
      id: row.id,
      revision: row.revision,
      contentSha256,
      validationLink,
      pl: pl && { ...pl, currency: engagement.currency },
      acknowledgements: row.acknowledgements.map((a) => ({
        by: a.clientUser.user.name,
        at: a.createdAt.toISOString(),
        contentSha256: a.contentSha256,
        current: a.contentSha256 === contentSha256,
        mine: "clientUserId" in scope && a.clientUserId === scope.clientUserId,
      })),
    });
  }
  return { engagementTitle: engagement.title, adrs };
}

export interface AdrRevisionView {
  revision: number;
  at: string;
  by: string | null;
  contentSha256: string;
  /** the P&L label saved with it (null: none, or saved before labels were kept) */
  pl: AdrPl | null;
  /** what changed from the revision before (empty for the first) */
  changes: FieldDiff[];
}

/** Every kept revision of a consultant's ADR, newest first, each with its diff to the one before. */
export async function adrHistory(scope: OrgScope, adrId: string): Promise<AdrRevisionView[]> {
  const adr = await prisma().adr.findFirst({
    where: { id: adrId, organisationId: scope.organisationId },
    select: {
      id: true,
      revision: true,
      decidedOn: true,
      title: true,
      deciders: true,
      consulted: true,
      informed: true,
      context: true,
      decisionDrivers: true,
      consideredOptions: true,
      decisionOutcome: true,
      consequences: true,
      validation: true,
      plAccount: true,
      plAmountMinor: true,
      plRecurrence: true,
      plEffect: true,
      createdAt: true,
    },
  });
  if (!adr) throw new NotFound("ADR");
  const rows = await prisma().adrRevision.findMany({
    where: { adrId },
    orderBy: { revision: "asc" },
    select: { revision: true, content: true, contentSha256: true, createdAt: true, author: { select: { name: true } } },
  });
  // an ADR recorded before revisions were kept shows its current content as its only revision
  const revisions =
    rows.length > 0
      ? rows.map((r) => ({ ...r, draft: draftOfRevision(r.content), pl: plOfRevision(r.content) }))
      : [
          {
            revision: adr.revision,
            draft: draftOfRow(adr),
            contentSha256: adrContentSha256(draftOfRow(adr)),
            pl: plOfRow(adr),
            createdAt: adr.createdAt,
            author: null,
          },
        ];
  const views = revisions.map((r, i) => ({
    revision: r.revision,
    at: r.createdAt.toISOString(),
    by: r.author?.name ?? null,
    contentSha256: r.contentSha256,
    pl: r.pl,
    changes: i === 0 ? [] : draftDiff(revisions[i - 1]!.draft, r.draft),
  }));
  return views.reverse();
}

/** What may validate an ADR of the engagement: its gate requirements and SLA clauses. */
export async function adrValidationTargets(scope: OrgScope, engagementId: string) {
  await visibleEngagement(scope, engagementId);
  const requirements = await prisma().gateRequirement.findMany({
    where: { organisationId: scope.organisationId, milestone: { engagementId } },
    orderBy: [{ milestone: { position: "asc" } }, { position: "asc" }],
    select: { id: true, kind: true, milestone: { select: { title: true } } },
  });
  const clauses = await prisma().slaClause.findMany({
    where: { organisationId: scope.organisationId, engagementId },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
  return [
    ...requirements.map((r) => ({ kind: "requirement" as const, id: r.id, label: `${r.milestone.title}: ${r.kind}` })),
    ...clauses.map((c) => ({ kind: "sla" as const, id: c.id, label: c.title })),
  ];
}
