import { describe, expect, it } from "vitest";
import { checkRepositoryUrl, isNonPublicAddress, parseIpv4 } from "./network-safety";

describe("repository URLs", () => {
  it("allows https and ssh, refuses everything else by default", () => {
    expect(checkRepositoryUrl("https://git.example.com/team/repo.git", false)).toMatchObject({
      ok: true,
      host: "git.example.com",
    });
    expect(checkRepositoryUrl("git@github.example:team/repo.git", false)).toMatchObject({
      ok: true,
      host: "github.example",
    });
    expect(checkRepositoryUrl("ssh://git@git.example.com/repo", false)).toMatchObject({ ok: true });
    for (const [url, reason] of [
      ["http://git.example.com/repo", "only https and ssh"],
      ["ext::sh -c touch% /tmp/pwned", "ext::"],
      ["--upload-pack=touch /tmp/x", "cannot start with '-'"],
      ["file:///srv/repo.git", "TOLLGATE_ALLOW_LOCAL_NETWORK"],
      ["https://user:secret@git.example.com/repo", "credentials"],
      ["not a url", "is not a URL"],
      ["ssh://git@$(touch%20x)/repo", "is not a host name"],
      ["ssh://git@a;b/repo", "is not a host name"],
    ] as const) {
      const check = checkRepositoryUrl(url, false);
      expect(check.ok, url).toBe(false);
      if (!check.ok) expect(check.reason).toContain(reason);
    }
    expect(checkRepositoryUrl("file:///srv/repo.git", true).ok).toBe(true);
  });

  it("allows file repositories inside the named roots only (the demo's), never by climbing out of them", () => {
    const roots = ["/srv/tollgate/data/demo-repositories"];
    expect(checkRepositoryUrl("file:///srv/tollgate/data/demo-repositories/eastbank.git", false, roots).ok).toBe(true);
    for (const url of [
      "file:///srv/tollgate/data/demo-repositories/../pglite",
      "file:///srv/tollgate/data/demo-repositories/%2e%2e/secrets",
      "file:///srv/tollgate/data/demo-repositories-other/x.git",
      "file:///srv/tollgate/data/demo-repositories",
      "file://evil.example/srv/tollgate/data/demo-repositories/x.git",
      "file:///etc/passwd",
    ]) {
      expect(checkRepositoryUrl(url, false, roots).ok, url).toBe(false);
    }
  });
});

describe("addresses", () => {
  it("knows loopback from other non-public ranges", async () => {
    const { isLoopbackAddress } = await import("./network-safety");
    expect(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"].every(isLoopbackAddress)).toBe(true);
    expect(["169.254.169.254", "10.0.0.1", "::", "8.8.8.8"].some(isLoopbackAddress)).toBe(false);
  });

  it("reads the IPv4 forms inet_aton accepts", () => {
    expect(parseIpv4("127.0.0.1")).toBe(0x7f000001);
    expect(parseIpv4("2130706433")).toBe(0x7f000001);
    expect(parseIpv4("0x7f.1")).toBe(0x7f000001);
    expect(parseIpv4("017700000001")).toBe(0x7f000001);
    expect(parseIpv4("256.1.1.1")).toBeNull();
  });

  it("classifies loopback, private, link-local, mapped and decimal forms as non-public", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "2130706433",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "100.64.0.1",
      "198.18.0.1",
      // IPv6 forms that carry or translate to an IPv4 address
      "64:ff9b::7f00:1",
      "2002:7f00:1::",
      "2001:0:4136:e378::1",
      "::ffff:0:7f00:1",
      "2001:db8::1",
    ]) {
      expect(isNonPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "93.184.216.34",
      "2606:2800:220:1:248:1893:25c8:1946",
      "2001:4860:4860::8888",
      "::ffff:93.184.216.34",
    ]) {
      expect(isNonPublicAddress(address), address).toBe(false);
    }
  });
});
