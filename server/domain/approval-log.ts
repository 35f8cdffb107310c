import { describeVoidReason, type VisibleVoidReason } from "./approval-void";
import { documentWords, fill } from "./document-words";
import type { Locale } from "./locale";

// The approval log of an engagement as a document: who decided what on which milestone, when,
// with which comment, on which evidence (SHA-256). Built here, rendered by templates/ as PDF and
// by the CSV export; labels in the reader's language.

export interface ApprovalLogSource {
  title: string;
  clientName: string;
  currency: string;
  entries: {
    milestoneTitle: string;
    type: "approved" | "changes_requested" | "deemed";
    by: string | null;
    comment: string;
    evidenceHashes: string[];
    voided: boolean;
    /** as the reader may see it (server/domain/approval-void.ts) */
    voidReason: VisibleVoidReason | null;
    createdAt: string;
  }[];
}

export interface ApprovalLogRow {
  milestone: string;
  decision: string;
  who: string;
  when: string;
  comment: string;
  hashes: string[];
}

export interface ApprovalLogViewModel {
  locale: Locale;
  heading: string;
  engagement: string;
  client: string;
  generatedAt: string;
  columns: { milestone: string; decision: string; who: string; when: string; comment: string; hashes: string };
  rows: ApprovalLogRow[];
  empty: string;
  pageLabel: string;
}

const utc = (iso: string) => iso.slice(0, 16).replace("T", " ");

export function approvalLogViewModel(
  source: ApprovalLogSource,
  locale: Locale,
  generatedAt: Date,
): ApprovalLogViewModel {
  const labels = documentWords(locale, "approvalLog");
  return {
    locale,
    heading: labels.heading,
    engagement: source.title,
    client: source.clientName,
    generatedAt: `${labels.generated} ${utc(generatedAt.toISOString())} UTC`,
    columns: { ...labels.columns },
    rows: source.entries.map((entry) => ({
      milestone: entry.milestoneTitle,
      decision:
        labels.decisions[entry.type] +
        (entry.voided
          ? fill(labels.voided, {
              why: describeVoidReason(entry.voidReason ?? { kind: "evidence_changed" }, locale, source.currency),
            })
          : ""),
      who: entry.by ?? labels.system,
      when: utc(entry.createdAt),
      comment: entry.comment,
      hashes: entry.evidenceHashes,
    })),
    empty: labels.empty,
    pageLabel: labels.page,
  };
}

/** The same rows for a spreadsheet: one line per decision, hashes separated by spaces. */
export function approvalLogTable(vm: ApprovalLogViewModel): { header: string[]; rows: string[][] } {
  const c = vm.columns;
  return {
    header: [c.milestone, c.decision, c.who, c.when, c.comment, c.hashes],
    rows: vm.rows.map((row) => [row.milestone, row.decision, row.who, row.when, row.comment, row.hashes.join(" ")]),
  };
}
