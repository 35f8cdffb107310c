import { describe, expect, it } from "vitest";
import { clientAddress, decideLoginAttempt, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, normaliseEmail } from "./login-throttle";

describe("login throttling policy", () => {
  it("allows attempts below both limits", () => {
    expect(decideLoginAttempt({ forAccount: MAX_FAILURES_PER_ACCOUNT - 1, forIp: MAX_FAILURES_PER_IP - 1 })).toEqual({ allowed: true });
  });

  it("blocks an account at its limit and an address at its limit", () => {
    expect(decideLoginAttempt({ forAccount: MAX_FAILURES_PER_ACCOUNT, forIp: 0 })).toEqual({ allowed: false, reason: "account" });
    expect(decideLoginAttempt({ forAccount: 0, forIp: MAX_FAILURES_PER_IP })).toEqual({ allowed: false, reason: "ip" });
  });

  it("takes the first forwarded address and normalises emails", () => {
    expect(clientAddress("203.0.113.7, 10.0.0.1")).toBe("203.0.113.7");
    expect(clientAddress(undefined, "198.51.100.2")).toBe("198.51.100.2");
    expect(clientAddress(undefined)).toBe("unknown");
    expect(normaliseEmail("  Owner@Northwind.TEST ")).toBe("owner@northwind.test");
  });
});
