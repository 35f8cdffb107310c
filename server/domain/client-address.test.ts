import { describe, expect, it } from "vitest";
import { clientAddress, isIpAddress, parseTrustedProxies } from "./client-address";

describe("client address", () => {
  it("is the connection's own address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1" }, new Set())).toBe("203.0.113.7");
    expect(clientAddress({ peer: "::ffff:203.0.113.7", forwardedFor: null }, new Set())).toBe("203.0.113.7");
  });

  it("is unknown without the server's peer header (never a client-sent header)", () => {
    expect(clientAddress({ peer: undefined, forwardedFor: "198.51.100.1" }, new Set())).toBe("unknown");
  });

  it("reads X-Forwarded-For from the right, past trusted proxies, when the connection is a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.2, 10.0.0.3");
    // the client claimed 1.2.3.4; the first proxy appended the address it saw
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.9, 10.0.0.3" }, trusted)).toBe(
      "198.51.100.9",
    );
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "198.51.100.9" }, trusted)).toBe("198.51.100.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "not-an-address" }, trusted)).toBe("unknown");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "" }, trusted)).toBe("10.0.0.2");
  });

  it("accepts only IP addresses as trusted proxies", () => {
    expect([...parseTrustedProxies(" 10.0.0.1 ,::1,")]).toEqual(["10.0.0.1", "::1"]);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/not an IP address/);
    expect(isIpAddress("2001:db8::1")).toBe(true);
    expect(isIpAddress("256.1.1.1")).toBe(false);
  });
});
