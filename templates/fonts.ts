// The documents' font family (server/services/pdf registers it), and the names a template's painted text
// (react-pdf Canvas) selects a weight of it by: server/services/pdf binds each name to the font object
// react-pdf's own text in that weight uses, so a document embeds one subset per weight.
export const PDF_FONT_FAMILY = "NotoSansSC";
export const PAINTED_FONT = { regular: `${PDF_FONT_FAMILY}/400`, bold: `${PDF_FONT_FAMILY}/700` } as const;

/** The A4 report page every report template shares (SLA report, ROI report): margins, font, ink. */
export const REPORT_PAGE_STYLE = {
  paddingTop: 40,
  paddingHorizontal: 44,
  paddingBottom: 50,
  fontSize: 9,
  fontFamily: PDF_FONT_FAMILY,
  color: "#0f172a",
} as const;

/** The line at the foot of every page of a report: what it is on the left, the page on the right. */
export const REPORT_FOOTER_STYLE = {
  position: "absolute",
  bottom: 22,
  left: 44,
  right: 44,
  fontSize: 7.5,
  color: "#64748b",
  flexDirection: "row",
  justifyContent: "space-between",
} as const;
