import { readFileSync } from "node:fs";
import path from "node:path";
import type { EngagementView } from "../data/engagement/read";
import { editDebtItem, listDebtItems } from "../data/debt/items";
import { importSonarQube } from "../data/debt/import";
import { planMilestone, updateRoiSettings } from "../data/roi/settings";
import { shareRoiReport } from "../data/roi/share";
import { addDependency, attachToComponent, createComponent } from "../data/roi/system-map";
import type { OrgScope } from "../data/scope";
import { listSlaClauses } from "../data/sla/clauses";
import { readSonarQube } from "../domain/debt/sonarqube";
import { renderRoiReportPdf } from "../services/pdf/roi-report";
import { storeRoiPdf } from "./routers/roi/pdf-store";

// The demo's ROI: Eastbank's debt priced at the field guide's day rate (CNY 12,000), one item
// imported from a SonarQube export of the sync service, the milestones planned by month, the
// system map of the synchroniser with its debt, SLA clauses and fees, and the report shared with
// the client. Through the same functions as the app.

const SONAR_EXPORT = path.join(process.cwd(), "prisma", "demo-sonarqube.json");

export async function playDemoRoi(
  owner: OrgScope,
  engagement: Pick<EngagementView, "id" | "milestones">,
  notices: { origin: string; smtpConfigured: boolean },
): Promise<void> {
  const milestone = (key: string) => engagement.milestones.find((m) => m.key === key)!.id;
  await updateRoiSettings(owner, engagement.id, { dayRateMinor: 1_200_000 });
  // the architecture review was invoiced in October; the others are planned
  await planMilestone(owner, milestone("poc"), "2026-12");
  await planMilestone(owner, milestone("delivery"), "2027-03");
  await planMilestone(owner, milestone("upgrade"), "2027-09");

  const imported = await importSonarQube(
    owner,
    engagement.id,
    readSonarQube(JSON.parse(readFileSync(SONAR_EXPORT, "utf8")) as unknown),
  );
  const sonar = imported.items[0]!;
  await editDebtItem(
    owner,
    sonar.id,
    {
      title: sonar.title,
      description: sonar.description,
      impact: sonar.impact,
      fixDays: sonar.fixDays,
      // slower, riskier changes in the code paths every release touches
      costPerQuarterMinor: { low: 4_000_000, likely: 6_000_000, high: 9_000_000 },
      plAccount: "engineering time",
    },
    sonar.revision,
  );

  const component = async (name: string, kind: "service" | "database" | "gateway" | "external", keys: string[]) =>
    (await createComponent(owner, engagement.id, { name, kind, milestoneIds: keys.map(milestone) })).id;
  const workers = await component("Sync workers", "service", ["poc", "delivery"]);
  const gateway = await component("JSON-RPC gateway", "gateway", ["delivery"]);
  const fetcher = await component("Block fetcher", "service", ["review"]);
  const store = await component("Ledger store (SQLite)", "database", ["upgrade"]);
  const nodes = await component("Upstream chain nodes", "external", []);
  await addDependency(owner, { fromId: workers, toId: fetcher, label: "blocks" });
  await addDependency(owner, { fromId: fetcher, toId: gateway, label: "JSON-RPC" });
  await addDependency(owner, { fromId: gateway, toId: nodes, label: "RPC" });
  await addDependency(owner, { fromId: workers, toId: store, label: "writes" });

  const debt = await listDebtItems(owner, engagement.id);
  const debtOn = { "Legacy JSON-RPC gateway": gateway, "Unbounded retry queue": fetcher, "go:S3776": workers };
  for (const item of debt) {
    const target = Object.entries(debtOn).find(([prefix]) => item.title.startsWith(prefix))?.[1];
    if (target) await attachToComponent(owner, { kind: "debt", id: item.id, componentId: target });
  }
  for (const clause of await listSlaClauses(owner, engagement.id))
    await attachToComponent(owner, {
      kind: "sla_clause",
      id: clause.id,
      componentId: clause.metric === "integrity" ? store : workers,
    });

  await shareRoiReport(owner, engagement.id, renderRoiReportPdf, storeRoiPdf, notices);
}
