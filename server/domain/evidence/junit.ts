import { EvidenceInputError, type EvidenceLimits } from "./errors";
import {
  caseFacts,
  caseKey,
  isGoPackageFailure,
  isJestStandIn,
  isSecondElementOfOneTest,
  noteCaseChild,
  outcomeOf,
  runnerOfElement,
  type CaseFacts,
  type JunitRunner,
} from "./junit-runners";
import { nodeSummaryOf, Tail, type DeclaredTotals } from "./junit-summary";
import { openArtifact, type ByteSource } from "./stream";
import type { Threshold, VerifierResult } from "./verdict";
import { XmlScanner, type XmlAttributes, type XmlHandlers } from "./xml-scanner";

// JUnit XML as its runner counts it (node --test, pytest, jest-junit, Vitest, mocha-junit-reporter,
// gotestsum, Surefire): every <testcase> is judged by the outcome elements it holds, read with its
// runner's conventions (junit-runners.ts). Where a suite's counters disagree with its testcases,
// the testcases win: a suite's counters are the reporter's own arithmetic, and reporters get it
// wrong in ways the fixtures show (Node counts a todo's failure, Surefire counts only the rerun,
// jest-junit leaves todo tests out). Figures outside any testcase are read in junit-summary.ts.

export interface JunitTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  passed: number;
  /** node --test's todo tests, and jest's test.todo */
  todo: number;
  /** pytest's expected failures */
  xfailed: number;
  /** node --test's cancelled tests (timed out, or left running when their parent ended) */
  cancelled: number;
  /** Surefire: passed on a rerun after failing (counted in passed too) */
  flaky: number;
}

export interface JunitReport extends JunitTotals {
  runner: JunitRunner;
  /** failures and errors that belong to no test (counted in failures and errors too) */
  failuresOutsideTests: number;
  errorsOutsideTests: number;
}

interface SuiteFrame {
  declaredPasses: number | undefined;
  passed: number;
  standIn: boolean;
}

const declaredOf = (attributes: XmlAttributes): DeclaredTotals => {
  const read = (name: string) => {
    const value = attributes.int(name);
    return value === undefined || Number.isNaN(value) ? undefined : value;
  };
  return { tests: read("tests"), failures: read("failures"), errors: read("errors"), skipped: read("skipped") };
};

class JunitReader implements XmlHandlers {
  readonly report: JunitReport = {
    tests: 0,
    failures: 0,
    errors: 0,
    skipped: 0,
    passed: 0,
    todo: 0,
    xfailed: 0,
    cancelled: 0,
    flaky: 0,
    runner: "unknown",
    failuresOutsideTests: 0,
    errorsOutsideTests: 0,
  };
  root: DeclaredTotals = {};
  private readonly suites: SuiteFrame[] = [];
  private current: CaseFacts | null = null;
  private caseDepth = 0;
  private previousKey: string | null = null;

  open(name: string, attributes: XmlAttributes, depth: number): void {
    if (depth === 1) {
      if (name !== "testsuites" && name !== "testsuite")
        throw new EvidenceInputError("MALFORMED", `root element <${name}> is not <testsuites> or <testsuite>`);
      this.root = declaredOf(attributes);
    }
    if (this.current) {
      if (depth === this.caseDepth + 1) noteCaseChild(this.current, name, attributes);
      return;
    }
    if (name === "testcase") {
      this.current = caseFacts(attributes, this.report.runner);
      this.caseDepth = depth;
      return;
    }
    const named = runnerOfElement(name, attributes);
    if (named && this.report.runner === "unknown") this.report.runner = named;
    if (name === "testsuite") {
      const declared = declaredOf(attributes);
      const declaredPasses =
        declared.tests === undefined ? undefined : declared.tests - (declared.failures ?? 0) - (declared.skipped ?? 0);
      this.suites.push({ declaredPasses, passed: 0, standIn: false });
    }
  }

  close(name: string, depth: number): void {
    if (name === "testcase" && this.current && depth === this.caseDepth) {
      this.count(this.current);
      this.previousKey = caseKey(this.current);
      this.current = null;
    } else if (name === "testsuite" && !this.current) {
      const suite = this.suites.pop();
      if (suite) this.closeSuite(suite);
    }
  }

  private count(facts: CaseFacts): void {
    const report = this.report;
    if (report.runner === "unknown" && facts.signals) report.runner = facts.signals;
    const suite = this.suites.at(-1);
    if (isJestStandIn(facts, report.runner)) {
      // one suite may have two stand-ins; Jest counts the suite once, as a failed suite
      if (suite) suite.standIn = true;
      else this.outsideError();
      return;
    }
    if (isGoPackageFailure(facts, report.runner)) {
      report.failures += 1;
      report.failuresOutsideTests += 1;
      return;
    }
    if (facts.teardownError) report.errors += 1;
    if (isSecondElementOfOneTest(facts, this.previousKey)) return;
    report.tests += 1;
    const outcome = outcomeOf(facts);
    if (outcome === "passed") {
      report.passed += 1;
      if (facts.flaky) report.flaky += 1;
      if (suite) suite.passed += 1;
    } else if (outcome === "failed") report.failures += 1;
    else if (outcome === "errored") report.errors += 1;
    else report[outcome] += 1;
  }

  private closeSuite(suite: SuiteFrame): void {
    if (suite.standIn) this.outsideError();
    // jest-junit writes a test.todo as a testcase with nothing inside, like a pass, but leaves it
    // out of the suite's counters: the passes beyond those the suite declares are its todo tests
    if (this.report.runner === "jest" && suite.declaredPasses !== undefined && suite.passed > suite.declaredPasses) {
      const todo = suite.passed - Math.max(0, suite.declaredPasses);
      this.report.passed -= todo;
      this.report.todo += todo;
    }
  }

  private outsideError(): void {
    this.report.errors += 1;
    this.report.errorsOutsideTests += 1;
  }

  /** Adds what the report declares outside its testcases (see junit-summary.ts). */
  finish(tail: string): JunitReport {
    const report = this.report;
    const node = report.runner === "node" || report.runner === "unknown" ? nodeSummaryOf(tail) : null;
    // Node's reporter writes a test that has subtests as a <testsuite>, dropping its own failure,
    // and an empty describe as a <testcase>; its closing summary keeps both right
    if (node && node.fail + node.cancelled >= report.failures + report.cancelled) {
      const { tests, pass: passed, fail: failures, cancelled, skipped, todo } = node;
      return { ...report, runner: "node", tests, passed, failures, cancelled, skipped, todo };
    }
    // gotestsum declares a package that did not build only in the root's counters; mocha-junit-reporter
    // leaves pending tests out but counts them there
    const declaredProblems = (this.root.failures ?? 0) + (this.root.errors ?? 0);
    const shownProblems = report.failures + report.errors + report.cancelled;
    if (declaredProblems > shownProblems) {
      report.errors += declaredProblems - shownProblems;
      report.errorsOutsideTests += declaredProblems - shownProblems;
    }
    const unshownSkips = (this.root.skipped ?? 0) - (report.skipped + report.todo + report.xfailed);
    if (unshownSkips > 0) {
      report.skipped += unshownSkips;
      report.tests += unshownSkips;
    }
    return report;
  }
}

export async function parseJunit(source: ByteSource, limits: EvidenceLimits): Promise<JunitReport> {
  const reader = new JunitReader();
  const scanner = new XmlScanner(limits, reader);
  const tail = new Tail();
  for await (const chunk of openArtifact(source, limits)) {
    tail.push(chunk);
    scanner.write(chunk);
  }
  scanner.end();
  return reader.finish(tail.text());
}

/** Passes when the runner would have exited 0 (nothing failed, errored or was cancelled) and enough tests ran. */
export function judgeJunit(report: JunitReport, thresholds: readonly Threshold[]): VerifierResult {
  const { tests, failures, errors, skipped, passed, todo, xfailed, cancelled, flaky } = report;
  const minTests = thresholds.find((t) => t.metric === "tests")?.value ?? 1;
  const failedTests = failures - report.failuresOutsideTests;
  const erroredTests = errors - report.errorsOutsideTests;
  const outside = report.failuresOutsideTests + report.errorsOutsideTests;
  const reasons: string[] = [];
  if (failedTests > 0) reasons.push(`${failedTests} of ${tests} tests failed`);
  if (erroredTests > 0) reasons.push(`${erroredTests} of ${tests} tests errored`);
  if (cancelled > 0) reasons.push(`${cancelled} of ${tests} tests were cancelled`);
  const where = "(a suite that could not run, a failing hook, a package that did not build)";
  if (outside > 0) reasons.push(`${outside} ${outside === 1 ? "failure" : "failures"} outside any test ${where}`);
  if (tests < minTests) reasons.push(`${tests} tests < ${minTests} required`);
  // the runner-specific figures are shown only where the report has some, so a plain report keeps its five
  const extra = Object.fromEntries(Object.entries({ todo, xfailed, cancelled, flaky }).filter(([, n]) => n > 0));
  return {
    kind: "junit",
    verdict: reasons.length === 0 ? "pass" : "fail",
    metrics: { tests, failures, errors, skipped, passed, ...extra },
    reasons,
  };
}
