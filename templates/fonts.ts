// The documents' font family (server/services/pdf registers it), and the names a template's painted text
// (react-pdf Canvas) selects a weight of it by: server/services/pdf binds each name to the font object
// react-pdf's own text in that weight uses, so a document embeds one subset per weight.
export const PDF_FONT_FAMILY = "NotoSansSC";
export const PAINTED_FONT = { regular: `${PDF_FONT_FAMILY}/400`, bold: `${PDF_FONT_FAMILY}/700` } as const;
