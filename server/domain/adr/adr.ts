// Architecture decision records: numbering per engagement, the statuses an ADR may move through,
// and the names adr-tools and log4brains give their files.

export const ADR_STATUSES = ["proposed", "accepted", "rejected", "deprecated", "superseded"] as const;
export type AdrStatus = (typeof ADR_STATUSES)[number];

export interface ConsideredOption {
  title: string;
  pros: string[];
  cons: string[];
}

export interface AdrContent {
  number: number;
  title: string;
  status: AdrStatus;
  /** the status an imported file gave, when it is not one of ours (`status` is the nearest); else null */
  importedStatus: string | null;
  /** YYYY-MM-DD, or null: unknown (an imported file without a readable date) */
  date: string | null;
  deciders: string[];
  consulted: string[];
  informed: string[];
  context: string;
  decisionDrivers: string[];
  consideredOptions: ConsideredOption[];
  decisionOutcome: string;
  consequences: string;
  validation: string;
  /** the number of the ADR that supersedes this one */
  supersededBy: number | null;
  /** the number of the ADR this one supersedes */
  supersedes: number | null;
}

/** ADR-007 (numbering may start at 0, as MADR's own decisions do) */
export function adrLabel(number: number): string {
  return `ADR-${String(number).padStart(3, "0")}`;
}

export function nextAdrNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** Lowercase ASCII words joined by hyphens, as adr-tools names files; other scripts kept as they are. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "decision";
}

/** `0007-use-embedded-sqlite-storage.md` */
export function adrFilename(number: number, title: string): string {
  return `${String(number).padStart(4, "0")}-${slugify(title)}.md`;
}

/**
 * Status changes an author may make directly. Superseding happens only by recording the new ADR
 * (which links both ways); an accepted ADR's content is then frozen.
 */
const ALLOWED: Record<AdrStatus, readonly AdrStatus[]> = {
  proposed: ["accepted", "rejected"],
  accepted: ["deprecated"],
  rejected: [],
  deprecated: [],
  superseded: [],
};

export function statusChangeProblem(from: AdrStatus, to: AdrStatus): string | null {
  if (from === to) return null;
  if (to === "superseded") return "an ADR is superseded by recording the ADR that replaces it";
  return ALLOWED[from].includes(to) ? null : `an ADR that is ${from} cannot become ${to}`;
}

/** Accepted, deprecated, rejected and superseded ADRs are part of the record: their text stays. */
export function contentIsFrozen(status: AdrStatus): boolean {
  return status !== "proposed";
}
