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
      if (req.url === "/metrics") {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        res.end('# HELP sync_lag_seconds Lag\n# TYPE sync_lag_seconds gauge\nsync_lag_seconds{chain="main"} 0.42\n# TYPE up gauge\nup 1\n');
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
    ]);
  });

  it("fails a page that is not Prometheus text", async () => {
    expect((await probeObservability(`${base}/html`, local)).reasons).toEqual(["/metrics does not answer with Prometheus text"]);
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
});
