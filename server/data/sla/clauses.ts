import { Prisma, type SlaClause } from "@prisma/client";
import type { JsonValue } from "../../domain/audit";
import { ZSlaClauseTerms, type SlaClauseTerms, type SlaClauseTermsInput } from "../../domain/sla/terms";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement, visibleEngagementFilter, type EngagementReader } from "../engagement/visible";
import { prisma, transaction, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { ClientScope, OrgScope } from "../scope";
import { rebuildWindows } from "./ingest";

// An engagement's SLA clauses. The clause row holds the current terms; every version of the terms
// is kept in SlaClauseVersion. An edit before any measurement corrects the current version; an
// edit after measurements starts the next version (the earlier one stays readable and still
// judges the periods that ended while it was in force).

export interface SlaClauseView extends SlaClauseTerms {
  id: string;
  engagementId: string;
  version: number;
  /** measurements exist: an edit starts the next version rather than correcting this one */
  measured: boolean;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SlaClauseVersionView {
  version: number;
  terms: SlaClauseTerms;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export class SlaClauseRefusal extends DataRefusal<"CLAUSE_RETIRED" | "METRIC_FIXED" | "INVALID_TERMS"> {
  override name = "SlaClauseRefusal";
}

/** Terms as the domain reads them, from a clause row. */
export function termsOfRow(row: SlaClause): SlaClauseTerms {
  return ZSlaClauseTerms.parse({
    title: row.title,
    metric: row.metric,
    percentile: row.percentile === null ? null : Number(row.percentile),
    comparator: row.comparator,
    target: Number(row.target),
    unit: row.unit,
    windowMinutes: row.windowMinutes,
    period: row.period,
    timezone: row.timezone,
    exclusions: row.exclusions,
    credit: row.credit,
    triggers: row.triggers,
    measurementMethod: row.measurementMethod,
    probe: row.probeUrl && row.probeEveryMinutes ? { url: row.probeUrl, everyMinutes: row.probeEveryMinutes } : null,
  });
}

/** A clause row with the count that says whether it has measurements. */
const withBatchCount = { _count: { select: { batches: true } } } as const;

function view(row: SlaClause, measured: boolean): SlaClauseView {
  return {
    ...termsOfRow(row),
    id: row.id,
    engagementId: row.engagementId,
    version: row.version,
    measured,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function parseTerms(input: SlaClauseTermsInput): SlaClauseTerms {
  const parsed = ZSlaClauseTerms.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SlaClauseRefusal(
    "INVALID_TERMS",
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "terms"}: ${issue.message}`),
  );
}

/** The columns that hold the terms (comparator and Decimal columns as Prisma writes them). */
function termColumns(terms: SlaClauseTerms) {
  return {
    title: terms.title,
    metric: terms.metric,
    percentile: terms.percentile === null ? null : new Prisma.Decimal(terms.percentile),
    comparator: terms.comparator,
    target: new Prisma.Decimal(terms.target),
    unit: terms.unit,
    windowMinutes: terms.windowMinutes,
    period: terms.period,
    timezone: terms.timezone,
    exclusions: terms.exclusions as Prisma.InputJsonValue,
    credit: terms.credit as Prisma.InputJsonValue,
    triggers: terms.triggers as Prisma.InputJsonValue,
    measurementMethod: terms.measurementMethod,
    probeUrl: terms.probe?.url ?? null,
    probeEveryMinutes: terms.probe?.everyMinutes ?? null,
  };
}

const asJson = (terms: SlaClauseTerms) => terms as unknown as Prisma.InputJsonValue;
/** The terms as the audit event records them (plain JSON). */
const asAudit = (terms: SlaClauseTerms) => JSON.parse(JSON.stringify(terms)) as JsonValue;

export async function createSlaClause(
  scope: OrgScope,
  engagementId: string,
  input: SlaClauseTermsInput,
  outer?: Tx,
): Promise<SlaClauseView> {
  const terms = parseTerms(input);
  const run = async (tx: Tx) => {
    await visibleEngagement(scope, engagementId, tx);
    return createSlaClauseIn(tx, scope.organisationId, scope, engagementId, terms);
  };
  return outer ? run(outer) : transaction(run);
}

/**
 * A clause of an engagement the caller has already checked is the organisation's, inside the
 * caller's transaction (an accepted proposal writes its clauses with the engagement it creates).
 */
export async function createSlaClauseIn(
  tx: Tx,
  organisationId: string,
  actor: { userId: string },
  engagementId: string,
  input: SlaClauseTermsInput,
): Promise<SlaClauseView> {
  const terms = parseTerms(input);
  const now = new Date();
  const row = await tx.slaClause.create({
    data: { organisationId, engagementId, ...termColumns(terms), version: 1 },
  });
  await tx.slaClauseVersion.create({
    data: { organisationId, clauseId: row.id, version: 1, terms: asJson(terms), effectiveFrom: now },
  });
  await appendUserAuditEvent(
    tx,
    { organisationId, userId: actor.userId },
    {
      action: "sla_clause.created",
      entityType: "sla_clause",
      entityId: row.id,
      engagementId,
      after: asAudit(terms),
      data: { title: terms.title, metric: terms.metric, version: 1 },
    },
  );
  return view(row, false);
}

/** The clause, locked until commit, when it belongs to the organisation. */
async function lockedClause(tx: Tx, scope: OrgScope, clauseId: string): Promise<SlaClause> {
  if (!(await lockOrganisationRow(tx, "SlaClause", clauseId, scope.organisationId))) throw new NotFound("SLA clause");
  return tx.slaClause.findUniqueOrThrow({ where: { id: clauseId } });
}

const windowsChange = (before: SlaClauseTerms, after: SlaClauseTerms) =>
  before.windowMinutes !== after.windowMinutes || before.percentile !== after.percentile;

export async function editSlaClause(
  scope: OrgScope,
  clauseId: string,
  input: SlaClauseTermsInput,
): Promise<SlaClauseView> {
  const terms = parseTerms(input);
  return transaction(async (tx) => {
    const current = await lockedClause(tx, scope, clauseId);
    if (current.retiredAt) throw new SlaClauseRefusal("CLAUSE_RETIRED", ["a retired clause cannot be changed"]);
    const before = termsOfRow(current);
    const measured = (await tx.slaMeasurementBatch.count({ where: { clauseId } })) > 0;
    if (measured && before.metric !== terms.metric)
      throw new SlaClauseRefusal("METRIC_FIXED", [
        `the clause has ${before.metric} measurements: retire it and add a new clause for ${terms.metric}`,
      ]);
    const now = new Date();
    const version = measured ? current.version + 1 : current.version;
    if (measured) {
      await tx.slaClauseVersion.update({
        where: { clauseId_version: { clauseId, version: current.version } },
        data: { effectiveTo: now },
      });
      await tx.slaClauseVersion.create({
        data: { organisationId: scope.organisationId, clauseId, version, terms: asJson(terms), effectiveFrom: now },
      });
    } else {
      await tx.slaClauseVersion.update({
        where: { clauseId_version: { clauseId, version } },
        data: { terms: asJson(terms) },
      });
    }
    const row = await tx.slaClause.update({ where: { id: clauseId }, data: { ...termColumns(terms), version } });
    if (measured && windowsChange(before, terms)) await rebuildWindows(tx, clauseId, terms);
    await appendUserAuditEvent(tx, scope, {
      action: measured ? "sla_clause.versioned" : "sla_clause.edited",
      entityType: "sla_clause",
      entityId: clauseId,
      engagementId: current.engagementId,
      before: asAudit(before),
      after: asAudit(terms),
      data: { title: terms.title, version },
    });
    return view(row, measured);
  });
}

export async function retireSlaClause(scope: OrgScope, clauseId: string): Promise<SlaClauseView> {
  return transaction(async (tx) => {
    const current = await lockedClause(tx, scope, clauseId);
    if (current.retiredAt) throw new SlaClauseRefusal("CLAUSE_RETIRED", ["the clause is already retired"]);
    const now = new Date();
    const row = await tx.slaClause.update({ where: { id: clauseId }, data: { retiredAt: now } });
    await tx.slaClauseVersion.update({
      where: { clauseId_version: { clauseId, version: current.version } },
      data: { effectiveTo: now },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "sla_clause.retired",
      entityType: "sla_clause",
      entityId: clauseId,
      engagementId: current.engagementId,
      before: { retiredAt: null },
      after: { retiredAt: now.toISOString() },
      data: { title: current.title, version: current.version },
    });
    return view(row, (await tx.slaMeasurementBatch.count({ where: { clauseId } })) > 0);
  });
}

/** The engagement's clauses, oldest first; retired ones only when asked. NotFound when the engagement is not visible. */
export async function listSlaClauses(
  scope: OrgScope | ClientScope,
  engagementId: string,
  options: { includeRetired?: boolean } = {},
): Promise<SlaClauseView[]> {
  const rows = await prisma().slaClause.findMany({
    where: {
      engagementId,
      organisationId: scope.organisationId,
      engagement: visibleEngagementFilter(scope),
      ...(options.includeRetired ? {} : { retiredAt: null }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    include: withBatchCount,
  });
  if (rows.length === 0) await visibleEngagement(scope, engagementId);
  return rows.map((row) => view(row, row._count.batches > 0));
}

export async function getSlaClause(scope: EngagementReader, clauseId: string): Promise<SlaClauseView> {
  const row = await prisma().slaClause.findFirst({
    where: { id: clauseId, organisationId: scope.organisationId, engagement: visibleEngagementFilter(scope) },
    include: withBatchCount,
  });
  if (!row) throw new NotFound("SLA clause");
  return view(row, row._count.batches > 0);
}

/** Every version of the clause's terms, newest first. */
export async function slaClauseVersions(
  scope: OrgScope | ClientScope,
  clauseId: string,
): Promise<SlaClauseVersionView[]> {
  await getSlaClause(scope, clauseId);
  const rows = await prisma().slaClauseVersion.findMany({ where: { clauseId }, orderBy: { version: "desc" } });
  return rows.map((row) => ({
    version: row.version,
    terms: ZSlaClauseTerms.parse(row.terms),
    effectiveFrom: row.effectiveFrom.toISOString(),
    effectiveTo: row.effectiveTo?.toISOString() ?? null,
  }));
}
