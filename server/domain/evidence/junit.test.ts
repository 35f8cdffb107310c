import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "./errors";
import { parseJunit, type JunitTotals } from "./junit";
import type { JunitRunner } from "./junit-runners";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";

// Each fixture under fixtures/junit/ is a report a real runner wrote, with the runner's own summary
// lines and exit code beside it (summary.txt). The expected figures are read from that summary, so
// the report and the summary cannot drift apart.

const root = path.join(import.meta.dirname, "fixtures", "junit");
const read = (fixture: string, file: string) => readFileSync(path.join(root, fixture, file), "utf8");

type Figures = Partial<Record<keyof JunitTotals, number>>;

const counted = (text: string, pattern: RegExp): Map<string, number> =>
  new Map([...text.matchAll(pattern)].map((m) => [m[2] ?? "", Number(m[1])]));
const exitOf = (summary: string) => Number(/^exit (\d+)$/m.exec(summary)?.[1]);

/** Each runner's summary in the figures a JUnit verification reports. */
const SUMMARY_READERS: Record<Exclude<JunitRunner, "unknown">, (summary: string) => Figures> = {
  node(summary) {
    const n = new Map([...summary.matchAll(/^ℹ (\w+) (\d+)$/gm)].map((m) => [m[1] ?? "", Number(m[2])]));
    const [tests, passed, failures, cancelled, skipped, todo] = [
      "tests",
      "pass",
      "fail",
      "cancelled",
      "skipped",
      "todo",
    ].map((word) => n.get(word));
    return { tests, passed, failures, errors: 0, cancelled, skipped, todo };
  },
  pytest(summary) {
    const line = /^=+ (.*) in [\d.]+s =+$/m.exec(summary)?.[1] ?? "";
    const n = counted(line, /(\d+) (\w+)/g);
    const of = (word: string) => n.get(word) ?? 0;
    // pytest prints no total. A non-strict xpass is written as a plain passing testcase, with no
    // marker to tell it from a pass (under xfail_strict it is a failure, and marked as one)
    return {
      passed: of("passed") + of("xpassed"),
      failures: of("failed"),
      errors: of("error") + of("errors"),
      skipped: of("skipped"),
      xfailed: of("xfailed"),
    };
  },
  jest(summary) {
    const tests = counted(/^Tests:\s+(.*)$/m.exec(summary)?.[1] ?? "", /(\d+) (\w+)/g);
    const suites = counted(/^Test Suites:\s+(.*)$/m.exec(summary)?.[1] ?? "", /(\d+) (\w+)/g);
    const failed = tests.get("failed") ?? 0;
    // a suite that failed outside its tests is an error; in these fixtures the failing tests, if any, share one suite
    const suitesFailedOutsideTests = (suites.get("failed") ?? 0) - (failed > 0 ? 1 : 0);
    const of = (word: string) => tests.get(word) ?? 0;
    return {
      tests: tests.get("total"),
      passed: of("passed"),
      failures: failed,
      errors: suitesFailedOutsideTests,
      skipped: of("skipped"),
      todo: of("todo"),
    };
  },
  vitest(summary) {
    const line = /^\s+Tests\s+(.*) \((\d+)\)$/m.exec(summary);
    const n = counted(line?.[1] ?? "", /(\d+) ([a-z ]+?)(?: \||$)/g);
    const of = (words: string) => n.get(words) ?? 0;
    // Vitest's JUnit reporter writes a test.fails that failed as a pass and a todo as <skipped/>
    return {
      tests: Number(line?.[2]),
      passed: of("passed") + of("expected fail"),
      failures: of("failed"),
      errors: 0,
      skipped: of("skipped") + of("todo"),
    };
  },
  mocha(summary) {
    const n = counted(summary, /^ +(\d+) (passing|pending|failing)/gm);
    const [passed, pending, failing] = ["passing", "pending", "failing"].map((word) => n.get(word) ?? 0) as [
      number,
      number,
      number,
    ];
    return { tests: passed + pending + failing, passed, failures: failing, errors: 0, skipped: pending };
  },
  go(summary) {
    const line = /^DONE (.*) in [\d.]+s$/m.exec(summary)?.[1] ?? "";
    const n = counted(line, /(\d+) (\w+)/g);
    const of = (word: string) => n.get(word) ?? n.get(`${word}s`) ?? 0;
    return { tests: n.get("tests"), skipped: of("skipped"), failures: of("failure"), errors: of("error") };
  },
  surefire(summary) {
    const line = /Tests run: .*$/m.exec(summary)?.[0] ?? "";
    const of = (label: string) => Number(new RegExp(`${label}: (\\d+)`).exec(line)?.[1] ?? 0);
    const [tests, failures, errors, skipped] = [of("Tests run"), of("Failures"), of("Errors"), of("Skipped")];
    // Maven prints no pass count: what is neither failed, errored nor skipped passed (flaky tests among them)
    return { tests, failures, errors, skipped, flaky: of("Flakes"), passed: tests - failures - errors - skipped };
  },
};

const FIXTURES: { fixture: string; runner: Exclude<JunitRunner, "unknown"> }[] = [
  { fixture: "node-outcomes", runner: "node" },
  { fixture: "node-todo", runner: "node" },
  { fixture: "node-cancelled", runner: "node" },
  { fixture: "node-nested", runner: "node" },
  { fixture: "pytest9-outcomes", runner: "pytest" },
  { fixture: "pytest7-outcomes", runner: "pytest" },
  { fixture: "pytest9-strict", runner: "pytest" },
  { fixture: "pytest7-strict", runner: "pytest" },
  { fixture: "pytest9-green", runner: "pytest" },
  { fixture: "jest-outcomes", runner: "jest" },
  { fixture: "jest-suite-errors", runner: "jest" },
  { fixture: "vitest-outcomes", runner: "vitest" },
  { fixture: "mocha-outcomes", runner: "mocha" },
  { fixture: "gotestsum-packages", runner: "go" },
  { fixture: "surefire-reruns", runner: "surefire" },
];

const RUNNER_FIGURES = new Set(["todo", "xfailed", "cancelled", "flaky"]);
const OUTSIDE = "outside any test (a suite that could not run, a failing hook, a package that did not build)";

async function verify(text: string) {
  return verifyFile({ kind: "junit", file: bytesOf(text, 97) });
}

describe("junit reports counted as their runner counted the run", () => {
  it.each(FIXTURES)("$fixture: the figures and verdict are the runner's own", async ({ fixture, runner }) => {
    const summary = read(fixture, "summary.txt");
    const expected = SUMMARY_READERS[runner](summary);
    expect(Object.values(expected).every(Number.isInteger) && Number.isInteger(exitOf(summary))).toBe(true);
    const report = await parseJunit(bytesOf(read(fixture, "report.xml"), 97), DEFAULT_LIMITS);
    expect(report.runner).toBe(runner);
    const result = await verify(read(fixture, "report.xml"));
    for (const [figure, value] of Object.entries(expected)) {
      // a runner-specific figure appears in the metrics only when the report has some
      expect({ figure, value: result.metrics[figure] }).toEqual({
        figure,
        value: RUNNER_FIGURES.has(figure) && value === 0 ? undefined : value,
      });
    }
    expect(result.verdict).toBe(exitOf(summary) === 0 ? "pass" : "fail");
  });

  it("passes a Node run whose only problem is a failing todo, though its suite counts a failure", async () => {
    const report = read("node-todo", "report.xml");
    expect(report).toMatch(/<testsuite name="ledger"[^>]* failures="1"/);
    expect(await verify(report)).toMatchObject({
      verdict: "pass",
      reasons: [],
      metrics: { tests: 5, passed: 2, failures: 0, skipped: 1, todo: 2 },
    });
    // without Node's closing summary the testcases alone say the same
    expect((await verify(report.replace(/\s*<!--[^>]*-->/g, ""))).metrics).toEqual({
      tests: 5,
      failures: 0,
      errors: 0,
      skipped: 1,
      passed: 2,
      todo: 2,
    });
  });

  it("counts a Node test cancelled by a timeout or by its parent as cancelled, and fails the gate", async () => {
    const result = await verify(read("node-cancelled", "report.xml").replace(/\s*<!--[^>]*-->/g, ""));
    expect(result).toMatchObject({
      verdict: "fail",
      reasons: ["3 of 5 tests were cancelled"],
      metrics: { tests: 5, passed: 2, failures: 0, cancelled: 3 },
    });
  });

  it(
    "takes Node's closing summary for a parent's own failure its reporter drops, never a summary milder than the " +
      "testcases",
    async () => {
      const nested = read("node-nested", "report.xml");
      expect((await verify(nested.replace(/\s*<!--[^>]*-->/g, ""))).metrics).toEqual({
        tests: 5,
        failures: 2,
        errors: 0,
        skipped: 0,
        passed: 3,
      });
      expect((await verify(nested)).reasons).toEqual(["4 of 6 tests failed"]);
      const gzipped = await verifyFile({ kind: "junit", file: bytesOf(gzipSync(nested), 101) });
      expect(gzipped.metrics).toMatchObject({ tests: 6, failures: 4, passed: 2 });
      const milder = read("node-outcomes", "report.xml").replace("<!-- fail 1 -->", "<!-- fail 0 -->");
      expect(await verify(milder)).toMatchObject({ verdict: "fail", reasons: ["1 of 7 tests failed"] });
      const inside = `<testsuites><testcase name="a"><![CDATA[<!-- tests 9 --><!-- pass 9 -->]]></testcase></testsuites>`;
      expect((await verify(inside)).metrics).toMatchObject({ tests: 1, passed: 1 });
    },
  );

  it("counts a pytest teardown error beside its test's outcome, and a failed test's second element as the same test", async () => {
    const result = await verify(read("pytest9-strict", "report.xml"));
    expect(result.metrics).toEqual({ tests: 7, failures: 2, errors: 2, skipped: 0, passed: 2, xfailed: 3 });
    expect(result.reasons).toEqual(["2 of 7 tests failed", "2 of 7 tests errored"]);
  });

  it("passes a pytest run with only skips, xfails and a non-strict xpass", async () => {
    expect(await verify(read("pytest9-green", "report.xml"))).toMatchObject({
      verdict: "pass",
      metrics: { tests: 4, passed: 2, skipped: 1, xfailed: 1 },
    });
  });

  it(
    "counts jest-junit's stand-ins for a suite that could not run or a failing hook once per suite, outside the " +
      "tests",
    async () => {
      const result = await verify(read("jest-suite-errors", "report.xml"));
      expect(result.metrics).toEqual({ tests: 3, failures: 0, errors: 2, skipped: 0, passed: 2, todo: 1 });
      expect(result.reasons).toEqual([`2 failures ${OUTSIDE}`]);
    },
  );

  it("trusts Surefire's testcases over its suite counters, which count only the rerun", async () => {
    const report = read("surefire-reruns", "report.xml");
    expect(report).toMatch(/<testsuite [^>]*tests="3" errors="1" skipped="0" failures="1">/);
    expect((await verify(report)).metrics).toEqual({
      tests: 7,
      failures: 1,
      errors: 1,
      skipped: 2,
      passed: 3,
      flaky: 1,
    });
  });

  it(
    "adds what a root declares beyond its testcases: a Go package that did not build, mocha's unwritten pending " +
      "tests",
    async () => {
      const go = await verify(read("gotestsum-packages", "report.xml"));
      expect(go.reasons).toEqual(["1 of 6 tests failed", `2 failures ${OUTSIDE}`]);
      const built = read("gotestsum-packages", "report.xml")
        .replace('<testsuites tests="6" failures="2" errors="1"', '<testsuites tests="5" failures="0" errors="1"')
        .replace(/<testsuite tests="0"[\s\S]*?<\/testsuite>/, "")
        .replace(/<testcase[^>]*name="TestFeeOnAThousand"[\s\S]*?<\/testcase>/, "");
      expect(await verify(built)).toMatchObject({ verdict: "fail", reasons: [`1 failure ${OUTSIDE}`] });
      expect((await verify(read("mocha-outcomes", "report.xml"))).metrics).toEqual({
        tests: 6,
        failures: 2,
        errors: 0,
        skipped: 2,
        passed: 2,
      });
    },
  );

  it("never lets declared counters lower what the testcases show", async () => {
    const cases = `<testcase name="a"><failure/></testcase><testcase name="b"><skipped/></testcase>`;
    const report =
      `<testsuites tests="9" failures="0" errors="0" skipped="0">` +
      `<testsuite name="s" tests="9" failures="0">${cases}</testsuite></testsuites>`;
    expect(await verify(report)).toMatchObject({
      verdict: "fail",
      metrics: { tests: 2, failures: 1, skipped: 1, passed: 0 },
    });
  });
});
