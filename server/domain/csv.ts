// CSV for spreadsheets (RFC 4180, CRLF). A cell that a spreadsheet would read as a formula
// (starting with = + - @, or a tab or carriage return) is prefixed with an apostrophe, so text
// someone typed can never run as a formula in the reader's spreadsheet.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  // a number is data, never a formula: a negative amount stays a number the spreadsheet can sum
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
