import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import {
  formatDelta,
  formatStats,
  verdictTone,
  verdictWord,
  type BenchmarkReport,
  type EvidenceFileFacts,
} from "@/server/domain/benchmark-report";
import { matchLocale } from "@/server/domain/locale";
import { BenchmarkChart } from "./benchmark-chart";

// A milestone's benchmark comparison for consultants and the client alike: which files were
// compared, the chart, and a row per benchmark and metric. Or, when there is nothing to compare,
// which of the two files is missing.

export interface BenchmarkReportViewProps {
  milestoneTitle: string;
  engagementTitle: string;
  backHref: string;
  backLabel: string;
  apiHref: string;
  content:
    | { kind: "report"; files: { baseline: EvidenceFileFacts; current: EvidenceFileFacts }; report: BenchmarkReport }
    | { kind: "missing"; missing: ("baseline" | "current")[] };
}

const tone = { better: "text-emerald-800", worse: "text-red-800", neutral: "text-slate-700" } as const;

export function BenchmarkReportView({
  milestoneTitle,
  engagementTitle,
  backHref,
  backLabel,
  apiHref,
  content,
}: BenchmarkReportViewProps) {
  const t = useTranslations("benchmarkReport");
  const reportLocale = matchLocale(useLocale()) ?? "en";
  const file = (facts: EvidenceFileFacts) =>
    t("file", {
      file: facts.filename ?? t("unnamed"),
      sha: facts.sha256.slice(0, 12),
      when: facts.createdAt.slice(0, 16).replace("T", " "),
      milestone: facts.milestoneTitle,
    });
  return (
    <>
      <Link href={backHref} className="text-sm text-teal-800 hover:underline">
        ← {backLabel}
      </Link>
      <p className="mt-2 text-sm text-slate-600">{engagementTitle}</p>
      <h1 className="text-2xl font-semibold">{t("heading", { milestone: milestoneTitle })}</h1>
      {content.kind === "missing" ? (
        <Card className="mt-4 space-y-1 p-4 text-sm" data-testid="benchmark-report-missing">
          {content.missing.map((part) => (
            <p key={part}>{part === "baseline" ? t("missingBaseline") : t("missingCurrent")}</p>
          ))}
        </Card>
      ) : (
        <>
          <dl className="mt-4 grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
            <dt className="font-medium">{t("baseline")}</dt>
            <dd className="break-all text-slate-700">{file(content.files.baseline)}</dd>
            <dt className="font-medium">{t("current")}</dt>
            <dd className="break-all text-slate-700">{file(content.files.current)}</dd>
          </dl>
          <div className="mt-3 flex gap-3 text-sm">
            <a
              href={`${apiHref}?format=pdf`}
              className="rounded-md bg-teal-700 px-3 py-1.5 font-medium text-white hover:bg-teal-800"
            >
              {t("pdf")}
            </a>
            <a href={`${apiHref}?format=json`} className="px-1 py-1.5 text-teal-800 underline">
              {t("json")}
            </a>
          </div>
          <p className="mt-3 max-w-3xl text-xs text-slate-600">{t("method")}</p>
          <Card className="mt-4 p-4">
            <BenchmarkChart rows={content.report.benchmarks} />
          </Card>
          <Card className="mt-4">
            {content.report.benchmarks.length === 0 ? (
              <p className="p-4 text-sm">{t("noCommon")}</p>
            ) : (
              <Table aria-label={t("title")}>
                <thead>
                  <tr>
                    <Th>{t("columns.benchmark")}</Th>
                    <Th>{t("columns.metric")}</Th>
                    <Th>{t("columns.baseline")}</Th>
                    <Th>{t("columns.current")}</Th>
                    <Th className="text-right">{t("columns.delta")}</Th>
                    <Th className="text-right">{t("columns.p")}</Th>
                    <Th>{t("columns.verdict")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {content.report.benchmarks.map((row) => (
                    <tr
                      key={`${row.name} ${row.metric}`}
                      data-benchmark={row.name}
                      data-metric={row.metric}
                      data-verdict={row.verdict}
                    >
                      <Td className="break-all font-medium">{row.name}</Td>
                      <Td>{row.metric}</Td>
                      <Td className="tabular-nums">{formatStats(row.baseline, reportLocale)}</Td>
                      <Td className="tabular-nums">{formatStats(row.current, reportLocale)}</Td>
                      <Td className="text-right tabular-nums">{formatDelta(row.deltaPct, reportLocale)}</Td>
                      <Td className="text-right tabular-nums">{row.p}</Td>
                      <Td className={cn("font-medium", tone[verdictTone(row.verdict)])}>
                        {t(`verdict.${verdictWord(row.metric, row.verdict)}`)}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {content.report.onlyInBaseline.length > 0 && (
              <p className="px-4 py-2 text-xs text-slate-600">
                {t("onlyInBaseline", { names: content.report.onlyInBaseline.join(", ") })}
              </p>
            )}
            {content.report.onlyInCurrent.length > 0 && (
              <p className="px-4 py-2 text-xs text-slate-600">
                {t("onlyInCurrent", { names: content.report.onlyInCurrent.join(", ") })}
              </p>
            )}
          </Card>
        </>
      )}
    </>
  );
}
