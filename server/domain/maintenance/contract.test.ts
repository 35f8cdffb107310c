import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesTagPattern, ZContractCreate, ZContractFields } from "./contract";

describe("maintenance contract fields", () => {
  it("fills the defaults: a year, 30 days' notice, auto-renew, releases tagged v*", () => {
    const parsed = ZContractFields.parse({ feeMinor: 1_000_000, startsOn: "2026-05-31" });
    expect(parsed).toMatchObject({
      termMonths: 12,
      noticeDays: 30,
      autoRenew: true,
      releaseTagPattern: "v*",
      includes: "",
      clauseIds: [],
    });
  });

  it("lets creation leave the start and the fee to the engagement", () => {
    expect(ZContractCreate.safeParse({ engagementId: "ck0000000000000000000000" }).success).toBe(true);
    expect(ZContractFields.safeParse({}).success).toBe(false);
  });

  it("refuses a zero-month term, a negative fee and a pattern with spaces", () => {
    const result = ZContractFields.safeParse({
      feeMinor: -1,
      startsOn: "2026-13-01",
      termMonths: 0,
      releaseTagPattern: "v 1",
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues.map((issue) => issue.path[0]).sort()).toEqual(
        ["feeMinor", "releaseTagPattern", "startsOn", "termMonths"].sort(),
      );
  });
});

describe("release tag patterns", () => {
  it("matches whole tag names with * and ?", () => {
    expect(matchesTagPattern("v1.2.0", "v1.*")).toBe(true);
    expect(matchesTagPattern("v10.0.0", "v1.*")).toBe(false);
    expect(matchesTagPattern("v2.0.0", "v1.*")).toBe(false);
    expect(matchesTagPattern("hotfix-3", "v1.*")).toBe(false);
    expect(matchesTagPattern("release-7", "release-?")).toBe(true);
    expect(matchesTagPattern("release-17", "release-?")).toBe(false);
    expect(matchesTagPattern("v1x2", "v1.2")).toBe(false);
    expect(matchesTagPattern("V1.0", "v1.*")).toBe(false);
  });

  it("takes every character but the wildcards literally", () => {
    const literal = fc.stringMatching(/^[A-Za-z0-9._\-/+]{1,20}$/);
    fc.assert(
      fc.property(literal, fc.string({ maxLength: 10 }), (prefix, rest) => {
        expect(matchesTagPattern(prefix, prefix)).toBe(true);
        expect(matchesTagPattern(`${prefix}${rest}`, `${prefix}*`)).toBe(true);
        if (rest.length > 0) expect(matchesTagPattern(`${prefix}${rest}`, prefix)).toBe(false);
      }),
    );
  });
});
