import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatSonarDuration,
  parseSonarDuration,
  parseSonarQube,
  SONAR_IMPACT_MAPPING,
  SonarImportError,
} from "./sonarqube";
import { sonarDays } from "./sonar-duration";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name));

async function* chunks(bytes: Uint8Array, size = 1024): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

const parse = (body: Uint8Array | string | object, limits?: { maxBytes: number; maxIssues?: number }) => {
  const bytes =
    body instanceof Uint8Array
      ? body
      : new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
  return parseSonarQube(chunks(bytes), limits);
};

async function refusal(body: string | object, limits?: { maxBytes: number; maxIssues?: number }) {
  const error = await parse(body, limits).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SonarImportError);
  return error as SonarImportError;
}

const issue = (fields: Record<string, unknown>) => ({ status: "OPEN", component: "p:src/a.ts", ...fields });

describe("SonarQube durations", () => {
  it("reads the spellings SonarQube writes, a day being 8 hours", () => {
    expect(parseSonarDuration("5min")).toBe(5);
    expect(parseSonarDuration("45min")).toBe(45);
    expect(parseSonarDuration("2h30min")).toBe(150);
    expect(parseSonarDuration("2h1min")).toBe(121);
    expect(parseSonarDuration("1d2h")).toBe(600);
    expect(parseSonarDuration("1d")).toBe(480);
    expect(parseSonarDuration("0min")).toBe(0);
  });

  it("refuses what is not a duration", () => {
    for (const text of ["", "2x", "h", "1h1d", "-5min", "5 minutes", "1.5h", "min"])
      expect(parseSonarDuration(text)).toBeNull();
  });

  it("round-trips: formatting any number of minutes reads back the same minutes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (minutes) => {
        expect(parseSonarDuration(formatSonarDuration(minutes))).toBe(minutes);
      }),
    );
  });

  it("turns minutes into working days rounded up to a hundredth, at least 0.01", () => {
    expect(sonarDays(480)).toBe(1);
    expect(sonarDays(0)).toBe(0.01);
    expect(sonarDays(6)).toBe(0.02); // 0.0125 rounded up
    expect(sonarDays(1176)).toBe(2.45);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48_000_000 }), (minutes) => {
        const days = sonarDays(minutes);
        expect(days).toBeGreaterThanOrEqual(Math.max(0.01, minutes / 480) - 1e-9);
        expect(days - minutes / 480).toBeLessThan(0.01 + 1e-9);
        expect(Math.round(days * 100)).toBeCloseTo(days * 100, 6);
      }),
    );
  });
});

describe("parseSonarQube over real exports", () => {
  it("groups a SonarCloud answer with the legacy severity and effort", async () => {
    const parsed = await parse(fixture("issues-sonarcloud-legacy.json"));
    expect(parsed).toEqual({
      kind: "issues",
      issueCount: 1,
      skipped: 0,
      groups: [
        {
          rule: "go:S3776",
          title: "go:S3776",
          impact: "high",
          effortMinutes: 6,
          days: 0.02,
          issueCount: 1,
          components: ["cmd/fortifyExecuteScan.go"],
          componentCount: 1,
        },
      ],
    });
  });

  it("sums the effort of the issues of one rule", async () => {
    const parsed = await parse(fixture("issues-two-of-one-rule.json"));
    expect(parsed.kind === "issues" && parsed.groups).toEqual([
      expect.objectContaining({
        rule: "xoo:x1",
        impact: "medium",
        effortMinutes: 20,
        issueCount: 2,
        componentCount: 1,
      }),
    ]);
  });

  it("skips and counts resolved and accepted issues (both shapes of SonarQube's own example)", async () => {
    for (const name of ["issues-impacts-resolved.json", "issues-impacts-accepted.json"])
      expect(await parse(fixture(name))).toEqual({ kind: "issues", groups: [], issueCount: 0, skipped: 1 });
  });

  it("reads sqale_index from a measures answer", async () => {
    expect(await parse(fixture("measures-sqale-index.json"))).toEqual({
      kind: "measures",
      component: "TypeScript:src/server/editorServices.ts",
      sqaleIndexMinutes: 239,
      days: 0.5,
    });
  });

  it("reads the same however the body is cut into chunks", async () => {
    const bytes = fixture("issues-impacts-resolved.json");
    const whole = await parse(bytes);
    expect(await parseSonarQube(chunks(bytes, 7))).toEqual(whole);
  });
});

describe("parseSonarQube over hand-made exports", () => {
  it("refuses an export of more rules than a register holds, naming the cap; 500 rules are fine", async () => {
    const rules = (count: number) => ({
      issues: Array.from({ length: count }, (_, index) =>
        issue({ rule: `go:S${index}`, severity: "MINOR", effort: "5min" }),
      ),
    });
    const parsed = await parse(rules(500));
    expect(parsed.kind === "issues" && parsed.groups).toHaveLength(500);
    const error = await refusal(rules(501));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.reasons.join(" ")).toContain("501 rules; at most 500");
  });

  it("judges an issue by its highest impact, and a group by its highest issue", async () => {
    const parsed = await parse({
      issues: [
        issue({
          rule: "ts:S1",
          severity: "INFO",
          impacts: [{ softwareQuality: "SECURITY", severity: "LOW" }],
          effort: "1h",
        }),
        issue({
          rule: "ts:S1",
          impacts: [
            { softwareQuality: "MAINTAINABILITY", severity: "MEDIUM" },
            { softwareQuality: "RELIABILITY", severity: "HIGH" },
          ],
          effort: "1d2h",
          component: "p:src/b.ts",
        }),
        issue({ rule: "ts:S2", severity: "BLOCKER", debt: "2h30min" }),
        issue({ rule: "ts:S3", impacts: [{ softwareQuality: "SECURITY", severity: "BLOCKER" }] }),
      ],
      rules: [{ key: "ts:S1", name: "Functions should not be too complex" }],
    });
    expect(parsed.kind === "issues" && parsed.groups).toEqual([
      {
        rule: "ts:S1",
        title: "ts:S1: Functions should not be too complex",
        impact: "high",
        effortMinutes: 660,
        days: 1.38,
        issueCount: 2,
        components: ["p:src/a.ts", "p:src/b.ts"],
        componentCount: 2,
      },
      expect.objectContaining({ rule: "ts:S2", impact: "critical", effortMinutes: 150 }),
      expect.objectContaining({ rule: "ts:S3", impact: "critical", effortMinutes: 0, days: 0.01 }),
    ]);
  });

  it("names every bad issue and where it is", async () => {
    const error = await refusal({
      issues: [
        issue({ rule: "ts:S1", severity: "MAJOR", effort: "5min" }),
        issue({ severity: "MAJOR" }),
        issue({ rule: "ts:S1", severity: "MAJOR", effort: "2x" }),
        issue({ rule: "ts:S1", severity: "SEVERE" }),
        issue({ rule: "ts:S1", impacts: [{ softwareQuality: "SECURITY", severity: "HUGE" }] }),
        issue({ rule: "ts:S1" }),
        "not an issue",
      ],
    });
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.reasons).toEqual([
      "issues[1].rule: the issue has no rule",
      'issues[2].effort: "2x" is not a SonarQube duration',
      'issues[3].severity: "SEVERE" is not a SonarQube severity',
      'issues[4].impacts[0].severity: "HUGE" is not a SonarQube impact severity',
      'issues[5]: the issue has neither "severity" nor "impacts"',
      "issues[6]: not an object",
    ]);
  });

  it("refuses what is not JSON, not UTF-8 or neither shape", async () => {
    expect((await refusal("<html>")).reasons[0]).toMatch(/^the export is not JSON/);
    const latin1 = await parseSonarQube(chunks(new Uint8Array([0x7b, 0xff, 0x7d]))).catch((e: unknown) => e);
    expect((latin1 as SonarImportError).reasons).toEqual(["the export is not UTF-8 text"]);
    for (const body of [[], { issue: [] }, { component: { key: "k" } }, "42"])
      expect((await refusal(body)).reasons[0]).toMatch(/^neither an api\/issues\/search answer/);
  });

  it("refuses a measures answer without a usable sqale_index", async () => {
    const noIndex = await refusal({ component: { key: "k", measures: [{ metric: "ncloc", value: "3" }] } });
    expect(noIndex.reasons).toEqual(['component.measures: no "sqale_index" measure (ask for metricKeys=sqale_index)']);
    const bad = await refusal({ component: { key: "k", measures: [{ metric: "sqale_index", value: "1.5" }] } });
    expect(bad.reasons).toEqual(['component.measures[0].value: "1.5" is not a number of minutes']);
  });

  it("refuses a body past the byte limit before parsing it, and too many issues", async () => {
    const tooLarge = await refusal("{" + " ".repeat(2000) + "}", { maxBytes: 1000 });
    expect(tooLarge.code).toBe("PAYLOAD_TOO_LARGE");
    const body = { issues: [1, 2, 3].map(() => issue({ rule: "r", severity: "INFO" })) };
    const tooMany = await refusal(body, { maxBytes: 1000, maxIssues: 2 });
    expect(tooMany.code).toBe("PAYLOAD_TOO_LARGE");
    expect(tooMany.reasons[0]).toMatch(/has 3 issues; at most 2/);
  });

  it("stops reading the body once past the limit", async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (;;) {
        pulled++;
        yield new Uint8Array(100);
      }
    }
    const error = await parseSonarQube(endless(), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((error as SonarImportError).code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBe(11);
  });
});

describe("SONAR_IMPACT_MAPPING", () => {
  it("maps every severity of both scales, the worst to critical", () => {
    expect(SONAR_IMPACT_MAPPING.severity.BLOCKER).toBe("critical");
    expect(SONAR_IMPACT_MAPPING.impacts.BLOCKER).toBe("critical");
    expect(SONAR_IMPACT_MAPPING.severity.CRITICAL).toBe("high");
    expect(SONAR_IMPACT_MAPPING.impacts.HIGH).toBe("high");
    expect(Object.keys(SONAR_IMPACT_MAPPING.severity)).toHaveLength(5);
    expect(Object.keys(SONAR_IMPACT_MAPPING.impacts)).toHaveLength(5);
  });
});
