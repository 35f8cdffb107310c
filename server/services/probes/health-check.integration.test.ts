import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runHealthCheck } from "./health-check";

// A local service answering like the field guide's sample (X-Go-Version, /metrics 404, the heap
// profile 503, /healthz 200), and a quiet one that names no Go version and has only /health.
// Every request it sees is recorded: the check may ask the observability paths and one HEAD, nothing else.

describe("the first-meeting health check against a real server", () => {
  let server: Server;
  let base: string;
  let seen: string[] = [];
  const local = { allowLocal: true, timeoutMs: 5_000 };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const quiet = req.url?.startsWith("/quiet/");
      const path = quiet ? req.url!.slice("/quiet".length) : req.url;
      const headers = quiet ? {} : { "x-go-version": "go1.21.5" };
      const status =
        path === "/debug/pprof/heap" ? 503 : path === (quiet ? "/health" : "/healthz") ? 200 : path === "/" ? 200 : 404;
      res.writeHead(status, headers);
      res.end(status === 200 ? "ok" : "");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
  });

  it("finds the sample's items and asks only the observability paths (no HEAD: a probe named the Go version)", async () => {
    expect(await runHealthCheck(base, local)).toEqual([
      { check: "go_version", status: "pass", httpStatus: 200, detail: "go1.21.5", advice: "go_version_present" },
      { check: "metrics", status: "warn", httpStatus: 404, detail: "HTTP 404", advice: "metrics_missing" },
      { check: "pprof_heap", status: "fail", httpStatus: 503, detail: "HTTP 503", advice: "pprof_refused" },
      { check: "health", status: "pass", httpStatus: 200, detail: "/healthz HTTP 200", advice: "health_ok" },
    ]);
    expect(seen.sort()).toEqual(["GET /debug/pprof/heap", "GET /healthz", "GET /metrics"]);
  });

  it("falls back to /health and sends one HEAD of the base URL when no answer names the Go version", async () => {
    const items = await runHealthCheck(`${base}/quiet`, local);
    expect(items.find((i) => i.check === "health")).toMatchObject({ status: "pass", detail: "/health HTTP 200" });
    expect(items.find((i) => i.check === "go_version")).toMatchObject({
      status: "warn",
      httpStatus: 200,
      advice: "go_version_absent",
    });
    expect(seen.sort()).toEqual([
      "GET /quiet/debug/pprof/heap",
      "GET /quiet/health",
      "GET /quiet/healthz",
      "GET /quiet/metrics",
      "HEAD /quiet/",
    ]);
  });

  it("without the local opt-in refuses loopback and requests nothing at all", async () => {
    const strict = { allowLocal: false, timeoutMs: 5_000 };
    const plain = await runHealthCheck(base, strict);
    expect(plain.map((i) => [i.check, i.status, i.advice])).toEqual([
      ["go_version", "fail", "unreachable"],
      ["metrics", "fail", "unreachable"],
      ["pprof_heap", "fail", "unreachable"],
      ["health", "fail", "unreachable"],
    ]);
    expect(plain[0]!.detail).toMatch(/only https/);
    const port = new URL(base).port;
    const secure = await runHealthCheck(`https://127.0.0.1:${port}`, strict);
    expect(
      secure.every((i) => i.status === "fail" && /non-public address \(127\.0\.0\.1\); refused/.test(i.detail)),
    ).toBe(true);
    const named = await runHealthCheck(`https://sync.tollgate.test:${port}`, {
      ...strict,
      resolver: async () => [{ address: "10.0.0.8", family: 4 }],
    });
    expect(named[1]!.detail).toMatch(/10\.0\.0\.8\); refused/);
    expect(seen).toEqual([]);
  });

  it("caps the whole run: a service that never answers fails every item within the budget", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const items = await runHealthCheck(
        `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        { allowLocal: true, timeoutMs: 60_000 },
        300,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(items.every((i) => i.status === "fail" && i.advice === "unreachable")).toBe(true);
      expect(items[1]!.detail).toBe("no answer within the check's 0.3 s");
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
