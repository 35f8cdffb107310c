import { z } from "zod";
import { DEBT_IMPACTS, DEBT_STATUSES, ZDebtItemFields } from "../../../domain/debt/item";
import { ZEntityId } from "../../../domain/schemas";

const ZRangeOut = z.object({ low: z.number(), likely: z.number(), high: z.number() });

const debtFieldsOut = {
  title: z.string(),
  description: z.string(),
  impact: z.enum(DEBT_IMPACTS),
  costPerQuarterMinor: ZRangeOut,
  fixDays: ZRangeOut,
  plAccount: z.string(),
  status: z.enum(DEBT_STATUSES),
  scheduledMonth: z.string().nullable(),
  fixedOn: z.string().nullable(),
  objectiveIds: z.array(z.string()),
  adrIds: z.array(z.string()),
  requirementIds: z.array(z.string()),
  componentId: z.string().nullable(),
};

export const ZDebtItemOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  source: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  ...debtFieldsOut,
});

export const ZDebtFiguresOut = z.object({
  id: z.string(),
  title: z.string(),
  impact: z.enum(DEBT_IMPACTS),
  costPerQuarterMinor: z.number(),
  fixDays: z.number(),
  fixCostMinor: z.number().nullable(),
  costOfDelayPerWeekMinor: z.number(),
  paybackWeeks: z.number().nullable(),
  wsjf: z.number(),
  plAccount: z.string(),
});

export const ZDebtRegisterOut = z.object({
  items: z.array(ZDebtItemOut),
  /** the items ranked by WSJF, highest first */
  figures: z.array(ZDebtFiguresOut),
  dayRateMinor: z.number().int().nullable(),
  currency: z.string(),
  /** the engagement's objectives, to link an item to */
  objectives: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const ZDebtRevisionOut = z.object({
  revision: z.number().int(),
  fields: z.object(debtFieldsOut),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const ZEngagementDebtInput = z.strictObject({ engagementId: ZEntityId });
export const ZDebtItemInput = z.strictObject({ debtItemId: ZEntityId });
export const ZCreateDebtItemInput = z.strictObject({ engagementId: ZEntityId, fields: ZDebtItemFields });
export const ZEditDebtItemInput = z.strictObject({
  debtItemId: ZEntityId,
  expectedRevision: z.number().int().min(1),
  fields: ZDebtItemFields,
});
export const ZDeletedOut = z.object({ deleted: z.literal(true) });
