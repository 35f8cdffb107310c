import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseK6Summary, parseMeasurementCsv } from "./measurement-files";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../../fixtures/k6", name), "utf8");
const AT = Date.parse("2026-11-03T10:00:00Z");

describe("parseMeasurementCsv", () => {
  it("reads the metric's columns in any order, quoted or not, with CRLF and a BOM", () => {
    const csv = '\uFEFFvalue,at\r\n1200.5,2026-11-03T10:00:00Z\r\n"7",2026-11-03T18:00:01+08:00\r\n\r\n';
    expect(parseMeasurementCsv("latency_percentile", csv)).toEqual({
      ok: true,
      measurements: {
        kind: "values",
        samples: [
          { at: AT, value: 1200.5 },
          { at: AT + 1000, value: 7 },
        ],
      },
    });
  });

  it("reads error counts, downtime and digest checks (a quoted digest may hold a comma)", () => {
    expect(parseMeasurementCsv("error_rate", "at,errors,requests\n2026-11-03T10:00:00Z,3,40\n")).toEqual({
      ok: true,
      measurements: { kind: "error_rate", samples: [{ at: AT, errors: 3, requests: 40 }] },
    });
    expect(parseMeasurementCsv("availability", "from,to\n2026-11-03T10:00:00Z,2026-11-03T10:05:00Z")).toEqual({
      ok: true,
      measurements: { kind: "downtime", downtime: [{ from: AT, to: AT + 300_000 }] },
    });
    expect(parseMeasurementCsv("integrity", 'at,expected,observed\n2026-11-03T10:00:00Z,"a,b",a\n')).toEqual({
      ok: true,
      measurements: { kind: "checks", checks: [{ at: AT, expected: "a,b", observed: "a" }] },
    });
  });

  it("names the line at fault", () => {
    const csv = "at,value\n2026-11-03T10:00:00Z,1\n2026-11-03T10:00:01Z,fast\n";
    expect(parseMeasurementCsv("gauge_max", csv)).toEqual({
      ok: false,
      reasons: ["line 3: value: expected a finite number"],
    });
    const quoted = 'at,expected,observed\n2026-11-03T10:00:00Z,"two\nlines",a\n2026-11-03T10:00:00Z,,a\n';
    expect(parseMeasurementCsv("integrity", quoted)).toEqual({
      ok: false,
      reasons: ["line 4: expected: expected a string"],
    });
    expect(parseMeasurementCsv("error_rate", "at,errors,requests\n2026-11-03T10:00:00Z,5,4\n")).toEqual({
      ok: false,
      reasons: ["line 2: errors: expected errors <= requests"],
    });
  });

  it("refuses a missing header column, an empty file, an open quote and more than 100,000 rows", () => {
    expect(parseMeasurementCsv("error_rate", "at,errors\n")).toEqual({
      ok: false,
      reasons: ["line 1: the header names no requests column (a error_rate file has at,errors,requests)"],
    });
    expect(parseMeasurementCsv("latency_percentile", "")).toMatchObject({ ok: false });
    expect(parseMeasurementCsv("latency_percentile", 'at,value\n"2026-11-03T10:00:00Z,1\n')).toEqual({
      ok: false,
      reasons: ["line 2: a quoted field is not closed"],
    });
    const rows = "2026-11-03T10:00:00Z,1\n".repeat(100_001);
    expect(parseMeasurementCsv("latency_percentile", `at,value\n${rows}`)).toMatchObject({
      ok: false,
      reasons: [expect.stringContaining("more than 100000 rows")],
    });
  });

  it("refuses a file over 5 MB before reading its rows", () => {
    const big = `at,value\n${"x".repeat(5 * 1024 * 1024)}`;
    expect(parseMeasurementCsv("latency_percentile", big)).toMatchObject({
      ok: false,
      reasons: [expect.stringContaining("exceeds 5242880 bytes")],
    });
  });
});

describe("parseK6Summary", () => {
  it("takes http_req_duration p(99) of a --summary-export file (ms) as one sample at the given time", async () => {
    expect(await parseK6Summary(fixture("k6-summary-export-p99.json"), AT)).toEqual({
      ok: true,
      measurements: { kind: "values", samples: [{ at: AT, value: 204.22331733000001 }] },
    });
  });

  it("reads the handleSummary shape (statistics under values)", async () => {
    const summary = JSON.stringify({
      metrics: {
        http_req_duration: { type: "trend", contains: "time", values: { "p(95)": 900, "p(99)": 1480.5 } },
        http_reqs: { type: "counter", contains: "default", values: { count: 10, rate: 1 } },
      },
    });
    expect(await parseK6Summary(summary, AT)).toEqual({
      ok: true,
      measurements: { kind: "values", samples: [{ at: AT, value: 1480.5 }] },
    });
  });

  it("refuses a summary without p(99), saying how to get it", async () => {
    const refused = await parseK6Summary(fixture("k6-handle-summary-no-p99.json"), AT);
    expect(refused).toMatchObject({ ok: false, reasons: [expect.stringContaining("has no http_req_duration p(99)")] });
    expect(refused.ok || refused.reasons[0]).toContain("--summary-trend-stats");
  });

  it("refuses what is not a k6 summary", async () => {
    expect(await parseK6Summary('{"hello": 1}', AT)).toMatchObject({
      ok: false,
      reasons: [expect.stringMatching(/^not a k6 summary: /)],
    });
    expect(await parseK6Summary("{", AT)).toMatchObject({ ok: false });
    expect(await parseK6Summary(fixture("k6-summary-export-p99.json"), Number.NaN)).toMatchObject({ ok: false });
  });
});
