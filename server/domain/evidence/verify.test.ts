import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, EvidenceInputError } from "./errors";
import { mannWhitneyU } from "./mann-whitney";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";
import { parseThreshold } from "./verdict";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));
const source = (name: string, chunk = 7) => bytesOf(fixture(name), chunk);

async function refusal(promise: Promise<unknown>): Promise<EvidenceInputError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceInputError);
  return error as EvidenceInputError;
}

describe("lcov", () => {
  it("gives the totals lcov --summary prints", async () => {
    const result = await verifyFile({ kind: "lcov", file: source("calc.info") });
    expect(result.metrics).toMatchObject({
      lines: { covered: 15, total: 18 },
      functions: { covered: 3, total: 4 },
      branches: { covered: 10, total: 14 },
    });
    expect((result.metrics.lines as { pct: number }).pct.toFixed(1)).toBe("83.3");
  });

  it("merges duplicate SF records as lcov does", async () => {
    const result = await verifyFile({ kind: "lcov", file: source("duplicate-sf.info") });
    expect(result.metrics).toMatchObject({
      lines: { covered: 15, total: 18 },
      branches: { covered: 11, total: 14 },
      files: 1,
    });
  });

  it("judges thresholds and says by how much a metric falls short", async () => {
    const pass = await verifyFile({
      kind: "lcov",
      file: source("calc.info"),
      thresholds: [{ metric: "lines", value: 80 }],
    });
    expect(pass.verdict).toBe("pass");
    const fail = await verifyFile({
      kind: "lcov",
      file: source("calc.info"),
      thresholds: [
        { metric: "lines", value: 85 },
        { metric: "branches", value: 70 },
      ],
    });
    expect(fail).toMatchObject({ verdict: "fail", reasons: ["lines coverage 83.33% < 85%"] });
  });

  it("reads gzip input", async () => {
    const result = await verifyFile({ kind: "lcov", file: bytesOf(gzipSync(fixture("calc.info")), 5) });
    expect(result.metrics).toMatchObject({ lines: { covered: 15, total: 18 } });
  });

  it("refuses empty, truncated and malformed files with the line, never a figure", async () => {
    expect((await refusal(verifyFile({ kind: "lcov", file: bytesOf("") }))).code).toBe("EMPTY");
    const truncated = fixture("calc.info")
      .toString("utf8")
      .replace(/end_of_record\s*$/, "");
    expect((await refusal(verifyFile({ kind: "lcov", file: bytesOf(truncated) }))).code).toBe("TRUNCATED");
    const bad = await refusal(verifyFile({ kind: "lcov", file: bytesOf("TN:\nSF:/a.c\nDA:3,x\nend_of_record\n") }));
    expect(bad).toMatchObject({ code: "MALFORMED", line: 3 });
    expect((await refusal(verifyFile({ kind: "lcov", file: bytesOf("hello world\n") }))).code).toBe("MALFORMED");
  });

  it("refuses a gzip bomb and a huge line", async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x41));
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 };
    expect((await refusal(verifyFile({ kind: "lcov", file: bytesOf(bomb), limits }))).code).toBe("HOSTILE");
    const long = `SF:${"a".repeat(3000)}\n`;
    expect(
      (
        await refusal(
          verifyFile({ kind: "lcov", file: bytesOf(long, 100), limits: { ...DEFAULT_LIMITS, maxLineLength: 1000 } }),
        )
      ).code,
    ).toBe("LINE_TOO_LONG");
  });
});

describe("go-cover", () => {
  it.each(["cover-count.out", "cover-set.out", "cover-duplicate.out"])(
    "%s gives the statements go tool cover -func totals",
    async (name) => {
      const result = await verifyFile({ kind: "go-cover", file: source(name) });
      const statements = result.metrics.statements as { covered: number; total: number; pct: number };
      expect(statements.pct.toFixed(1)).toBe("70.8");
      expect(statements).toMatchObject({ covered: 17, total: 24 });
    },
  );

  it("refuses a profile without a mode line or with broken blocks", async () => {
    expect((await refusal(verifyFile({ kind: "go-cover", file: bytesOf("a.go:1.1,2.2 1 1\n") }))).code).toBe(
      "MALFORMED",
    );
    expect(
      await refusal(verifyFile({ kind: "go-cover", file: bytesOf("mode: set\na.go:1.1,2.2 one 1\n") })),
    ).toMatchObject({ line: 2 });
  });
});

describe("go-bench", () => {
  it("summarises runs per benchmark", async () => {
    const result = await verifyFile({ kind: "go-bench", file: source("bench-new.txt") });
    const sync = (result.metrics.benchmarks as { name: string }[]).find((b) => b.name === "BenchmarkSyncBlock");
    expect(sync).toEqual({
      name: "BenchmarkSyncBlock",
      runs: 5,
      nsPerOp: { median: 73549, min: 72044, max: 78677 },
      bytesPerOp: 7112,
      allocsPerOp: 134,
    });
  });

  it("compares with a baseline like benchstat and checks time targets", async () => {
    const result = await verifyFile({
      kind: "go-bench",
      file: source("bench-new.txt"),
      baseline: source("bench-old.txt"),
      thresholds: [{ metric: "BenchmarkSyncBlock", value: 70_000 }],
    });
    const comparisons = result.metrics.comparisons as { name: string; deltaPct: number; p: number; verdict: string }[];
    const sync = comparisons.find((c) => c.name === "BenchmarkSyncBlock");
    // ranks of the baseline: 1, 7, 8, 9, 10 -> U = 5; exact two-sided p = 2 * 19 / 252
    expect(sync).toMatchObject({ deltaPct: -12.47, p: 0.1508, verdict: "no significant change" });
    expect(result.reasons).toEqual(["BenchmarkSyncBlock median 73549 ns/op > 70000 ns/op"]);
  });

  it("refuses output without benchmark lines", async () => {
    expect((await refusal(verifyFile({ kind: "go-bench", file: bytesOf("PASS\nok  \texample\t0.1s\n") }))).code).toBe(
      "MALFORMED",
    );
  });
});

describe("Mann-Whitney U", () => {
  it("matches the exact two-sided p-values of the textbook tables", () => {
    expect(mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).p).toBeCloseTo(0.00794, 4);
    expect(mannWhitneyU([1, 3, 5, 7, 9], [2, 4, 6, 8, 10]).p).toBeCloseTo(0.69048, 4);
  });
});

describe("thresholds", () => {
  it("parse metric=value", () => {
    expect(parseThreshold("lines=85")).toEqual({ metric: "lines", value: 85 });
    expect(parseThreshold("BenchmarkSyncBlock = 800000.5")).toEqual({ metric: "BenchmarkSyncBlock", value: 800000.5 });
    expect(parseThreshold("lines>85")).toBeNull();
  });
});

describe("sha256", () => {
  it("records the digest of the exact bytes and checks it against the signed document's", async () => {
    const bytes = fixture("calc.c");
    const { createHash } = await import("node:crypto");
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(await verifyFile({ kind: "sha256", file: bytesOf(bytes, 11), expectedSha256: expected })).toEqual({
      kind: "sha256",
      verdict: "pass",
      metrics: { sha256: expected, sizeBytes: bytes.length, expectedSha256: expected },
      reasons: [],
    });
    const other = await verifyFile({
      kind: "sha256",
      file: bytesOf(Buffer.concat([bytes, Buffer.from(" ")])),
      expectedSha256: expected,
    });
    expect(other.verdict).toBe("fail");
    expect(other.reasons[0]).toMatch(/does not match the signed document's/);
    expect((await refusal(verifyFile({ kind: "sha256", file: bytesOf("") }))).code).toBe("EMPTY");
  });
});
