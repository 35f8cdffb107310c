import { ROI_LIMITS } from "../roi/inputs";
import type { DebtImpact } from "./item";
import { isRecord, SonarImportError, unprocessable } from "./sonar-error";
import { parseSonarDuration, sonarDays } from "./sonar-duration";
import {
  higherImpact,
  SONAR_IMPACT_MAPPING,
  SONAR_IMPACT_SEVERITIES,
  SONAR_LEGACY_SEVERITIES,
  type SonarImpactSeverity,
  type SonarLegacySeverity,
} from "./sonar-mapping";
import type { SonarDebtGroup, SonarImport } from "./sonarqube";

// `api/issues/search`: open issues grouped by rule, their effort summed. An issue that is closed,
// resolved (fixed, won't fix, false positive) or accepted is no debt left to pay: it is skipped
// and counted.

/** The most components a group keeps by name (the description says how many more). */
export const SONAR_GROUP_COMPONENTS = 5;
/** The most reasons one refusal lists: enough to fix a file, not a wall of text. */
const MAX_REASONS = 20;
const MAX_RULE_LENGTH = 200;
const MAX_TITLE_LENGTH = 200;

const CLOSED_STATUSES = new Set(["CLOSED", "RESOLVED"]);
const CLOSED_ISSUE_STATUSES = new Set(["FIXED", "ACCEPTED", "FALSE_POSITIVE", "CLOSED"]);

interface GroupDraft {
  rule: string;
  impact: DebtImpact;
  effortMinutes: number;
  issueCount: number;
  components: Set<string>;
}

function isClosed(issue: Record<string, unknown>): boolean {
  if (typeof issue.status === "string" && CLOSED_STATUSES.has(issue.status)) return true;
  if (typeof issue.issueStatus === "string" && CLOSED_ISSUE_STATUSES.has(issue.issueStatus)) return true;
  return typeof issue.resolution === "string" && issue.resolution !== "";
}

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === "string" && (values as readonly string[]).includes(value);

/** The issue's impact (its highest `impacts` severity, else its legacy `severity`), or the reasons it has none. */
function issueImpact(issue: Record<string, unknown>, where: string): DebtImpact | string[] {
  if (Array.isArray(issue.impacts) && issue.impacts.length > 0) {
    let impact: DebtImpact | null = null;
    const problems: string[] = [];
    issue.impacts.forEach((entry: unknown, i) => {
      const severity = isRecord(entry) ? entry.severity : undefined;
      if (!isOneOf<SonarImpactSeverity>(SONAR_IMPACT_SEVERITIES, severity))
        problems.push(
          `${where}.impacts[${i}].severity: ${JSON.stringify(severity)} is not a SonarQube impact severity`,
        );
      else {
        const mapped = SONAR_IMPACT_MAPPING.impacts[severity];
        impact = impact ? higherImpact(impact, mapped) : mapped;
      }
    });
    return problems.length || !impact ? problems : impact;
  }
  if (isOneOf<SonarLegacySeverity>(SONAR_LEGACY_SEVERITIES, issue.severity))
    return SONAR_IMPACT_MAPPING.severity[issue.severity];
  if (issue.severity !== undefined)
    return [`${where}.severity: ${JSON.stringify(issue.severity)} is not a SonarQube severity`];
  return [`${where}: the issue has neither "severity" nor "impacts"`];
}

/** Minutes of the issue's `effort` (or the older `debt`); an issue without either costs nothing. */
function issueEffort(issue: Record<string, unknown>, where: string): number | string {
  const field = issue.effort !== undefined ? "effort" : issue.debt !== undefined ? "debt" : null;
  if (!field) return 0;
  const value = issue[field];
  const minutes = typeof value === "string" ? parseSonarDuration(value) : null;
  return minutes ?? `${where}.${field}: ${JSON.stringify(value)} is not a SonarQube duration`;
}

function issueRule(issue: Record<string, unknown>, where: string): string | string[] {
  const rule = issue.rule;
  if (typeof rule !== "string" || !rule.trim()) return [`${where}.rule: the issue has no rule`];
  if (rule.length > MAX_RULE_LENGTH) return [`${where}.rule: longer than ${MAX_RULE_LENGTH} characters`];
  return rule.trim();
}

/** Rule keys to names, and component keys to paths, from the export's own lookup lists. */
function lookups(json: Record<string, unknown>) {
  const ruleNames = new Map<string, string>();
  const paths = new Map<string, string>();
  for (const rule of Array.isArray(json.rules) ? json.rules : [])
    if (isRecord(rule) && typeof rule.key === "string" && typeof rule.name === "string")
      ruleNames.set(rule.key, rule.name);
  for (const component of Array.isArray(json.components) ? json.components : []) {
    if (!isRecord(component) || typeof component.key !== "string") continue;
    const path = component.path ?? component.longName;
    if (typeof path === "string" && path) paths.set(component.key, path);
  }
  return { ruleNames, paths };
}

function titleOf(rule: string, name: string | undefined): string {
  const title = name ? `${rule}: ${name}` : rule;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}

export function readSonarIssues(json: Record<string, unknown>, maxIssues: number): SonarImport {
  const issues = json.issues as unknown[];
  if (issues.length > maxIssues)
    throw new SonarImportError("PAYLOAD_TOO_LARGE", [
      `the export has ${issues.length} issues; at most ${maxIssues} are imported at once (filter by project or severity)`,
    ]);
  const { ruleNames, paths } = lookups(json);
  const drafts = new Map<string, GroupDraft>();
  const reasons: string[] = [];
  let skipped = 0;
  issues.forEach((issue, index) => {
    if (reasons.length >= MAX_REASONS) return;
    const where = `issues[${index}]`;
    if (!isRecord(issue)) return void reasons.push(`${where}: not an object`);
    if (isClosed(issue)) return void skipped++;
    const rule = issueRule(issue, where);
    const impact = issueImpact(issue, where);
    const effort = issueEffort(issue, where);
    if (Array.isArray(rule)) reasons.push(...rule);
    if (Array.isArray(impact)) reasons.push(...impact);
    if (typeof effort === "string") reasons.push(effort);
    if (Array.isArray(rule) || Array.isArray(impact) || typeof effort === "string") return;
    const draft = drafts.get(rule) ?? { rule, impact, effortMinutes: 0, issueCount: 0, components: new Set() };
    draft.impact = higherImpact(draft.impact, impact);
    draft.effortMinutes += effort;
    draft.issueCount += 1;
    if (typeof issue.component === "string" && issue.component)
      draft.components.add(paths.get(issue.component) ?? issue.component);
    drafts.set(rule, draft);
  });
  if (reasons.length) throw unprocessable(reasons.slice(0, MAX_REASONS));
  // each rule becomes a debt item: no more than an engagement's register holds
  if (drafts.size > ROI_LIMITS.maxDebtItems)
    throw unprocessable([
      `the export has issues of ${drafts.size} rules; at most ${ROI_LIMITS.maxDebtItems} become debt items (filter by rule, severity or project)`,
    ]);
  const groups: SonarDebtGroup[] = [...drafts.values()]
    .map((draft) => ({
      rule: draft.rule,
      title: titleOf(draft.rule, ruleNames.get(draft.rule)),
      impact: draft.impact,
      effortMinutes: draft.effortMinutes,
      days: sonarDays(draft.effortMinutes),
      issueCount: draft.issueCount,
      components: [...draft.components].slice(0, SONAR_GROUP_COMPONENTS),
      componentCount: draft.components.size,
    }))
    // the costliest first, then by rule so the order never depends on the export's
    .sort((a, b) => b.effortMinutes - a.effortMinutes || a.rule.localeCompare(b.rule));
  const issueCount = groups.reduce((sum, group) => sum + group.issueCount, 0);
  return { kind: "issues", groups, issueCount, skipped };
}
