// Invoice and credit-note numbers from an organisation's patterns, e.g. `INV-{YYYY}-{NNNN}`.
// Tokens: {YYYY}, {YY} and {MM} of the issue date, and exactly one counter {N…} (3 to 8 N, the
// zero-padded width). A series is the pattern with its date tokens filled in: each series has its
// own gapless counter, so `{YYYY}` restarts numbering every year and `{MM}` every month. The
// counter's width is not part of the series, so widening the padding continues the numbering.

export const DEFAULT_INVOICE_PATTERN = "INV-{YYYY}-{NNNN}";
export const DEFAULT_CREDIT_NOTE_PATTERN = "CN-{YYYY}-{NNNN}";
/** Proposals (quotes) are numbered in their own series, apart from invoices and credit notes. */
export const DEFAULT_PROPOSAL_PATTERN = "Q-{YYYY}-{NNNN}";
export const MAX_PATTERN_LENGTH = 40;

const TOKEN = /\{([A-Z]+)\}/g;
const LITERAL = /^[A-Za-z0-9._/-]*$/;
const COUNTER = /^N{3,8}$/;
const DATE_TOKENS = new Set(["YYYY", "YY", "MM"]);

/** Why a pattern cannot number documents, or null when it can. */
export function numberPatternProblem(pattern: string): string | null {
  if (pattern.length === 0) return "a number pattern is required";
  if (pattern.length > MAX_PATTERN_LENGTH) return `a number pattern has at most ${MAX_PATTERN_LENGTH} characters`;
  let counters = 0;
  for (const [, name] of pattern.matchAll(TOKEN)) {
    if (COUNTER.test(name!)) counters += 1;
    else if (/^N+$/.test(name!)) return `{${name}}: a counter has 3 to 8 N`;
    else if (!DATE_TOKENS.has(name!)) return `{${name}} is not a number token; use {YYYY}, {YY}, {MM} or {NNNN}`;
  }
  if (counters !== 1) return "a number pattern has exactly one counter such as {NNNN} (3 to 8 N)";
  if (!LITERAL.test(pattern.replace(TOKEN, "")))
    return "outside its tokens a number pattern uses letters, digits and . _ / - only";
  return null;
}

function fillDate(pattern: string, issueDate: string): string {
  const [year, month] = issueDate.split("-");
  return pattern.replace(TOKEN, (token, name: string) =>
    name === "YYYY" ? year! : name === "YY" ? year!.slice(2) : name === "MM" ? month! : token,
  );
}

/** The series whose counter numbers a document of this pattern issued on `issueDate` (YYYY-MM-DD). */
export function seriesKey(pattern: string, issueDate: string): string {
  return fillDate(pattern, issueDate).replace(/\{N+\}/, "{N}");
}

/** The document number: date tokens filled in and the sequence zero-padded to the counter's width. */
export function formatDocumentNumber(pattern: string, issueDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence ${sequence} is not a positive integer`);
  return fillDate(pattern, issueDate).replace(/\{(N+)\}/, (_, ns: string) => String(sequence).padStart(ns.length, "0"));
}

/** Invoices and credit notes never share a series, so neither can take the other's numbers. */
export function patternsProblem(invoicePattern: string, creditNotePattern: string): string | null {
  const problem = numberPatternProblem(invoicePattern) ?? numberPatternProblem(creditNotePattern);
  if (problem) return problem;
  const sample = "2026-01-01";
  if (seriesKey(invoicePattern, sample) === seriesKey(creditNotePattern, sample))
    return "invoices and credit notes need different number patterns";
  return null;
}
