import type { DebtImpact, DebtItemFieldsInput, DebtItemView } from "../../domain/debt/item";
import { scheduleRoiSimulation } from "../roi/report";
import { formatSonarDuration, SONAR_IMPACT_MAPPING, type SonarImport } from "../../domain/debt/sonarqube";
import { appendAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { transaction, type Tx } from "../prisma-client";
import type { OrgScope } from "../scope";
import { createDebtItem, debtItemView, editDebtItem } from "./items";

// A SonarQube export becomes debt items, all in one transaction: one item per rule (or one for a
// measures answer), found again on re-import by its source ("sonarqube:<rule>"). A new item's
// cost per quarter is 0: what the debt costs the business is the consultant's figure, not
// SonarQube's. A re-import replaces the effort (and the description that counts the issues) and
// keeps everything the consultant set: cost, impact, title, status, links. A consultant imports,
// through the register's own create and edit (revisions, audit events); a pipeline's evidence token
// does not write the register.

/** Who imports: a consultant. */
export type DebtImporter = OrgScope;

export interface SonarImportResult {
  created: number;
  updated: number;
  /** items already holding the export's effort */
  unchanged: number;
  /** closed, resolved or accepted issues left out */
  skipped: number;
  items: DebtItemView[];
}

interface ImportedItem {
  source: string;
  title: string;
  description: string;
  impact: DebtImpact;
  days: number;
}

const MAX_DESCRIPTION = 5000;
const MAX_TITLE = 200;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What the import writes, per item. */
export function importedItems(parsed: SonarImport): ImportedItem[] {
  if (parsed.kind === "measures")
    return [
      {
        source: `sonarqube:sqale_index:${parsed.component}`,
        title: clip(`SonarQube technical debt of ${parsed.component}`, MAX_TITLE),
        description: `SonarQube's sqale_index for ${parsed.component}: ${formatSonarDuration(parsed.sqaleIndexMinutes)} of remediation effort (a day is 8 hours).`,
        impact: SONAR_IMPACT_MAPPING.measures,
        days: parsed.days,
      },
    ];
  return parsed.groups.map((group) => {
    const more = group.componentCount - group.components.length;
    const where = `${group.components.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
    return {
      source: `sonarqube:${group.rule}`,
      title: group.title,
      description: clip(
        `${plural(group.issueCount, "SonarQube issue")} of rule ${group.rule}, ` +
          `${formatSonarDuration(group.effortMinutes)} of remediation effort (a day is 8 hours)` +
          (group.componentCount ? `, in ${plural(group.componentCount, "component")}: ${where}.` : "."),
        MAX_DESCRIPTION,
      ),
      impact: group.impact,
      days: group.days,
    };
  });
}

const point = (days: number) => ({ low: days, likely: days, high: days });

function editedFields(current: DebtItemView, item: ImportedItem): DebtItemFieldsInput {
  return {
    title: current.title,
    description: item.description,
    impact: current.impact,
    costPerQuarterMinor: current.costPerQuarterMinor,
    fixDays: point(item.days),
    plAccount: current.plAccount,
    status: current.status,
    scheduledMonth: current.scheduledMonth,
    fixedOn: current.fixedOn,
    objectiveIds: current.objectiveIds,
    adrIds: current.adrIds,
    requirementIds: current.requirementIds,
    componentId: current.componentId,
  };
}

const holds = (current: DebtItemView, item: ImportedItem) =>
  current.description === item.description &&
  current.fixDays.low === item.days &&
  current.fixDays.likely === item.days &&
  current.fixDays.high === item.days;

/** Refuses (NotFound) before the body is read when the scope may not import into the engagement. */
export async function assertDebtImportTarget(scope: DebtImporter, engagementId: string): Promise<void> {
  await visibleEngagement(scope, engagementId);
}

/** The engagement's items with these sources, by source (the oldest when a source repeats). */
async function listExisting(
  tx: Tx,
  organisationId: string,
  engagementId: string,
  sources: string[],
): Promise<Map<string, DebtItemView>> {
  const rows = await tx.debtItem.findMany({
    where: { organisationId, engagementId, source: { in: sources } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const bySource = new Map<string, DebtItemView>();
  for (const row of rows) if (row.source && !bySource.has(row.source)) bySource.set(row.source, debtItemView(row));
  return bySource;
}

async function write(tx: Tx, scope: DebtImporter, engagementId: string, item: ImportedItem, current?: DebtItemView) {
  if (current) return editDebtItem(scope, current.id, editedFields(current, item), current.revision, { tx });
  const { title, description, impact, source } = item;
  const fields = { title, description, impact, costPerQuarterMinor: 0, fixDays: point(item.days) };
  return createDebtItem(scope, engagementId, fields, { source, tx });
}

export async function importSonarQube(
  scope: DebtImporter,
  engagementId: string,
  parsed: SonarImport,
): Promise<SonarImportResult> {
  const wanted = importedItems(parsed);
  const result = await transaction(
    async (tx) => {
      await visibleEngagement(scope, engagementId, tx);
      const existing = await listExisting(
        tx,
        scope.organisationId,
        engagementId,
        wanted.map((item) => item.source),
      );
      const result: SonarImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0, items: [] };
      if (parsed.kind === "issues") result.skipped = parsed.skipped;
      for (const item of wanted) {
        const current = existing.get(item.source);
        if (current && holds(current, item)) {
          result.unchanged++;
          result.items.push(current);
        } else {
          result[current ? "updated" : "created"]++;
          result.items.push(await write(tx, scope, engagementId, item, current));
        }
      }
      if (result.created + result.updated > 0)
        await appendAuditEvent(tx, {
          organisationId: scope.organisationId,
          actorKind: "user" as const,
          actorId: scope.userId,
          action: "debt.imported",
          entityType: "engagement",
          entityId: engagementId,
          engagementId,
          data: {
            from: parsed.kind === "issues" ? "sonarqube:issues" : "sonarqube:measures",
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            skipped: result.skipped,
          },
        });
      return result;
    },
    // an export of many rules writes many items: one transaction, given the time it needs
    { timeout: 120_000 },
  );
  if (result.created + result.updated > 0) await scheduleRoiSimulation(scope.organisationId, engagementId);
  return result;
}
