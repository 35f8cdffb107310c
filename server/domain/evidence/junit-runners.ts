import type { XmlAttributes } from "./xml";

// What each runner's JUnit reporter means by what it writes, learnt from reports the runners made
// (fixtures/junit/). A report is judged as its runner judges the run: the markers read here are
// each runner's own words, so a marker is read wherever it appears, and the runner is named from
// the first sign the report gives of it.

export const JUNIT_RUNNERS = ["node", "pytest", "jest", "vitest", "mocha", "go", "surefire", "unknown"] as const;
export type JunitRunner = (typeof JUNIT_RUNNERS)[number];

/**
 * What one <testcase> says: who it is (where its runner's rules need it) and which outcome elements it holds
 * directly.
 */
export interface CaseFacts {
  name: string | null;
  classname: string | null;
  /** a <skipped> that is neither Node's todo nor pytest's xfail */
  skipped: boolean;
  /** node --test: <skipped type="todo"> */
  todo: boolean;
  /** pytest: <skipped type="pytest.xfail"> */
  xfailed: boolean;
  /** a <failure> other than Node's cancellation */
  failure: boolean;
  /** node --test: <failure type="cancelledByParent" | "testTimeoutFailure" | "testAborted"> */
  cancelled: boolean;
  /** an <error> other than pytest's teardown error */
  error: boolean;
  /** pytest: <error message="failed on teardown with ..."> */
  teardownError: boolean;
  /** Surefire: <flakyFailure> or <flakyError>, a run that failed before a rerun passed */
  flaky: boolean;
  /** the runner this testcase's markers name */
  signals: JunitRunner | null;
}

// Decoding every testcase's name halves the speed on a large report, so names are read only for
// the runners whose rules look at them
const NAMES_NEEDED: ReadonlySet<JunitRunner> = new Set(["pytest", "jest", "go"]);

export function caseFacts(attributes: XmlAttributes, runner: JunitRunner): CaseFacts {
  const named = NAMES_NEEDED.has(runner);
  return {
    name: named ? (attributes.get("name") ?? "") : null,
    classname: named ? (attributes.get("classname") ?? "") : null,
    skipped: false,
    todo: false,
    xfailed: false,
    failure: false,
    cancelled: false,
    error: false,
    teardownError: false,
    flaky: false,
    signals: null,
  };
}

const NODE_CANCELLED = new Set(["cancelledByParent", "testTimeoutFailure", "testAborted"]);
const NODE_FAILURES = new Set([
  "testCodeFailure",
  "hookFailed",
  "subtestsFailed",
  "parentAlreadyFinished",
  "uncaughtException",
  "unhandledRejection",
]);

/** Reads an element directly inside a <testcase>. */
export function noteCaseChild(facts: CaseFacts, element: string, attributes: XmlAttributes): void {
  if (element === "skipped") {
    const type = attributes.get("type") ?? "";
    if (type === "todo") facts.todo = true;
    else if (type === "pytest.xfail") facts.xfailed = true;
    else facts.skipped = true;
    if (type === "todo" || type === "skipped") facts.signals ??= "node";
    else if (type.startsWith("pytest.")) facts.signals ??= "pytest";
  } else if (element === "failure") {
    const type = attributes.get("type") ?? "";
    if (NODE_CANCELLED.has(type)) facts.cancelled = true;
    else facts.failure = true;
    if (NODE_FAILURES.has(type) || NODE_CANCELLED.has(type)) facts.signals ??= "node";
  } else if (element === "error") {
    // pytest reports an error in a fixture's teardown beside the test's own outcome, and counts both
    if (attributes.get("message")?.startsWith("failed on teardown with ")) {
      facts.teardownError = true;
      facts.signals ??= "pytest";
    } else facts.error = true;
  } else if (element === "flakyFailure" || element === "flakyError") facts.flaky = true;
}

/** The runner a root or suite element names by its own default name or schema. */
export function runnerOfElement(element: string, attributes: XmlAttributes): JunitRunner | null {
  const name = attributes.get("name");
  if (element === "testsuites") {
    if (name === "jest tests") return "jest";
    if (name === "vitest tests") return "vitest";
    if (name === "pytest tests") return "pytest";
    if (name === "Mocha Tests") return "mocha";
  }
  if (element === "testsuite") {
    if (name === "pytest") return "pytest";
    if (attributes.get("xsi:noNamespaceSchemaLocation")?.includes("surefire")) return "surefire";
  }
  if (element === "property" && name === "go.version") return "go";
  return null;
}

export type Outcome = "passed" | "failed" | "errored" | "skipped" | "todo" | "xfailed" | "cancelled";

/**
 * The outcome its runner gives a testcase. Node checks skip, then todo, then cancellation, then
 * failure (a todo that fails does not fail the run); elsewhere an error outranks a failure and a
 * failure a skip.
 */
export function outcomeOf(facts: CaseFacts): Outcome {
  if (facts.error) return "errored";
  if (facts.skipped && facts.todo) return "skipped";
  if (facts.todo) return "todo";
  if (facts.failure) return "failed";
  if (facts.cancelled) return "cancelled";
  if (facts.xfailed) return "xfailed";
  if (facts.skipped) return "skipped";
  return "passed";
}

/** jest-junit's stand-ins for a suite that failed outside its tests (it could not run, or a hook failed). */
export function isJestStandIn(facts: CaseFacts, runner: JunitRunner): boolean {
  if (runner !== "jest") return false;
  return (
    facts.classname === "Test suite failed to run" ||
    Boolean(facts.name?.includes("Test execution failure: could be caused by test hooks like 'afterAll'."))
  );
}

/** gotestsum's testcase for a test binary that failed outside any test (a panic in TestMain or init). */
export function isGoPackageFailure(facts: CaseFacts, runner: JunitRunner): boolean {
  return runner === "go" && facts.name === "TestMain" && facts.classname === "" && facts.failure;
}

/** pytest writes a failed test's teardown error as a second testcase element of the same name. */
export function isSecondElementOfOneTest(facts: CaseFacts, previousKey: string | null): boolean {
  const nothingElse =
    !facts.error && !facts.failure && !facts.cancelled && !facts.skipped && !facts.todo && !facts.xfailed;
  return facts.teardownError && nothingElse && previousKey !== null && previousKey === caseKey(facts);
}

export const caseKey = (facts: CaseFacts): string | null =>
  facts.name === null ? null : `${facts.classname}\u0000${facts.name}`;
