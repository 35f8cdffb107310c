import { latestRoiShare } from "../../../data/roi/share";
import { portalProcedure } from "../../trpc";
import { sharedPdfUrl } from "../roi/present";
import { ZPortalRoiOut, ZRoiEngagementInput } from "../roi/roi.schema";

/** The ROI report the consultant shared, with the stored PDFs; null while nothing is shared. */
export const roiAsClient = portalProcedure
  .input(ZRoiEngagementInput)
  .output(ZPortalRoiOut)
  .query(async ({ ctx, input }) => {
    const share = await latestRoiShare(ctx.scope, input.engagementId);
    if (!share) return null;
    return {
      report: share.report,
      sharedAt: share.sharedAt,
      pdf: {
        en: { url: sharedPdfUrl(input.engagementId, "en"), sha256: share.pdf.en.sha256 },
        "zh-CN": { url: sharedPdfUrl(input.engagementId, "zh-CN"), sha256: share.pdf["zh-CN"].sha256 },
      },
    };
  });
