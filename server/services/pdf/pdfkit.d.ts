// pdfkit (the PDF writer under @react-pdf/renderer) ships no types; font-cache.ts types the one
// method it touches.
declare module "pdfkit";
