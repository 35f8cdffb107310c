import { Prisma } from "@prisma/client";
import type { ComponentKind, SystemMapView } from "../../domain/roi/system-map";
import { visibleEngagement } from "../engagement/visible";
import { prisma, type Tx } from "../prisma-client";
import type { ClientScope, OrgScope } from "../scope";

// The engagement's system map with the money attached to each component. Two statements: the
// visibility check and one query that gathers components, edges, attachments and fees as JSON
// (the ROI page and report read it on every request).

export {
  addDependency,
  attachToComponent,
  createComponent,
  deleteComponent,
  editComponent,
  removeDependency,
} from "./system-components";

interface MapRows {
  components: { id: string; name: string; kind: ComponentKind; milestoneIds: string[] }[];
  dependencies: { fromId: string; toId: string; label: string }[];
  debt: { id: string; componentId: string; fixed: boolean; costMinor: number }[];
  sla: { id: string; componentId: string }[];
  objectives: { id: string; componentId: string }[];
  milestones: { id: string; amountMinor: number }[];
}

function mapQuery(organisationId: string, engagementId: string) {
  const own = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}."engagementId" = ${engagementId} AND ${Prisma.raw(alias)}."organisationId" = ${organisationId}`;
  const list = (object: Prisma.Sql, from: Prisma.Sql, order: Prisma.Sql) =>
    Prisma.sql`(SELECT coalesce(json_agg(${object} ORDER BY ${order}), '[]'::json) FROM ${from})`;
  return Prisma.sql`SELECT json_build_object(
    'components', ${list(
      Prisma.sql`json_build_object('id', c.id, 'name', c.name, 'kind', c.kind, 'milestoneIds', c."milestoneIds")`,
      Prisma.sql`"SystemComponent" c WHERE ${own("c")}`,
      Prisma.sql`c.name, c.id`,
    )},
    'dependencies', ${list(
      Prisma.sql`json_build_object('fromId', d."fromId", 'toId', d."toId", 'label', d.label)`,
      Prisma.sql`"SystemDependency" d WHERE ${own("d")}`,
      Prisma.sql`d."createdAt", d.id`,
    )},
    'debt', ${list(
      Prisma.sql`json_build_object('id', i.id, 'componentId', i."componentId", 'fixed', i.status = 'fixed',
        'costMinor', i."costPerQuarterLikelyMinor")`,
      Prisma.sql`"DebtItem" i WHERE ${own("i")} AND i."componentId" IS NOT NULL`,
      Prisma.sql`i."createdAt", i.id`,
    )},
    'sla', ${list(
      Prisma.sql`json_build_object('id', s.id, 'componentId', s."componentId")`,
      Prisma.sql`"SlaClause" s WHERE ${own("s")} AND s."componentId" IS NOT NULL`,
      Prisma.sql`s."createdAt", s.id`,
    )},
    'objectives', ${list(
      Prisma.sql`json_build_object('id', o.id, 'componentId', o."componentId")`,
      Prisma.sql`"Objective" o WHERE ${own("o")} AND o."componentId" IS NOT NULL`,
      Prisma.sql`o."createdAt", o.id`,
    )},
    'milestones', ${list(
      Prisma.sql`json_build_object('id', m.id, 'amountMinor', m."amountMinor")`,
      Prisma.sql`"Milestone" m WHERE ${own("m")}`,
      Prisma.sql`m.position, m.id`,
    )}
  )::text AS map`;
}

/** Builds the view from the gathered rows: pure, so the figures are easy to follow. */
export function systemMapFromRows(rows: MapRows): SystemMapView {
  const fees = new Map(rows.milestones.map((milestone) => [milestone.id, milestone.amountMinor]));
  const of = <T extends { componentId: string }>(items: T[], componentId: string) =>
    items.filter((item) => item.componentId === componentId);
  return {
    components: rows.components.map((component) => {
      const debt = of(rows.debt, component.id);
      return {
        id: component.id,
        name: component.name,
        kind: component.kind,
        costOfDelayPerQuarterMinor: debt.reduce((sum, item) => sum + (item.fixed ? 0 : item.costMinor), 0),
        feesMinor: [...new Set(component.milestoneIds)].reduce((sum, id) => sum + (fees.get(id) ?? 0), 0),
        debtItemIds: debt.map((item) => item.id),
        slaClauseIds: of(rows.sla, component.id).map((clause) => clause.id),
        objectiveIds: of(rows.objectives, component.id).map((objective) => objective.id),
      };
    }),
    dependencies: rows.dependencies,
  };
}

/** The engagement's map (NotFound when the scope may not see the engagement). */
export async function systemMap(scope: OrgScope | ClientScope, engagementId: string, tx?: Tx): Promise<SystemMapView> {
  await visibleEngagement(scope, engagementId, tx);
  const [row] = await (tx ?? prisma()).$queryRaw<{ map: string }[]>(mapQuery(scope.organisationId, engagementId));
  return systemMapFromRows(JSON.parse(row!.map) as MapRows);
}
