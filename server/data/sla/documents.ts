import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import type { OpenSloSource } from "../../domain/sla/openslo";
import type { SlaReportSource } from "../../domain/sla/report-document";
import { visibleEngagementWhere } from "../engagement/visible";
import { prisma } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { listSlaClauses, slaClauseVersions } from "./clauses";
import { clauseWindowSeries, engagementCompliance } from "./compliance";

// What the SLA documents are made of: the period's compliance with each clause's terms as they
// judged it (the version in force) and its window series, and the parties' names; for the
// OpenSLO export the active clauses. Both for the consultant and the engagement's client users.

async function engagementNames(scope: OrgScope | ClientScope, engagementId: string) {
  const engagement = await prisma().engagement.findFirst({
    where: visibleEngagementWhere(scope, engagementId),
    select: {
      id: true,
      title: true,
      hideAmountsFromViewers: true,
      client: { select: { name: true } },
      organisation: { select: { name: true } },
    },
  });
  if (!engagement) throw new NotFound("Engagement");
  return engagement;
}

export async function slaReportSource(
  scope: OrgScope | ClientScope,
  engagementId: string,
  periodKey: string,
  now = new Date(),
): Promise<SlaReportSource & { showsAmounts: boolean }> {
  const names = await engagementNames(scope, engagementId);
  const report = await engagementCompliance(scope, engagementId, periodKey, now);
  const clauses: SlaReportSource["clauses"] = [];
  for (const compliance of report.clauses) {
    const versions = await slaClauseVersions(scope, compliance.id);
    const judged = versions.find((v) => v.version === compliance.version) ?? versions[0];
    if (!judged) continue;
    clauses.push({
      terms: judged.terms,
      compliance,
      series: judged.terms.windowMinutes === null ? [] : await clauseWindowSeries(scope, compliance.id, report.period),
    });
  }
  return {
    organisation: names.organisation.name,
    engagement: names.title,
    client: names.client.name,
    report,
    clauses,
    showsAmounts: seesAmounts(amountReaderOf(scope), names),
  };
}

export async function openSloSource(scope: OrgScope | ClientScope, engagementId: string): Promise<OpenSloSource> {
  const names = await engagementNames(scope, engagementId);
  const clauses = await listSlaClauses(scope, engagementId);
  return {
    engagement: { id: names.id, title: names.title },
    clauses: clauses.map(
      ({ id, version, createdAt, retiredAt: _retired, engagementId: _e, updatedAt: _u, ...terms }) => ({
        id,
        version,
        createdAt,
        terms,
      }),
    ),
  };
}
