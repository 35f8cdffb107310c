import { ADR_STATUSES, type AdrStatus } from "./adr";

// Statuses written in the wild, mapped to the nearest of ours. An ADR takes the mapped status and
// keeps the words as written (`importedStatus`), and the import report says so. Anything not in
// the table becomes proposed: nothing is taken as decided that the file does not say is decided.
// The import form shows this table as its help.

export const STATUS_TABLE: readonly { status: AdrStatus; written: readonly string[] }[] = [
  {
    status: "proposed",
    written: [
      "draft",
      "proposed draft",
      "on hold",
      "open",
      "pending",
      "in progress",
      "in review",
      "under review",
      "under discussion",
      "suggested",
      "requested",
      "work in progress",
      "wip",
      "rfc",
      "postponed",
      "deferred",
      "new",
      "tbd",
    ],
  },
  {
    status: "accepted",
    written: [
      "approved",
      "decided",
      "adopted",
      "agreed",
      "done",
      "implemented",
      "active",
      "final",
      "confirmed",
      "in effect",
      "chosen",
    ],
  },
  {
    status: "rejected",
    written: ["declined", "refused", "dismissed", "denied", "vetoed", "withdrawn", "abandoned", "not accepted"],
  },
  { status: "deprecated", written: ["obsolete", "outdated", "retired", "archived", "sunset", "legacy", "inactive"] },
  { status: "superseded", written: ["replaced", "obsoleted", "overridden"] },
];

const NEAREST = new Map(STATUS_TABLE.flatMap((row) => row.written.map((written) => [written, row.status] as const)));
const OURS = new Set<string>(ADR_STATUSES);

export interface ReadStatus {
  status: AdrStatus;
  /** the status as written when it is not one of ours, else null */
  importedStatus: string | null;
  /** what was assumed, for the import report; null when the status was ours */
  assumption: string | null;
}

const MAX_WRITTEN = 200;

/**
 * The status a file states, which may carry a link ("superseded by [ADR-0005](…)", "accepted;
 * supersedes ADR-0045"): its words without links, ADR references and link keywords.
 */
export function readStatus(written: string): ReadStatus {
  const original = written.trim().replace(/\s+/g, " ");
  const phrase = statusPhrase(original);
  if (OURS.has(phrase)) return { status: phrase as AdrStatus, importedStatus: null, assumption: null };
  const kept = original.length > MAX_WRITTEN ? `${original.slice(0, MAX_WRITTEN - 1)}…` : original;
  const nearest =
    NEAREST.get(phrase) ??
    NEAREST.get(phrase.split(" ")[0]!) ??
    (OURS.has(phrase.split(" ")[0]!) ? (phrase.split(" ")[0] as AdrStatus) : null);
  if (nearest)
    return {
      status: nearest,
      importedStatus: kept,
      assumption: `status "${kept}" imported as ${nearest} (the original is kept)`,
    };
  return {
    status: "proposed",
    importedStatus: kept,
    assumption: `status "${kept}" is not one we know: imported as proposed (the original is kept)`,
  };
}

export function statusPhrase(written: string): string {
  return written
    .replace(/\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\bADR[- ]?\d+\b/gi, " ")
    .toLowerCase()
    .replace(/\b(by|supersedes|replaces|obsoletes)\s+\d+\b/g, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\b(?:supersedes|replaces|obsoletes)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s+(?:by|to)$/, "");
}
