import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { countAuditEvents, idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { useTestDatabase } from "../../test-support/database";
import { errorCodeOf } from "../test-support/error-code";
import { createCaller } from "../root";
import { resolveOrgScope } from "../../data/scope";
import { DEMO_HEALTH_CHECK_URL, seedDemoHealthCheck } from "../demo-health-check";
import { healthCheckPdfRest, listHealthChecksRest, runHealthCheckRest } from "./health-checks";

// The health check over REST and tRPC on a real database, against a local service answering like
// the field guide's sample. The loopback opt-in is passed to the handler here only (never set in
// the environment); every request the service sees is recorded.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const local = { allowLocal: true, timeoutMs: 5_000 };

function pdfInfo(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-health-check-"));
  writeFileSync(path.join(dir, "doc.pdf"), pdf);
  const out = spawnSync("pdfinfo", [path.join(dir, "doc.pdf")], { encoding: "utf8" });
  const text = spawnSync("pdftotext", [path.join(dir, "doc.pdf"), "-"], { encoding: "utf8" });
  return `${out.stdout}\n${text.stdout}`;
}

const post = (engagementId: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://tollgate.test/api/v1/engagements/${engagementId}/health-checks`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (url: string) => new Request(`http://tollgate.test${url}`);

describe.each(testDatabaseKinds())("health checks on %s", (kind) => {
  useTestDatabase(kind);
  let server: Server;
  let base: string;
  let seen: string[] = [];
  let eastbankId: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const status = req.url === "/debug/pprof/heap" ? 503 : req.url === "/healthz" ? 200 : 404;
      res.writeHead(status, { "x-go-version": "go1.21.5" });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    eastbankId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
  });

  it("runs, stores and answers a check with exactly the REST contract's field names", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const response = await runHealthCheckRest(owner, eastbankId, post(eastbankId, { baseUrl: base }), local);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown> & { id: string; items: Record<string, unknown>[] };
    expect(Object.keys(body).sort()).toEqual(["at", "baseUrl", "id", "items"]);
    expect(body.baseUrl).toBe(base);
    expect(new Date(body.at as string).toISOString()).toBe(body.at);
    for (const item of body.items)
      expect(Object.keys(item).sort()).toEqual(["advice", "check", "detail", "httpStatus", "status"]);
    expect(body.items.map((i) => [i.check, i.status, i.httpStatus, i.detail])).toEqual([
      ["go_version", "pass", 200, "go1.21.5"],
      ["metrics", "warn", 404, "HTTP 404"],
      ["pprof_heap", "fail", 503, "HTTP 503"],
      ["health", "pass", 200, "/healthz HTTP 200"],
    ]);
    expect(body.items[1]!.advice).toMatch(/^Enable promhttp/);
    expect(body.items[2]!.advice).toMatch(/disabled or not permitted/);
    expect(seen.sort()).toEqual(["GET /debug/pprof/heap", "GET /healthz", "GET /metrics"]);
    expect(await countAuditEvents("health_check.recorded", body.id)).toBe(1);
  });

  it("refuses loopback without the opt-in before any contact, and stores nothing", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const strict = { allowLocal: false, timeoutMs: 5_000 };
    const before = await createCaller({ session: owner }).healthCheck.list({ engagementId: eastbankId });
    const response = await runHealthCheckRest(owner, eastbankId, post(eastbankId, { baseUrl: base }), strict);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: "UNPROCESSABLE", reasons: [expect.stringMatching(/only https/)] });
    expect(seen).toEqual([]);
    const after = await createCaller({ session: owner }).healthCheck.list({ engagementId: eastbankId });
    expect(after.items.length).toBe(before.items.length);
  });

  it("refuses a base URL that carries secrets or is not a web address, before anything is asked", async () => {
    const owner = await sessionFor("owner@northwind.test");
    for (const baseUrl of [
      "https://admin:hunter2@sync.example.com/",
      "https://sync.example.com/?token=s3cret",
      "ftp://sync.example.com/",
      "javascript:alert(1)",
    ]) {
      const response = await runHealthCheckRest(owner, eastbankId, post(eastbankId, { baseUrl }), local);
      expect(response.status, baseUrl).toBe(400);
      expect(((await response.json()) as { reasons: string[] }).reasons[0]).toMatch(/^baseUrl: /);
    }
    expect(seen).toEqual([]);
  });

  it("lists checks newest first, a page at a time, and the tRPC list agrees", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const api = createCaller({ session: owner });
    // after the sample's check, two of a closed port: unreachable, and kept
    const runOnce = async () => {
      const answer = await runHealthCheckRest(
        owner,
        eastbankId,
        post(eastbankId, { baseUrl: "http://127.0.0.1:1" }),
        local,
      );
      expect(answer.status).toBe(201);
      return (await answer.json()) as { id: string; items: { detail: string }[] };
    };
    await runOnce();
    const run = await runOnce();
    expect(run.items.every((i) => i.detail.startsWith("unreachable"))).toBe(true);
    const first = (await (
      await listHealthChecksRest(owner, eastbankId, get(`/api/v1/engagements/${eastbankId}/health-checks?limit=2`))
    ).json()) as { healthChecks: { id: string; baseUrl: string }[]; nextCursor: string | null };
    expect(Object.keys(first).sort()).toEqual(["healthChecks", "nextCursor"]);
    expect(first.healthChecks.map((c) => c.baseUrl)).toEqual(["http://127.0.0.1:1", "http://127.0.0.1:1"]);
    expect(first.nextCursor).toBe(first.healthChecks[1]!.id);
    const rest = (await (
      await listHealthChecksRest(
        owner,
        eastbankId,
        get(`/api/v1/engagements/${eastbankId}/health-checks?limit=2&cursor=${first.nextCursor}`),
      )
    ).json()) as { healthChecks: { baseUrl: string }[]; nextCursor: string | null };
    expect(rest).toMatchObject({ healthChecks: [{ baseUrl: base }], nextCursor: null });
    const listed = await api.healthCheck.list({ engagementId: eastbankId });
    expect(listed.items.map((c) => c.id)).toEqual([
      run.id,
      ...first.healthChecks.slice(1).map((c) => c.id),
      expect.any(String),
    ]);
    // the advice as its catalog key: the page words it
    expect(listed.items.map((c) => c.items[1]!.advice)).toEqual(["unreachable", "unreachable", "metrics_missing"]);
    const bad = await listHealthChecksRest(
      owner,
      eastbankId,
      get(`/api/v1/engagements/${eastbankId}/health-checks?limit=0`),
    );
    expect(bad.status).toBe(400);
  });

  it("prints a one-page PDF in either language", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const { items } = await createCaller({ session: owner }).healthCheck.list({ engagementId: eastbankId });
    const sample = items.find((c) => c.baseUrl === base && c.items[0]!.status === "pass")!;
    for (const lang of ["en", "zh-CN"] as const) {
      const response = await healthCheckPdfRest(
        owner,
        sample.id,
        get(`/api/v1/health-checks/${sample.id}/pdf?lang=${lang}`),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      const read = pdfInfo(pdf);
      expect(read).toMatch(/^Pages:\s+1$/m);
      expect(read).toContain(base);
      expect(read).toContain("go1.21.5");
      expect(read).toContain(lang === "en" ? "First-meeting health check" : "首次会面健康检查");
      expect(read).toContain(lang === "en" ? "Enable promhttp" : "请启用 promhttp");
    }
    const badLang = await healthCheckPdfRest(owner, sample.id, get(`/api/v1/health-checks/${sample.id}/pdf?lang=fr`));
    expect(badLang.status).toBe(400);
  });

  it("refuses a bad body naming the field, and a body that is not JSON", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const missing = await runHealthCheckRest(owner, eastbankId, post(eastbankId, {}), local);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { reasons: string[] }).reasons[0]).toMatch(/^baseUrl: /);
    const notUrl = await runHealthCheckRest(owner, eastbankId, post(eastbankId, { baseUrl: "sync" }), local);
    expect(((await notUrl.json()) as { reasons: string[] }).reasons).toEqual([
      "baseUrl: an absolute URL, e.g. https://sync.example.com",
    ]);
    const extra = await runHealthCheckRest(owner, eastbankId, post(eastbankId, { baseUrl: base, path: "/x" }), local);
    expect(extra.status).toBe(400);
    const form = await runHealthCheckRest(
      owner,
      eastbankId,
      post(eastbankId, "baseUrl=x", { "content-type": "application/x-www-form-urlencoded" }),
      local,
    );
    expect(form.status).toBe(415);
    expect(seen).toEqual([]);
  });

  it("is for consultants of the engagement's organisation only, and probes nothing for anyone else", async () => {
    const approver = await sessionFor("approver@eastbank.test");
    const contoso = await sessionFor("owner@contoso.test");
    const owner = await sessionFor("owner@northwind.test");
    const [check] = (await createCaller({ session: owner }).healthCheck.list({ engagementId: eastbankId })).items;
    const pdfUrl = `/api/v1/health-checks/${check!.id}/pdf`;
    const listUrl = `/api/v1/engagements/${eastbankId}/health-checks`;

    expect((await runHealthCheckRest(approver, eastbankId, post(eastbankId, { baseUrl: base }), local)).status).toBe(
      403,
    );
    expect((await listHealthChecksRest(approver, eastbankId, get(listUrl))).status).toBe(403);
    expect((await healthCheckPdfRest(approver, check!.id, get(pdfUrl))).status).toBe(403);
    const portal = createCaller({ session: approver });
    expect(await errorCodeOf(portal.healthCheck.list({ engagementId: eastbankId }))).toBe("FORBIDDEN");

    expect((await runHealthCheckRest(contoso, eastbankId, post(eastbankId, { baseUrl: base }), local)).status).toBe(
      404,
    );
    expect((await listHealthChecksRest(contoso, eastbankId, get(listUrl))).status).toBe(404);
    expect((await healthCheckPdfRest(contoso, check!.id, get(pdfUrl))).status).toBe(404);
    const outsider = createCaller({ session: contoso });
    expect(await errorCodeOf(outsider.healthCheck.run({ engagementId: eastbankId, baseUrl: base }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(outsider.healthCheck.list({ engagementId: eastbankId, cursor: check!.id }))).toBe(
      "NOT_FOUND",
    );
    expect((await runHealthCheckRest(null, eastbankId, post(eastbankId, { baseUrl: base }), local)).status).toBe(401);
    expect(seen).toEqual([]);
  });

  it("stores the demo's check of the bank's sync service like the field guide's sample", async () => {
    const owner = await sessionFor("owner@northwind.test");
    await seedDemoHealthCheck((await resolveOrgScope(owner.userId))!, eastbankId);
    const page = (await (
      await listHealthChecksRest(owner, eastbankId, get(`/api/v1/engagements/${eastbankId}/health-checks?limit=1`))
    ).json()) as { healthChecks: { baseUrl: string; items: { check: string; status: string; advice: string }[] }[] };
    const [demo] = page.healthChecks;
    expect(demo!.baseUrl).toBe(DEMO_HEALTH_CHECK_URL);
    expect(demo!.items.map((i) => [i.check, i.status])).toEqual([
      ["go_version", "pass"],
      ["metrics", "warn"],
      ["pprof_heap", "fail"],
      ["health", "pass"],
    ]);
    expect(demo!.items[1]!.advice).toMatch(/Enable promhttp/);
    expect(demo!.items[2]!.advice).toMatch(/disabled or not permitted/);
  });

  it("passes a session POST only from the app's own origin (the proxy's same-origin check)", () => {
    const request = (origin: string) =>
      new NextRequest(new URL(`/api/v1/engagements/${eastbankId}/health-checks`, "http://localhost:3000"), {
        method: "POST",
        headers: {
          host: "127.0.0.1:3000",
          "x-forwarded-proto": "http",
          origin,
          cookie: "next-auth.session-token=eyJhbGciOiJkaXIi.x.y",
          "content-type": "application/json",
        },
        body: JSON.stringify({ baseUrl: "https://sync.example.com" }),
      });
    expect(proxy(request("https://elsewhere.example")).status).toBe(403);
    expect(proxy(request("http://127.0.0.1:3000")).headers.get("x-middleware-next")).toBe("1");
  });
});
