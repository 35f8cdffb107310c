import { DEFAULT_LIMITS, EvidenceInputError, type EvidenceLimits } from "./errors";
import { verifyGoBench, type GoBenchCriteria } from "./go-bench-gate";
import { parseGoCover } from "./go-cover";
import { parseCobertura } from "./cobertura";
import { parseIstanbul } from "./istanbul";
import { parseJacoco } from "./jacoco";
import { parseJmeter } from "./jmeter";
import { parseK6 } from "./k6";
import { judgeLoad } from "./load-test";
import { judgeManifest, parseManifest } from "./manifest";
import { judgeJunit, parseJunit } from "./junit";
import { parseLcov } from "./lcov";
import { digest } from "./sha256";
import type { ByteSource } from "./stream";
import { judgeCoverage, type Threshold, type VerifierResult } from "./verdict";

// The verifiers that read a file: a pure function from bytes (and thresholds) to a verdict.

import { FILE_VERIFIER_KINDS } from "./kinds";

export const VERIFIER_VERSION = "1";

export interface VerifyRequest {
  kind: string;
  file: ByteSource;
  thresholds?: readonly Threshold[];
  baseline?: ByteSource;
  /** go-bench: what the gate requirement asks of the named benchmark (without it, thresholds name benchmarks) */
  goBench?: GoBenchCriteria;
  /** sha256: the digest recorded in the gate (a signed document must match it exactly) */
  expectedSha256?: string;
  /** manifest-review: the manifest the gate names (go.mod, package.json) */
  expectedManifest?: string;
  limits?: EvidenceLimits;
}

export async function verifyFile(request: VerifyRequest): Promise<VerifierResult> {
  const limits = request.limits ?? DEFAULT_LIMITS;
  const thresholds = request.thresholds ?? [];
  switch (request.kind) {
    case "lcov": {
      const totals = await parseLcov(request.file, limits);
      const result = judgeCoverage(
        "lcov",
        { lines: totals.lines, functions: totals.functions, branches: totals.branches },
        thresholds,
      );
      return { ...result, metrics: { ...result.metrics, files: totals.files } };
    }
    case "go-cover": {
      const totals = await parseGoCover(request.file, limits);
      const result = judgeCoverage("go-cover", { statements: totals.statements }, thresholds);
      return { ...result, metrics: { ...result.metrics, mode: totals.mode, blocks: totals.blocks } };
    }
    case "jacoco":
      return judgeCoverage("jacoco", await parseJacoco(request.file, limits), thresholds);
    case "cobertura":
      return judgeCoverage("cobertura", await parseCobertura(request.file, limits), thresholds);
    case "istanbul": {
      const totals = await parseIstanbul(request.file, limits);
      const result = judgeCoverage(
        "istanbul",
        { lines: totals.lines, statements: totals.statements, functions: totals.functions, branches: totals.branches },
        thresholds,
      );
      return { ...result, metrics: { ...result.metrics, files: totals.files, format: totals.format } };
    }
    case "k6": {
      const summary = await parseK6(request.file, limits);
      const hint = ' (run k6 with --summary-trend-stats including it, e.g. "avg,min,med,max,p(90),p(95),p(99)")';
      return judgeLoad("k6", summary, thresholds, summary.failedThresholds, hint);
    }
    case "jmeter": {
      const figures = await parseJmeter(request.file, limits);
      const result = judgeLoad("jmeter", figures, thresholds, [], "");
      return { ...result, metrics: { ...result.metrics, labels: figures.labels } };
    }
    case "manifest-review":
      return judgeManifest(await parseManifest(request.file, limits), request.expectedManifest);
    case "go-bench":
      return verifyGoBench(request.file, request.baseline, request.goBench, thresholds, limits);
    case "junit":
      return verifyJunit(request.file, thresholds, limits);
    case "sha256":
      return verifySha256(request.file, request.expectedSha256, limits);
    default:
      throw new EvidenceInputError(
        "UNSUPPORTED",
        `no verifier for kind "${request.kind}" (known: ${FILE_VERIFIER_KINDS.join(", ")})`,
      );
  }
}

async function verifyJunit(
  file: ByteSource,
  thresholds: readonly Threshold[],
  limits: EvidenceLimits,
): Promise<VerifierResult> {
  return judgeJunit(await parseJunit(file, limits), thresholds);
}

async function verifySha256(
  file: ByteSource,
  expected: string | undefined,
  limits: EvidenceLimits,
): Promise<VerifierResult> {
  const { sha256, sizeBytes } = await digest(file, limits);
  const reasons =
    expected && expected.toLowerCase() !== sha256
      ? [`SHA-256 ${sha256.slice(0, 12)}… does not match the signed document's ${expected.slice(0, 12)}…`]
      : [];
  return {
    kind: "sha256",
    verdict: reasons.length ? "fail" : "pass",
    metrics: { sha256, sizeBytes, ...(expected ? { expectedSha256: expected } : {}) },
    reasons,
  };
}
