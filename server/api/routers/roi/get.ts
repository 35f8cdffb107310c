import { engagementRoi } from "../../../data/roi/report";
import { latestRoiShare } from "../../../data/roi/share";
import { roiInputsHash } from "../../../domain/roi/compute";
import { orgProcedure } from "../../trpc";
import { settingsOf, shareSummary } from "./present";
import { ZRoiEngagementInput, ZRoiOut } from "./roi.schema";

/** The ROI page: the figures as they are now, the settings they came from, and the latest share. */
export const getRoi = orgProcedure
  .input(ZRoiEngagementInput)
  .output(ZRoiOut)
  .query(async ({ ctx, input }) => {
    const report = await engagementRoi(ctx.scope, input.engagementId);
    const hash = roiInputsHash(report.inputs);
    const share = await latestRoiShare(ctx.scope, input.engagementId);
    return { ...report, settings: settingsOf(report.inputs), share: share ? shareSummary(share, hash) : null };
  });
