import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, EvidenceInputError } from "./errors";
import { bytesOf } from "./stream";
import { verifyFile } from "./verify";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

async function refusal(kind: string, text: string, limits = DEFAULT_LIMITS): Promise<EvidenceInputError> {
  const error = await verifyFile({ kind, file: bytesOf(text, 13), limits }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EvidenceInputError);
  return error as EvidenceInputError;
}

describe("junit", () => {
  it("counts node --test's report as node does", async () => {
    const result = await verifyFile({ kind: "junit", file: bytesOf(fixture("node-junit.xml"), 17) });
    expect(result.metrics).toEqual({ tests: 5, failures: 1, errors: 0, skipped: 1, passed: 3 });
    expect(result).toMatchObject({ verdict: "fail", reasons: ["1 of 5 tests failed"] });
  });

  it("counts pytest's report as pytest does", async () => {
    const result = await verifyFile({ kind: "junit", file: bytesOf(fixture("pytest-junit.xml"), 17) });
    expect(result.metrics).toEqual({ tests: 6, failures: 1, errors: 1, skipped: 1, passed: 3 });
    expect(result.reasons).toEqual(["1 of 6 tests failed", "1 of 6 tests errored"]);
  });

  it("passes a clean report with enough tests and fails one with too few", async () => {
    const clean = '<testsuites><testsuite name="s"><testcase name="a"/><testcase name="b"/></testsuite></testsuites>';
    expect((await verifyFile({ kind: "junit", file: bytesOf(clean) })).verdict).toBe("pass");
    expect(
      (await verifyFile({ kind: "junit", file: bytesOf(clean), thresholds: [{ metric: "tests", value: 3 }] })).reasons,
    ).toEqual(["2 tests < 3 required"]);
  });
});

describe("cobertura", () => {
  it("reports the root counts coverage.py wrote", async () => {
    const result = await verifyFile({
      kind: "cobertura",
      file: bytesOf(fixture("cobertura.xml"), 29),
      thresholds: [{ metric: "lines", value: 60 }],
    });
    expect(result.metrics).toMatchObject({ lines: { covered: 10, total: 15 }, branches: { covered: 5, total: 10 } });
    expect(result.verdict).toBe("pass");
  });

  it("computes the same totals from the line elements when the root has none", async () => {
    const bare = fixture("cobertura.xml")
      .replace(/ lines-valid="\d+" lines-covered="\d+"/, "")
      .replace(/ branches-valid="\d+" branches-covered="\d+"/, "");
    const result = await verifyFile({ kind: "cobertura", file: bytesOf(bare) });
    expect(result.metrics).toMatchObject({ lines: { covered: 10, total: 15 }, branches: { covered: 5, total: 10 } });
  });
});

describe("jacoco", () => {
  it("reads the report's own counters, with its DOCTYPE naming report.dtd", async () => {
    const result = await verifyFile({
      kind: "jacoco",
      file: bytesOf(fixture("jacoco.xml"), 31),
      thresholds: [{ metric: "branches", value: 60 }],
    });
    expect(result.metrics).toMatchObject({
      instructions: { covered: 45, total: 71 },
      branches: { covered: 6, total: 12 },
      lines: { covered: 10, total: 15 },
      methods: { covered: 3, total: 5 },
    });
    expect(result.reasons).toEqual(["branches coverage 50% < 60%"]);
  });
});

describe("hostile and broken XML", () => {
  it("refuses billion laughs and external entities before expanding anything", async () => {
    const laughs =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
      `<testsuites>&lol2;</testsuites>`;
    expect((await refusal("junit", laughs)).code).toBe("HOSTILE");
    const xxe =
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` + `<coverage>&xxe;</coverage>`;
    expect((await refusal("cobertura", xxe)).code).toBe("HOSTILE");
  });

  it("accepts a DOCTYPE that only names a DTD (JaCoCo style) without fetching it", async () => {
    const doc =
      `<?xml version="1.0"?><!DOCTYPE testsuites SYSTEM "http://example.invalid/junit.dtd">` +
      `<testsuites><testcase name="a"/></testsuites>`;
    expect((await verifyFile({ kind: "junit", file: bytesOf(doc) })).metrics).toMatchObject({ tests: 1 });
  });

  it("refuses truncated, malformed, too deep, foreign and empty documents", async () => {
    expect((await refusal("junit", fixture("pytest-junit.xml").slice(0, 400))).code).toMatch(/TRUNCATED|MALFORMED/);
    expect(await refusal("junit", "<testsuites>\n<testcase name='a'></testsuite>\n")).toMatchObject({
      code: "MALFORMED",
      line: 2,
    });
    const deep = `<testsuites>${"<a>".repeat(100)}${"</a>".repeat(100)}</testsuites>`;
    expect(await refusal("junit", deep, { ...DEFAULT_LIMITS, maxXmlDepth: 50 })).toMatchObject({
      code: "HOSTILE",
      message: expect.stringContaining("deeper than 50"),
    });
    expect((await refusal("junit", "<html><body/></html>")).message).toContain("is not <testsuites>");
    expect((await refusal("cobertura", "")).code).toBe("EMPTY");
  });
});
