import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, EvidenceInputError } from "./errors";
import { forEachJsonEntry } from "./json-entries";
import { splitCsv } from "./jmeter";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));

async function refusal(kind: string, text: string | Uint8Array, limits = DEFAULT_LIMITS): Promise<EvidenceInputError> {
  const error = await verifyFile({ kind, file: bytesOf(text, 11), limits }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceInputError);
  return error as EvidenceInputError;
}

describe("istanbul", () => {
  it("computes from nyc's coverage-final.json the figures nyc printed (two statements on one line count one line)", async () => {
    const result = await verifyFile({ kind: "istanbul", file: bytesOf(fixture("istanbul-nyc-final.json"), 13) });
    expect(result.metrics).toMatchObject({
      statements: { covered: 8, total: 12 },
      branches: { covered: 4, total: 10 },
      functions: { covered: 1, total: 2 },
      lines: { covered: 7, total: 10 },
      files: 1,
      format: "final",
    });
  });

  it("reads the total of nyc's and c8's coverage-summary.json, and c8's coverage-final.json", async () => {
    const nyc = await verifyFile({ kind: "istanbul", file: bytesOf(fixture("istanbul-nyc-summary.json")) });
    expect(nyc.metrics).toMatchObject({
      statements: { covered: 8, total: 12 },
      lines: { covered: 7, total: 10 },
      format: "summary",
      files: 1,
    });
    const c8Summary = await verifyFile({ kind: "istanbul", file: bytesOf(fixture("istanbul-c8-summary.json")) });
    const c8Final = await verifyFile({
      kind: "istanbul",
      file: bytesOf(gzipSync(fixture("istanbul-c8-final.json")), 7),
    });
    const expected = {
      statements: { covered: 12, total: 17 },
      branches: { covered: 5, total: 7 },
      functions: { covered: 1, total: 2 },
      lines: { covered: 12, total: 17 },
    };
    expect(c8Summary.metrics).toMatchObject(expected);
    expect(c8Final.metrics).toMatchObject(expected);
  });

  it("judges thresholds per metric", async () => {
    const result = await verifyFile({
      kind: "istanbul",
      file: bytesOf(fixture("istanbul-nyc-final.json")),
      thresholds: [
        { metric: "lines", value: 70 },
        { metric: "branches", value: 50 },
      ],
    });
    expect(result).toMatchObject({ verdict: "fail", reasons: ["branches coverage 40% < 50%"] });
  });

  it("refuses what is not istanbul coverage, or is cut short", async () => {
    expect((await refusal("istanbul", "{}")).message).toContain("no files");
    expect((await refusal("istanbul", '{"a.js": {"path": "a.js"}}')).message).toContain(
      "is not istanbul file coverage",
    );
    expect((await refusal("istanbul", "[1,2]")).message).toContain("not a JSON object");
    const cut = fixture("istanbul-nyc-final.json").subarray(0, 900);
    expect((await refusal("istanbul", cut)).code).toBe("TRUNCATED");
    expect(
      (
        await refusal(
          "istanbul",
          '{"total": {"lines": {"total": 1, "covered": 2}, "statements": {"total": 1, "covered": 1}, ' +
            '"functions": {"total": 1, "covered": 1}, "branches": {"total": 1, "covered": 1}}}',
        )
      ).message,
    ).toContain("more than its total");
  });
});

describe("forEachJsonEntry", () => {
  it("hands out the same members JSON.parse sees, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.integer({ min: 1, max: 30 }),
        async (object, chunk) => {
          const seen: [string, unknown][] = [];
          await forEachJsonEntry(
            bytesOf(JSON.stringify(object, null, chunk % 3), chunk),
            DEFAULT_LIMITS,
            (key, value) => seen.push([key, value]),
          );
          expect(Object.fromEntries(seen)).toEqual(JSON.parse(JSON.stringify(object)));
          expect(seen).toHaveLength(Object.keys(object).length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses broken JSON between and inside members", async () => {
    const collect = (text: string) => forEachJsonEntry(bytesOf(text, 3), DEFAULT_LIMITS, () => undefined);
    await expect(collect('{"a": {} "b": 2}')).rejects.toThrow("expected ',' or '}'");
    await expect(collect('{"a": 1 "b": 2}')).rejects.toThrow("not valid JSON");
    await expect(collect('{"a": [1, 2}')).rejects.toThrow(EvidenceInputError);
    await expect(collect('{"a": 1}{')).rejects.toThrow("content after the end");
    await expect(collect('{"a": tru}')).rejects.toThrow("not valid JSON");
    await expect(collect('{"a": {"b": 1}')).rejects.toThrow("ends before");
  });
});

describe("k6", () => {
  it("reads --summary-export: percentiles, requests, error rate, and its passing thresholds", async () => {
    const result = await verifyFile({
      kind: "k6",
      file: bytesOf(fixture("k6-summary-export.json"), 17),
      thresholds: [{ metric: "p99", value: 800 }],
    });
    expect(result).toMatchObject({
      verdict: "pass",
      metrics: { requests: 180, latencyMs: { p50: 110.47, p95: 215.95, p99: 402.1, max: 1140.2 }, errorRatePct: 1.111 },
      reasons: [],
    });
    const strict = await verifyFile({
      kind: "k6",
      file: bytesOf(fixture("k6-summary-export.json")),
      thresholds: [
        { metric: "p95", value: 200 },
        { metric: "errorRatePct", value: 1 },
      ],
    });
    expect(strict.reasons).toEqual(["p95 latency 215.95 ms > 200 ms", "error rate 1.111% > 1%"]);
  });

  it("reads handleSummary JSON, reports k6's own failed threshold and a p99 the run did not record", async () => {
    const result = await verifyFile({
      kind: "k6",
      file: bytesOf(fixture("k6-handle-summary.json")),
      thresholds: [{ metric: "p99", value: 800 }],
    });
    expect(result.verdict).toBe("fail");
    expect(result.metrics).toMatchObject({ requests: 500, errorRatePct: 0.4, latencyMs: { p95: 901.8 } });
    expect(result.reasons[0]).toBe("k6 threshold http_req_duration 'p(95)<800' failed");
    expect(result.reasons[1]).toContain("no p99 figure (run k6 with --summary-trend-stats");
  });

  it("refuses a summary without HTTP metrics", async () => {
    expect((await refusal("k6", '{"metrics": {"vus": {"value": 1}}}')).message).toContain("http_req_duration");
    expect((await refusal("k6", '{"root_group": {}}')).message).toContain('no "metrics"');
  });
});

describe("jmeter", () => {
  it("computes the Aggregate Report's percentiles and the error rate from a CSV JTL", async () => {
    const result = await verifyFile({
      kind: "jmeter",
      file: bytesOf(fixture("jmeter.jtl"), 19),
      thresholds: [{ metric: "p95", value: 500 }],
    });
    expect(result).toMatchObject({
      verdict: "pass",
      metrics: {
        requests: 20,
        labels: 2,
        errorRatePct: 10,
        latencyMs: { min: 80, p50: 120, p95: 480, p99: 900, max: 900, avg: 188.85 },
      },
    });
    const strict = await verifyFile({
      kind: "jmeter",
      file: bytesOf(fixture("jmeter.jtl")),
      thresholds: [
        { metric: "p99", value: 800 },
        { metric: "errorRatePct", value: 5 },
      ],
    });
    expect(strict.reasons).toEqual(["p99 latency 900 ms > 800 ms", "error rate 10% > 5%"]);
  });

  it("refuses files without a header, bad rows and open quotes, naming the line", async () => {
    expect((await refusal("jmeter", "1764230400000,115,home,200\n")).message).toContain("not a JTL header");
    expect(await refusal("jmeter", "timeStamp,elapsed,label,success\n1,12,a,true\n2,x,a,true\n")).toMatchObject({
      code: "MALFORMED",
      line: 3,
    });
    expect(await refusal("jmeter", 'timeStamp,elapsed,label,success\n1,12,"a,true\n')).toMatchObject({
      code: "TRUNCATED",
      line: 2,
    });
    expect((await refusal("jmeter", "timeStamp,elapsed,label,success\n")).message).toContain("no samples");
    expect((await refusal("jmeter", "timeStamp,elapsed,label,success\n1,12,a,maybe\n")).message).toContain(
      "not true or false",
    );
  });

  it("splits CSV records with quotes as JMeter writes them", () => {
    expect(splitCsv('1,"a, ""b""",c')).toEqual(["1", 'a, "b"', "c"]);
    expect(splitCsv('1,"open')).toBeNull();
    expect(splitCsv('"x"y,2')).toBe("stray");
    expect(splitCsv("a,,")).toEqual(["a", "", ""]);
  });
});
