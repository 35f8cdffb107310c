import { z } from "zod";
import { BENCH_VERDICTS } from "../../../domain/evidence/bench-compare";
import { BENCH_METRICS } from "../../../domain/evidence/go-bench";
import { ZSha256 } from "../../../domain/schemas";
import { ZBinary, ZIdParams, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/milestones/{id}/benchmark-report?format=json|pdf

export const ZBenchmarkReportQuery = z.object({
  format: z.enum(["json", "pdf"], { error: "must be json or pdf" }).default("json"),
});

const ZReportFile = z.object({
  evidenceId: z.string(),
  sha256: ZSha256,
  filename: z.string().nullable(),
  createdAt: z.iso.datetime(),
  milestoneId: z.string().meta({ description: "the baseline may sit on another milestone of the engagement" }),
  milestoneTitle: z.string(),
});

const ZMetricStats = z.object({
  median: z.number(),
  min: z.number(),
  max: z.number(),
  n: z.int().meta({ description: "runs" }),
});

export const ZBenchmarkReportResponse = z.object({
  engagement: z.object({ id: z.string(), title: z.string() }),
  milestone: z.object({ id: z.string(), title: z.string() }),
  files: z
    .object({ baseline: ZReportFile, current: ZReportFile })
    .meta({ description: "the two go-bench evidence items compared" }),
  benchmarks: z.array(
    z.object({
      name: z.string().meta({ example: "BenchmarkEncodeRows" }),
      metric: z.enum(BENCH_METRICS),
      baseline: ZMetricStats,
      current: ZMetricStats,
      deltaPct: z
        .number()
        .nullable()
        .meta({
          description:
            "current median against the baseline median in percent (2 decimals); null when the baseline median is " +
            "0 and the current is not",
        }),
      p: z.number().meta({ description: "two-sided Mann-Whitney U test of the runs, 4 significant digits" }),
      verdict: z.enum(BENCH_VERDICTS).meta({
        description:
          "significant below p 0.05; for B/op and allocs/op faster means fewer; too few runs: under 4 on either side",
      }),
    }),
  ),
  onlyInBaseline: z.array(z.string()).meta({ description: "benchmarks not compared" }),
  onlyInCurrent: z.array(z.string()).meta({ description: "benchmarks not compared" }),
});
export type BenchmarkReportResponse = z.infer<typeof ZBenchmarkReportResponse>;

export const benchmarkReportOperations: RestOperation[] = [
  {
    operationId: "getBenchmarkReport",
    method: "get",
    path: "/api/v1/milestones/{id}/benchmark-report",
    summary:
      "The milestone's Go benchmark comparison: its newest go-bench evidence against the engagement's newest " +
      "baseline, per benchmark and metric",
    params: ZIdParams,
    query: ZBenchmarkReportQuery,
    responses: {
      "200": {
        description: "JSON, or the report as a PDF attachment in the caller's language",
        content: { "application/json": ZBenchmarkReportResponse, "application/pdf": ZBinary },
      },
      "400": refusalResponse("Unknown format"),
      "401": refusalResponse("No session"),
      "404": refusalResponse(
        "Unknown id or a milestone the caller may not see; or no baseline on the engagement, or no current " +
          "go-bench evidence on the milestone (the reasons say which)",
      ),
    },
  },
];
