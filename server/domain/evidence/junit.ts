import { EvidenceInputError, type EvidenceLimits } from "./errors";
import type { ByteSource } from "./stream";
import { parseXml } from "./xml";

// JUnit XML (surefire, pytest, node --test, go-junit-report): every <testcase> counts once, with
// the outcome its child element states; suites' own counters are not trusted.

export interface JunitTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  passed: number;
}

export async function parseJunit(source: ByteSource, limits: EvidenceLimits): Promise<JunitTotals> {
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  let rootName: string | null = null;
  let caseDepth = 0;
  let outcome: "failure" | "error" | "skipped" | null = null;
  await parseXml(source, limits, {
    open(name, _attributes, depth) {
      rootName ??= name;
      if (depth === 1 && name !== "testsuites" && name !== "testsuite") {
        throw new EvidenceInputError("MALFORMED", `root element <${name}> is not <testsuites> or <testsuite>`);
      }
      if (name === "testcase") {
        caseDepth = depth;
        outcome = null;
        totals.tests += 1;
      } else if (caseDepth > 0 && depth === caseDepth + 1 && (name === "failure" || name === "error" || name === "skipped")) {
        // an error outranks a failure, a failure outranks a skip
        if (name === "error" || (name === "failure" && outcome !== "error") || (name === "skipped" && outcome === null)) outcome = name;
      }
    },
    close(name, depth) {
      if (name === "testcase" && depth === caseDepth) {
        if (outcome === "failure") totals.failures += 1;
        else if (outcome === "error") totals.errors += 1;
        else if (outcome === "skipped") totals.skipped += 1;
        caseDepth = 0;
      }
    },
  });
  return { ...totals, passed: totals.tests - totals.failures - totals.errors - totals.skipped };
}
