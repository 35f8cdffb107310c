import { z } from "zod";
import { ZMonthKey } from "../../../domain/debt/item";
import type { RoiReport } from "../../../domain/roi/report";
import { ZEntityId, ZSha256 } from "../../../domain/schemas";
import { ROI_SETTING_RANGES } from "../../../data/roi/settings";
import { ZRoiReport } from "../../rest/contracts/roi";

// Inputs and outputs of the ROI procedures (consultant and portal). The report's shape is the REST
// contract's, so the page, the API and the share all read the same fields.

const ranged = (range: { min: number; max: number }) => z.int().min(range.min).max(range.max);

export const ZRoiEngagementInput = z.strictObject({ engagementId: ZEntityId });

export const ZUpdateRoiSettingsInput = z.strictObject({
  engagementId: ZEntityId,
  discountRateBp: ranged(ROI_SETTING_RANGES.discountRateBp).optional(),
  horizonMonths: ranged(ROI_SETTING_RANGES.horizonMonths).optional(),
  seed: ranged(ROI_SETTING_RANGES.seed).optional(),
  draws: ranged(ROI_SETTING_RANGES.draws).optional(),
  dayRateMinor: ranged(ROI_SETTING_RANGES.dayRateMinor).nullable().optional(),
});

export const ZPlanMilestoneInput = z.strictObject({ milestoneId: ZEntityId, month: ZMonthKey.nullable() });
export const ZWithdrawRoiShareInput = z.strictObject({ shareId: ZEntityId });

export const ZRoiSettingsOut = z.object({
  discountRateBp: z.int(),
  horizonMonths: z.int(),
  seed: z.int(),
  draws: z.int(),
  dayRateMinor: z.int().nullable(),
});

const ZSharePdf = z.object({ sha256: ZSha256 });

export const ZRoiShareSummaryOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  sharedAt: z.string(),
  inputsHash: z.string(),
  /** the shared figures are those of the current inputs */
  current: z.boolean(),
  pdf: z.object({ en: ZSharePdf, "zh-CN": ZSharePdf }),
});
export type RoiShareSummaryOut = z.infer<typeof ZRoiShareSummaryOut>;

/** The report as the domain types it, checked against the REST contract's shape. */
const ZRoiReportOut = z.custom<RoiReport>((value) => ZRoiReport.safeParse(value).success, "not an ROI report");

export const ZRoiOut = z.intersection(
  ZRoiReportOut,
  z.object({ settings: ZRoiSettingsOut, share: ZRoiShareSummaryOut.nullable() }),
);

const ZPortalPdf = z.object({ url: z.string(), sha256: ZSha256 });

export const ZPortalRoiOut = z
  .object({
    report: ZRoiReportOut,
    sharedAt: z.string(),
    pdf: z.object({ en: ZPortalPdf, "zh-CN": ZPortalPdf }),
  })
  .nullable();
