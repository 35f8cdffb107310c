import type { RoiPdfRenderer } from "../../data/roi/share";
import { roiReportDocument } from "../../domain/roi/report-document";
import { RoiReportPdf } from "../../../templates/roi-report";
import { renderPdf } from "./render";
import { pdfTextMeasure } from "./text-measure";

// The ROI report as a PDF in one language. Sharing keeps these bytes by their SHA-256, so the
// client's copy is the one rendered when it was shared.

export const renderRoiReportPdf: RoiPdfRenderer = async (report, locale) =>
  renderPdf(<RoiReportPdf doc={roiReportDocument(report, locale, await pdfTextMeasure())} />);
