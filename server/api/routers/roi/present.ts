import type { RoiShareSummary } from "../../../data/roi/share";
import type { RoiSettingsView } from "../../../data/roi/settings";
import type { RoiInputs } from "../../../domain/roi/inputs";
import type { RoiShareSummaryOut } from "./roi.schema";

// Shapes shared by the ROI procedures.

export const settingsOf = (inputs: RoiInputs): RoiSettingsView => ({
  discountRateBp: inputs.discountRateBp,
  horizonMonths: inputs.horizonMonths,
  seed: inputs.seed,
  draws: inputs.draws,
  dayRateMinor: inputs.dayRateMinor,
});

export const shareSummary = (share: RoiShareSummary, currentInputsHash: string | null): RoiShareSummaryOut => ({
  id: share.id,
  engagementId: share.engagementId,
  sharedAt: share.sharedAt,
  inputsHash: share.inputsHash,
  current: share.inputsHash === currentInputsHash,
  pdf: share.pdf,
});

/** Where a signed-in reader downloads the shared PDF in `lang` (a client gets the stored bytes there). */
export const sharedPdfUrl = (engagementId: string, lang: string) =>
  `/api/v1/engagements/${encodeURIComponent(engagementId)}/roi/report?lang=${lang}`;
