import { shareRoiReport } from "../../../data/roi/share";
import { renderRoiReportPdf } from "../../../services/pdf/roi-report";
import { noticeDelivery } from "../../origin";
import { orgProcedure } from "../../trpc";
import { storeRoiPdf } from "./pdf-store";
import { shareSummary } from "./present";
import { ZRoiEngagementInput, ZRoiShareSummaryOut } from "./roi.schema";
import { deliverOutbox } from "../../../services/mail/deliver";

/** Shares the ROI report as it is now: both PDFs stored by SHA-256, the client's users told. */
export const shareRoi = orgProcedure
  .input(ZRoiEngagementInput)
  .output(ZRoiShareSummaryOut)
  .mutation(async ({ ctx, input }) => {
    const share = await shareRoiReport(
      ctx.scope,
      input.engagementId,
      renderRoiReportPdf,
      storeRoiPdf,
      noticeDelivery(ctx),
    );
    void deliverOutbox();
    return shareSummary(share, share.inputsHash);
  });
