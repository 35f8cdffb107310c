import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runHealthCheck, type HealthCheckRun } from "./health-check";

const itemsOf = (run: HealthCheckRun) => {
  if ("refused" in run) throw new Error(`refused: ${run.refused}`);
  return run.items;
};

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
      // a service that sends its observability paths elsewhere: the check must not follow
      if (req.url?.startsWith("/moved/")) {
        res.writeHead(302, { location: "/api/customers/export?all=1" });
        return res.end();
      }
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
    expect(itemsOf(await runHealthCheck(base, local))).toEqual([
      { check: "go_version", status: "pass", httpStatus: 200, detail: "go1.21.5", advice: "go_version_present" },
      { check: "metrics", status: "warn", httpStatus: 404, detail: "HTTP 404", advice: "metrics_missing" },
      { check: "pprof_heap", status: "fail", httpStatus: 503, detail: "HTTP 503", advice: "pprof_refused" },
      { check: "health", status: "pass", httpStatus: 200, detail: "/healthz HTTP 200", advice: "health_ok" },
    ]);
    expect(seen.sort()).toEqual(["GET /debug/pprof/heap", "GET /healthz", "GET /metrics"]);
  });

  it("falls back to /health and sends one HEAD of the base URL when no answer names the Go version", async () => {
    const items = itemsOf(await runHealthCheck(`${base}/quiet`, local));
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

  it("reports a redirect without following it: no other path is ever asked", async () => {
    const items = itemsOf(await runHealthCheck(`${base}/moved`, local));
    expect(items.find((i) => i.check === "metrics")).toMatchObject({ status: "fail", httpStatus: 302 });
    expect(
      seen.filter((line) => !/^(GET \/moved\/(metrics|debug\/pprof\/heap|healthz)|HEAD \/moved\/)$/.test(line)),
    ).toEqual([]);
  });

  it("without the local opt-in refuses loopback whole and requests nothing at all", async () => {
    const strict = { allowLocal: false, timeoutMs: 5_000 };
    expect(await runHealthCheck(base, strict)).toEqual({ refused: expect.stringMatching(/only https/) });
    const port = new URL(base).port;
    expect(await runHealthCheck(`https://127.0.0.1:${port}`, strict)).toEqual({
      refused: expect.stringMatching(/non-public address \(127\.0\.0\.1\); refused/),
    });
    const named = await runHealthCheck(`https://sync.tollgate.test:${port}`, {
      ...strict,
      resolver: async () => [{ address: "10.0.0.8", family: 4 }],
    });
    expect(named).toEqual({ refused: expect.stringMatching(/10\.0\.0\.8\); refused/) });
    expect(seen).toEqual([]);
  });

  it("caps the whole run: a service that never answers fails every item within the budget", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const items = itemsOf(
        await runHealthCheck(
          `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
          { allowLocal: true, timeoutMs: 60_000 },
          300,
        ),
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
