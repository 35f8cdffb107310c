import { findBenchmarkReportSources, type StoredBenchmark } from "../../data/evidence/benchmark";
import { DataRefusal } from "../../data/refusal";
import { resolveSessionScope, type ClientScope, type OrgScope } from "../../data/scope";
import { benchmarkReport, type BenchmarkReport, type EvidenceFileFacts } from "../../domain/benchmark-report";
import type { BenchmarkReportSource } from "../../domain/benchmark-report-document";
import { DEFAULT_LIMITS } from "../../domain/evidence/errors";
import { parseGoBench } from "../../domain/evidence/go-bench";
import { blobStore } from "../storage/blob-store";
import type { SessionClaims } from "../../auth";

// A milestone's benchmark comparison: its newest go-bench evidence (not a baseline) against the
// engagement's newest baseline, both read from the blob store and compared in the core. Shared
// by the REST route (JSON, PDF) and the consultant's and client's report pages.

export interface ReportFile {
  evidenceId: string;
  sha256: string;
  filename: string | null;
  createdAt: string;
  milestoneId: string;
  milestoneTitle: string;
}

export interface LoadedBenchmarkReport {
  engagement: { id: string; title: string; clientName: string };
  milestone: { id: string; title: string };
  files: { baseline: ReportFile; current: ReportFile };
  report: BenchmarkReport;
}

export type BenchmarkReportContent =
  { kind: "report"; value: LoadedBenchmarkReport } | { kind: "missing"; missing: ("baseline" | "current")[] };

/** The report or which file it lacks (a baseline, a current benchmark), with the names around it. */
export type BenchmarkReportAnswer = {
  engagement: { id: string; title: string; clientName: string };
  milestone: { id: string; title: string };
  content: BenchmarkReportContent;
};

const fileOf = ({ storageKey: _storageKey, ...file }: StoredBenchmark): ReportFile => file;

export async function loadBenchmarkReport(
  scope: OrgScope | ClientScope,
  milestoneId: string,
): Promise<BenchmarkReportAnswer> {
  const { engagement, milestone, baseline, current } = await findBenchmarkReportSources(scope, milestoneId);
  if (!baseline || !current) {
    return {
      engagement,
      milestone,
      content: {
        kind: "missing",
        missing: [...(baseline ? [] : ["baseline" as const]), ...(current ? [] : ["current" as const])],
      },
    };
  }
  // both files were parsed when they were attached; the same limits apply to reading them again
  const [before, after] = await Promise.all([
    parseGoBench(blobStore().open(baseline.storageKey), DEFAULT_LIMITS),
    parseGoBench(blobStore().open(current.storageKey), DEFAULT_LIMITS),
  ]);
  return {
    engagement,
    milestone,
    content: {
      kind: "report",
      value: {
        engagement,
        milestone,
        files: { baseline: fileOf(baseline), current: fileOf(current) },
        report: benchmarkReport(before, after),
      },
    },
  };
}

/** The view-model's source: names and file facts beside the comparison. */
export function reportSource(loaded: LoadedBenchmarkReport): BenchmarkReportSource {
  const facts = factsOf;
  return {
    engagement: loaded.engagement.title,
    client: loaded.engagement.clientName,
    milestone: loaded.milestone.title,
    baseline: facts(loaded.files.baseline),
    current: facts(loaded.files.current),
    report: loaded.report,
  };
}

const factsOf = (file: ReportFile): EvidenceFileFacts => ({
  sha256: file.sha256,
  filename: file.filename,
  createdAt: file.createdAt,
  milestoneTitle: file.milestoneTitle,
});

/** What the report pages show: the files' facts and the comparison, or which file is missing. */
export function pageContent(content: BenchmarkReportContent) {
  return content.kind === "missing"
    ? content
    : {
        kind: "report" as const,
        files: { baseline: factsOf(content.value.files.baseline), current: factsOf(content.value.files.current) },
        report: content.value.report,
      };
}

/**
 * For the report pages: the signed-in user's answer; null when the session no longer stands or the milestone is not
 * theirs.
 */
export async function benchmarkReportForPage(
  session: SessionClaims | null,
  milestoneId: string,
): Promise<BenchmarkReportAnswer | null> {
  const actor = session ? await resolveSessionScope(session) : null;
  if (!actor) return null;
  try {
    return await loadBenchmarkReport(actor.scope, milestoneId);
  } catch (error) {
    // a page has no refusal body to show: what is not the user's to see is a missing page
    if (error instanceof DataRefusal && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
