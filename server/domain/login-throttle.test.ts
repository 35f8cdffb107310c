import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideLoginAttempt,
  delayAfter,
  FIRST_DELAY_MS,
  FREE_FAILURES,
  MAX_DELAY_MS,
  normaliseEmail,
  type RecentFailures,
} from "./login-throttle";

const now = new Date("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const none = { count: 0, lastAt: null };
const failures = (partial: Partial<RecentFailures>): RecentFailures => ({
  accountFromAddress: none,
  address: none,
  account: none,
  ...partial,
});

describe("login throttling policy", () => {
  it("allows the free failures of each key without delay", () => {
    expect(
      decideLoginAttempt(
        failures({ accountFromAddress: { count: FREE_FAILURES.accountFromAddress - 1, lastAt: now } }),
        now,
      ),
    ).toEqual({ allowed: true });
    expect(decideLoginAttempt(failures({ address: { count: FREE_FAILURES.address - 1, lastAt: now } }), now)).toEqual({
      allowed: true,
    });
  });

  it("makes the next attempt wait after the free failures, doubling up to a ceiling", () => {
    const free = FREE_FAILURES.accountFromAddress;
    expect(decideLoginAttempt(failures({ accountFromAddress: { count: free, lastAt: ago(1_000) } }), now)).toEqual({
      allowed: false,
      reason: "accountFromAddress",
      retryAfterMs: FIRST_DELAY_MS - 1_000,
    });
    expect(delayAfter(free + 1, free)).toBe(2 * FIRST_DELAY_MS);
    expect(delayAfter(free + 40, free)).toBe(MAX_DELAY_MS);
    // once the delay has passed, an attempt is allowed again: a lock ends by itself
    expect(
      decideLoginAttempt(failures({ accountFromAddress: { count: free + 100, lastAt: ago(MAX_DELAY_MS) } }), now),
    ).toEqual({ allowed: true });
  });

  it("never makes anyone wait longer than the ceiling, however many failures", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), fc.nat(MAX_DELAY_MS * 2), (a, b, c, elapsed) => {
        const at = ago(elapsed);
        const decision = decideLoginAttempt(
          {
            accountFromAddress: { count: a, lastAt: at },
            address: { count: b, lastAt: at },
            account: { count: c, lastAt: at },
          },
          now,
        );
        if (elapsed >= MAX_DELAY_MS) return decision.allowed;
        return decision.allowed || (decision.retryAfterMs > 0 && decision.retryAfterMs <= MAX_DELAY_MS);
      }),
    );
  });

  it("answers the longest wait when several keys are delayed", () => {
    const decision = decideLoginAttempt(
      failures({
        accountFromAddress: { count: FREE_FAILURES.accountFromAddress, lastAt: now },
        address: { count: FREE_FAILURES.address + 3, lastAt: now },
      }),
      now,
    );
    expect(decision).toEqual({ allowed: false, reason: "address", retryAfterMs: 8 * FIRST_DELAY_MS });
  });

  it("normalises emails", () => {
    expect(normaliseEmail("  Owner@Northwind.TEST ")).toBe("owner@northwind.test");
  });
});
