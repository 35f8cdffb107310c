import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeObservability } from "./http-probe";

describe("http-probe against a real server", () => {
  let server: Server;
  let base: string;
  const local = { allowLocal: true, timeoutMs: 5_000 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/go/debug/pprof/heap") {
        res.writeHead(503, { "x-go-version": "go1.22.5", server: "eastbank-sync" });
        res.end();
      } else if (req.url?.startsWith("/go/")) {
        res.writeHead(404, { "x-go-version": "go1.22.5", server: "eastbank-sync" });
        res.end();
      } else if (req.url === "/metrics") {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        res.end(
          '# HELP sync_lag_seconds Lag\n# TYPE sync_lag_seconds gauge\nsync_lag_seconds{chain="main"} 0.42\n# ' +
            "TYPE up gauge\nup 1\n",
        );
      } else if (req.url === "/old/metrics") {
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" });
        res.end();
      } else if (req.url === "/html/metrics") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html>hello</html>");
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("passes when /metrics speaks Prometheus and reports /debug/pprof/", async () => {
    const result = await probeObservability(base, local);
    expect(result).toMatchObject({ verdict: "pass", reasons: [] });
    expect(result.metrics.checks).toEqual([
      { path: "metrics", status: 200, ok: true, detail: "2 samples in 2 metric families" },
      { path: "debug/pprof/", status: 404, ok: false, detail: "/debug/pprof/ answered HTTP 404" },
      { path: "debug/pprof/heap", status: 404, ok: false, detail: "/debug/pprof/heap answered HTTP 404" },
    ]);
    expect(result.metrics.announced).toEqual({ server: null, goVersion: null });
  });

  it("reports what a first-meeting check finds: the Go version header, /metrics missing, the heap profile refused", async () => {
    const result = await probeObservability(`${base}/go`, local);
    expect(result).toMatchObject({ verdict: "fail", reasons: ["/metrics answered HTTP 404 (enable promhttp)"] });
    expect(result.metrics.announced).toEqual({ server: "eastbank-sync", goVersion: "go1.22.5" });
    expect(
      (result.metrics.checks as { path: string; detail: string }[]).find((c) => c.path === "debug/pprof/heap")?.detail,
    ).toBe("/debug/pprof/heap answered HTTP 503 (disabled or not permitted)");
  });

  it("fails a page that is not Prometheus text", async () => {
    expect((await probeObservability(`${base}/html`, local)).reasons).toEqual([
      "/metrics does not answer with Prometheus text",
    ]);
  });

  it("refuses loopback without the local setting, plain http, and redirects to private addresses", async () => {
    const strict = { allowLocal: false, timeoutMs: 5_000 };
    expect((await probeObservability(base, strict)).reasons[0]).toMatch(/only https/);
    expect((await probeObservability("https://127.0.0.1:1", strict)).reasons[0]).toMatch(/non-public address/);
    // the local setting opens loopback only: a redirect to the link-local metadata address is
    // checked before it is contacted, and refused
    const redirected = await probeObservability(`${base}/old`, local);
    expect(redirected.reasons[0]).toMatch(/169\.254\.169\.254 resolves to a non-public address/);
  });

  it("connects to the address it checked, never resolving the name a second time (no DNS rebinding)", async () => {
    const port = new URL(base).port;
    const asked: string[] = [];
    // a name no DNS server knows: the probe can only reach the server through the checked answer
    const resolver = async (host: string) => {
      asked.push(host);
      return [{ address: "127.0.0.1", family: 4 as const }];
    };
    const result = await probeObservability(`http://metrics.tollgate.test:${port}`, { ...local, resolver });
    expect(result).toMatchObject({ verdict: "pass" });
    // once per path probed, each connection to the address that answer gave
    expect(asked).toEqual(["metrics.tollgate.test", "metrics.tollgate.test", "metrics.tollgate.test"]);

    // a name that answers one public and one private address is refused outright
    const mixed = async () => [
      { address: "93.184.215.14", family: 4 as const },
      { address: "10.1.2.3", family: 4 as const },
    ];
    expect(
      (await probeObservability(`https://rebind.tollgate.test`, { ...local, resolver: mixed })).reasons[0],
    ).toMatch(/10\.1\.2\.3\); refused/);
  });
});
