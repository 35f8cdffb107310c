import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const fixtures = path.join(root, "server/domain/evidence/fixtures");

function tollgate(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, "scripts/tollgate.mjs"), ...args], {
    encoding: "utf8",
    cwd: root,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("tollgate verify", () => {
  it("prints exactly one JSON object and exits 0 on pass", () => {
    const run = tollgate(
      "verify",
      "--kind",
      "go-cover",
      "--file",
      path.join(fixtures, "cover-count.out"),
      "--threshold",
      "statements=70",
      "--json",
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toEqual({
      kind: "go-cover",
      verdict: "pass",
      metrics: { statements: { covered: 17, total: 24, pct: (100 * 17) / 24 }, mode: "count", blocks: 17 },
      reasons: [],
    });
  });

  it("exits 1 when a threshold is not met", () => {
    const run = tollgate(
      "verify",
      "--kind",
      "lcov",
      "--file",
      path.join(fixtures, "calc.info"),
      "--threshold",
      "branches=85",
      "--json",
    );
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ verdict: "fail", reasons: ["branches coverage 71.43% < 85%"] });
  });

  it("compares benchmarks with a baseline", () => {
    const run = tollgate(
      "verify",
      "--kind",
      "go-bench",
      "--file",
      path.join(fixtures, "bench-new.txt"),
      "--baseline",
      path.join(fixtures, "bench-old.txt"),
      "--json",
    );
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      metrics: { benchmarks: { name: string }[]; comparisons: { verdict: string }[] };
    };
    expect(out.metrics.benchmarks.map((b) => b.name)).toEqual(["BenchmarkSyncBlock", "BenchmarkHashLeaf"]);
    expect(out.metrics.comparisons).toHaveLength(2);
  });

  it("exits 2 with verdict error for bad input, a missing file or bad arguments", () => {
    const empty = tollgate("verify", "--kind", "lcov", "--file", "/dev/null", "--json");
    expect(empty.status).toBe(2);
    expect(JSON.parse(empty.stdout)).toEqual({
      kind: "lcov",
      verdict: "error",
      metrics: {},
      reasons: ["the file is empty"],
    });
    expect(tollgate("verify", "--kind", "lcov", "--file", "/no/such/file", "--json").status).toBe(2);
    expect(
      tollgate(
        "verify",
        "--kind",
        "lcov",
        "--file",
        path.join(fixtures, "calc.info"),
        "--threshold",
        "lines>3",
        "--json",
      ).status,
    ).toBe(2);
    expect(
      JSON.parse(tollgate("verify", "--kind", "cobol", "--file", path.join(fixtures, "calc.info"), "--json").stdout),
    ).toMatchObject({ verdict: "error" });
  });
});
