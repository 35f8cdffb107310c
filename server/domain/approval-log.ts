import { describeVoidReason, type VisibleVoidReason } from "./approval-void";
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

const LABELS = {
  en: {
    heading: "Approval log",
    generated: "Generated",
    columns: { milestone: "Milestone", decision: "Decision", who: "Who", when: "When (UTC)", comment: "Comment", hashes: "Evidence SHA-256" },
    decisions: { approved: "Approved", changes_requested: "Changes requested", deemed: "Deemed accepted" },
    voided: (why: string) => ` (voided: ${why})`,
    system: "— (review period ended)",
    empty: "No decisions yet.",
    page: "Page",
  },
  "zh-CN": {
    heading: "审批记录",
    generated: "生成于",
    columns: { milestone: "里程碑", decision: "决定", who: "人员", when: "时间（UTC）", comment: "意见", hashes: "证据 SHA-256" },
    decisions: { approved: "已批准", changes_requested: "要求修改", deemed: "视为验收" },
    voided: (why: string) => `（已作废：${why}）`,
    system: "—（审核期届满）",
    empty: "还没有决定。",
    page: "页",
  },
} as const;

const utc = (iso: string) => iso.slice(0, 16).replace("T", " ");

export function approvalLogViewModel(source: ApprovalLogSource, locale: Locale, generatedAt: Date): ApprovalLogViewModel {
  const labels = LABELS[locale];
  return {
    locale,
    heading: labels.heading,
    engagement: source.title,
    client: source.clientName,
    generatedAt: `${labels.generated} ${utc(generatedAt.toISOString())} UTC`,
    columns: { ...labels.columns },
    rows: source.entries.map((entry) => ({
      milestone: entry.milestoneTitle,
      decision: labels.decisions[entry.type] + (entry.voided ? labels.voided(describeVoidReason(entry.voidReason ?? { kind: "evidence_changed" }, locale, source.currency)) : ""),
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
