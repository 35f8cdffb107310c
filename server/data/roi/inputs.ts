import { createHash } from "node:crypto";
import { Prisma } from "@prisma/client";
import type { DebtImpact } from "../../domain/debt/item";
import {
  ROI_DEFAULTS,
  type MonthBasis,
  type PlEffect,
  type PlRecurrence,
  type RoiAdrInput,
  type RoiInputs,
  type RoiMilestoneInput,
  type RoiObjectiveInput,
} from "../../domain/roi/inputs";
import type { SystemMapView } from "../../domain/roi/system-map";
import { prisma, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { systemMap } from "./system-map";

// What the ROI engine reads for one engagement, in one SQL statement: the engagement (checked against
// the reader's tenant in the same statement), its ROI settings, milestones with the month each is
// invoiced in and approved in, debt items, objectives with the milestone holding their requirement,
// and ADRs labelled with a P&L amount. Dates become month indexes from the start month (month 0).

interface MilestoneRow {
  id: string;
  title: string;
  state: string;
  amountMinor: string;
  invoicedAmountMinor: string | null;
  plannedOn: string | null;
  invoicedOn: string | null;
  approvedOn: string | null;
}

interface DebtRow {
  id: string;
  title: string;
  impact: DebtImpact;
  plAccount: string;
  costLow: string;
  costLikely: string;
  costHigh: string;
  daysLow: string;
  daysLikely: string;
  daysHigh: string;
  scheduledMonth: string | null;
  fixedOn: string | null;
  componentId: string | null;
}

interface ObjectiveRow {
  id: string;
  title: string;
  costPerQuarterMinor: string;
  milestoneId: string | null;
}

interface AdrRow {
  id: string;
  number: number;
  title: string;
  plAccount: string | null;
  amountMinor: string;
  recurrence: string | null;
  effect: string | null;
  decidedOn: string | null;
}

interface EngagementRow {
  id: string;
  organisationId: string;
  currency: string;
  clientName: string;
  startDate: string;
  dayRateMinor: string | null;
  model: { discountRateBp: number; horizonMonths: number; seed: number; draws: number } | null;
  milestones: MilestoneRow[];
  debt: DebtRow[];
  objectives: ObjectiveRow[];
  adrs: AdrRow[];
}

/** Which engagements the reader may see, as SQL over "Engagement" e (the same rule as engagement/visible.ts). */
function tenantFilter(scope: OrgScope | ClientScope | { organisationId: string } | null): Prisma.Sql {
  if (!scope) return Prisma.sql`TRUE`;
  if ("clientId" in scope)
    return Prisma.sql`e."organisationId" = ${scope.organisationId} AND e."clientId" = ${scope.clientId} AND e.status <> 'draft'`;
  return Prisma.sql`e."organisationId" = ${scope.organisationId}`;
}

async function readEngagementRow(
  scope: OrgScope | ClientScope | { organisationId: string } | null,
  engagementId: string,
  tx?: Tx,
): Promise<EngagementRow | null> {
  const rows = await (tx ?? prisma()).$queryRaw<EngagementRow[]>`
    SELECT e.id, e."organisationId", e.currency, to_char(e."startDate", 'YYYY-MM-DD') AS "startDate",
      (SELECT c.name FROM "Client" c WHERE c.id = e."clientId") AS "clientName",
      e."dayRateMinor"::text AS "dayRateMinor",
      (SELECT json_build_object('discountRateBp', r."discountRateBp", 'horizonMonths', r."horizonMonths",
          'seed', r.seed, 'draws', r.draws)
        FROM "RoiModel" r WHERE r."engagementId" = e.id) AS model,
      COALESCE((SELECT json_agg(json_build_object(
          'id', m.id, 'title', m.title, 'state', m.state, 'amountMinor', m."amountMinor"::text,
          'invoicedAmountMinor', m."invoicedAmountMinor"::text,
          'plannedOn', to_char(m."plannedOn", 'YYYY-MM-DD'),
          'invoicedOn', (SELECT to_char(max(i."issueDate"), 'YYYY-MM-DD') FROM "InvoiceLine" l
              JOIN "Invoice" i ON i.id = l."invoiceId"
              WHERE l."milestoneId" = m.id AND i.kind = 'invoice' AND i.status <> 'void'),
          'approvedOn', (SELECT to_char(max(a."createdAt"), 'YYYY-MM-DD') FROM "Approval" a
              WHERE a."milestoneId" = m.id AND a."voidedAt" IS NULL AND a.type IN ('approved', 'deemed'))
        ) ORDER BY m.position, m.id) FROM "Milestone" m WHERE m."engagementId" = e.id), '[]') AS milestones,
      COALESCE((SELECT json_agg(json_build_object(
          'id', d.id, 'title', d.title, 'impact', d.impact, 'plAccount', d."plAccount",
          'costLow', d."costPerQuarterLowMinor"::text, 'costLikely', d."costPerQuarterLikelyMinor"::text,
          'costHigh', d."costPerQuarterHighMinor"::text, 'daysLow', d."fixDaysLow"::text,
          'daysLikely', d."fixDaysLikely"::text, 'daysHigh', d."fixDaysHigh"::text,
          'scheduledMonth', CASE WHEN d.status = 'scheduled' THEN to_char(d."scheduledMonth", 'YYYY-MM-DD') END,
          'fixedOn', CASE WHEN d.status = 'fixed' THEN to_char(d."fixedOn", 'YYYY-MM-DD') END,
          'componentId', d."componentId"
        ) ORDER BY d."createdAt", d.id) FROM "DebtItem" d WHERE d."engagementId" = e.id), '[]') AS debt,
      COALESCE((SELECT json_agg(json_build_object(
          'id', o.id, 'title', o."painStatement", 'costPerQuarterMinor', o."costPerQuarterMinor"::text,
          'milestoneId', (SELECT g."milestoneId" FROM "GateRequirement" g WHERE g.id = o."requirementId")
        ) ORDER BY o."createdAt", o.id) FROM "Objective" o
        WHERE o."engagementId" = e.id AND o."costPerQuarterMinor" IS NOT NULL), '[]') AS objectives,
      COALESCE((SELECT json_agg(json_build_object(
          'id', a.id, 'number', a.number, 'title', a.title, 'plAccount', a."plAccount",
          'amountMinor', a."plAmountMinor"::text, 'recurrence', a."plRecurrence", 'effect', a."plEffect",
          'decidedOn', to_char(a."decidedOn", 'YYYY-MM-DD')
        ) ORDER BY a.number) FROM "Adr" a
        WHERE a."engagementId" = e.id AND a."plAmountMinor" IS NOT NULL
          AND a.status = 'accepted'), '[]') AS adrs
    FROM "Engagement" e
    WHERE e.id = ${engagementId} AND ${tenantFilter(scope)}`;
  return rows[0] ?? null;
}

/** Month index of a YYYY-MM(-DD) key from the start month; negative before it. */
export function monthIndex(startMonth: string, key: string): number {
  const [startYear, startMon] = startMonth.split("-").map(Number) as [number, number];
  const [year, mon] = key.split("-").map(Number) as [number, number];
  return (year - startYear) * 12 + (mon - startMon);
}

const clampedMonth = (startMonth: string, key: string) => Math.max(0, monthIndex(startMonth, key));

function minor(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${text} exceeds the safe integer range`);
  return value;
}

/** The seed of an engagement without stored settings: derived from its id, so a read never has to write one. */
export function seedFromEngagementId(engagementId: string): number {
  return Number.parseInt(createHash("sha256").update(engagementId).digest("hex").slice(0, 8), 16) & 0x7fffffff;
}

function milestoneInput(startMonth: string, row: MilestoneRow): RoiMilestoneInput & { approvedMonth: number | null } {
  const placed: { month: number; basis: MonthBasis } = row.invoicedOn
    ? { month: clampedMonth(startMonth, row.invoicedOn), basis: "invoiced" }
    : row.plannedOn
      ? { month: clampedMonth(startMonth, row.plannedOn), basis: "planned" }
      : { month: 0, basis: "assumed" };
  const amount = row.invoicedOn && row.invoicedAmountMinor !== null ? row.invoicedAmountMinor : row.amountMinor;
  return {
    id: row.id,
    title: row.title,
    amountMinor: minor(amount),
    ...placed,
    approvedMonth: row.approvedOn ? clampedMonth(startMonth, row.approvedOn) : null,
  };
}

function toInputs(row: EngagementRow): RoiInputs {
  const startMonth = row.startDate.slice(0, 7);
  // a cancelled milestone is not paid for, unless it was invoiced before it was cancelled
  const placed = row.milestones
    .filter((m) => m.state !== "cancelled" || m.invoicedOn)
    .map((m) => milestoneInput(startMonth, m));
  const byId = new Map(placed.map((m) => [m.id, m]));
  const objectives: RoiObjectiveInput[] = row.objectives.map((o) => {
    const milestone = o.milestoneId ? byId.get(o.milestoneId) : undefined;
    // after the approval; before it, a forecast from the month the milestone is planned or invoiced
    // in (an unplanned milestone forecasts nothing: month 0 is only a placeholder for its fee)
    const expected = milestone?.approvedMonth ?? (milestone && milestone.basis !== "assumed" ? milestone.month : null);
    const fromMonth = expected === null || expected === undefined ? null : expected + 1;
    return { id: o.id, title: o.title, costPerQuarterMinor: minor(o.costPerQuarterMinor), fromMonth };
  });
  const adrs: RoiAdrInput[] = row.adrs.map((a) => ({
    id: a.id,
    number: a.number,
    title: a.title,
    plAccount: a.plAccount ?? "",
    amountMinor: minor(a.amountMinor),
    recurrence: (a.recurrence === "per_quarter" ? "per_quarter" : "one_off") satisfies PlRecurrence,
    effect: (a.effect === "saving" ? "saving" : "cost") satisfies PlEffect,
    month: a.decidedOn ? clampedMonth(startMonth, a.decidedOn) : 0,
  }));
  return {
    currency: row.currency,
    clientName: row.clientName,
    startMonth,
    discountRateBp: row.model?.discountRateBp ?? ROI_DEFAULTS.discountRateBp,
    horizonMonths: row.model?.horizonMonths ?? ROI_DEFAULTS.horizonMonths,
    dayRateMinor: row.dayRateMinor === null ? null : minor(row.dayRateMinor),
    seed: row.model?.seed ?? seedFromEngagementId(row.id),
    draws: row.model?.draws ?? ROI_DEFAULTS.draws,
    milestones: placed.map(({ approvedMonth: _approved, ...m }) => m),
    debt: row.debt.map((d) => {
      const fixKey = d.scheduledMonth ?? d.fixedOn;
      return {
        id: d.id,
        title: d.title,
        impact: d.impact,
        plAccount: d.plAccount,
        costPerQuarterMinor: { low: minor(d.costLow), likely: minor(d.costLikely), high: minor(d.costHigh) },
        fixDays: { low: Number(d.daysLow), likely: Number(d.daysLikely), high: Number(d.daysHigh) },
        fixMonth: fixKey ? clampedMonth(startMonth, fixKey) : null,
        componentId: d.componentId,
      };
    }),
    objectives,
    adrs,
  };
}

/** The engagement's ROI inputs and its system map, for a reader who may see the engagement. */
export async function roiInputs(
  scope: OrgScope | ClientScope,
  engagementId: string,
): Promise<{ inputs: RoiInputs; systemMap: SystemMapView }> {
  const row = await readEngagementRow(scope, engagementId);
  if (!row) throw new NotFound("Engagement");
  return { inputs: toInputs(row), systemMap: await systemMap(scope, engagementId) };
}

/**
 * The inputs as background work reads them (the simulation job, the scheduling after a write): no user
 * behind it; `organisationId`, when known, still bounds the read.
 */
export async function systemRoiInputs(
  engagementId: string,
  organisationId?: string,
  tx?: Tx,
): Promise<{ organisationId: string; inputs: RoiInputs } | null> {
  const row = await readEngagementRow(organisationId ? { organisationId } : null, engagementId, tx);
  return row ? { organisationId: row.organisationId, inputs: toInputs(row) } : null;
}
