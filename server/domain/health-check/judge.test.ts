import { describe, expect, it } from "vitest";
import { HEALTH_CHECKS, ZStoredHealthItem } from "./items";
import {
  announcedGoVersion,
  countPrometheusText,
  judgeHealthCheck,
  type HealthProbeAnswers,
  type ProbeAnswer,
} from "./judge";

const quiet = { goVersion: null, server: null };
const answer = (
  status: number,
  announced: { goVersion: string | null; server: string | null } = quiet,
): ProbeAnswer => ({ reached: true, status, announced });
const refused = (reason: string): ProbeAnswer => ({ reached: false, reason });

/** The field guide's sample: Go version header, /metrics 404, the heap profile 503, /healthz 200. */
const sample = (): HealthProbeAnswers => ({
  metrics: answer(404, { goVersion: "go1.21.5", server: null }),
  pprofHeap: answer(503),
  healthz: answer(200),
  health: null,
  head: null,
});

const itemOf = (answers: HealthProbeAnswers, check: string) =>
  judgeHealthCheck(answers).find((item) => item.check === check);

describe("judging a first-meeting health check", () => {
  it("reads the field guide's sample: Go version present, /metrics absent, the heap profile refused", () => {
    const items = judgeHealthCheck(sample());
    expect(items.map((item) => item.check)).toEqual([...HEALTH_CHECKS]);
    expect(items).toEqual([
      { check: "go_version", status: "pass", httpStatus: 404, detail: "go1.21.5", advice: "go_version_present" },
      { check: "metrics", status: "warn", httpStatus: 404, detail: "HTTP 404", advice: "metrics_missing" },
      { check: "pprof_heap", status: "fail", httpStatus: 503, detail: "HTTP 503", advice: "pprof_refused" },
      { check: "health", status: "pass", httpStatus: 200, detail: "/healthz HTTP 200", advice: "health_ok" },
    ]);
    for (const item of items) expect(ZStoredHealthItem.parse(item)).toEqual(item);
  });

  it("passes /metrics that speaks Prometheus text and fails a page that does not", () => {
    const text = countPrometheusText('# HELP up Up\n# TYPE up gauge\nup 1\nsync_lag_seconds{chain="main"} 0.42\n');
    expect(text).toEqual({ samples: 2, families: 1 });
    expect(itemOf({ ...sample(), metrics: { ...answer(200), text } }, "metrics")).toEqual({
      check: "metrics",
      status: "pass",
      httpStatus: 200,
      detail: "2 samples in 1 families",
      advice: "metrics_ok",
    });
    const html = countPrometheusText("<html><body>hello</body></html>");
    expect(itemOf({ ...sample(), metrics: { ...answer(200), text: html } }, "metrics")).toMatchObject({
      status: "fail",
      advice: "metrics_malformed",
    });
  });

  it.each([401, 403, 500, 503])("fails /metrics answering %i as refused", (status) => {
    expect(itemOf({ ...sample(), metrics: answer(status) }, "metrics")).toMatchObject({
      status: "fail",
      httpStatus: status,
      advice: "metrics_refused",
    });
  });

  it("passes an open heap profile (with the advice to keep it private), warns when absent, fails when refused", () => {
    expect(itemOf({ ...sample(), pprofHeap: answer(200) }, "pprof_heap")).toMatchObject({
      status: "pass",
      advice: "pprof_open",
    });
    expect(itemOf({ ...sample(), pprofHeap: answer(404) }, "pprof_heap")).toMatchObject({
      status: "warn",
      advice: "pprof_missing",
    });
    for (const status of [401, 403, 503])
      expect(itemOf({ ...sample(), pprofHeap: answer(status) }, "pprof_heap")).toMatchObject({
        status: "fail",
        advice: "pprof_refused",
      });
  });

  it("falls back to /health only when /healthz is absent, warns when both are, fails a 5xx", () => {
    expect(itemOf({ ...sample(), healthz: answer(404), health: answer(204) }, "health")).toEqual({
      check: "health",
      status: "pass",
      httpStatus: 204,
      detail: "/health HTTP 204",
      advice: "health_ok",
    });
    expect(itemOf({ ...sample(), healthz: answer(404), health: answer(404) }, "health")).toEqual({
      check: "health",
      status: "warn",
      httpStatus: 404,
      detail: "/healthz HTTP 404, /health HTTP 404",
      advice: "health_missing",
    });
    expect(itemOf({ ...sample(), healthz: answer(503) }, "health")).toMatchObject({
      status: "fail",
      detail: "/healthz HTTP 503",
      advice: "health_failing",
    });
    expect(itemOf({ ...sample(), healthz: answer(404), health: answer(500) }, "health")).toMatchObject({
      status: "fail",
      detail: "/health HTTP 500",
      advice: "health_failing",
    });
    expect(
      itemOf({ ...sample(), healthz: answer(404), health: refused("no answer within 5 s") }, "health"),
    ).toMatchObject({ status: "fail", detail: "no answer within 5 s", advice: "unreachable" });
  });

  it("reads the Go version from a Server header naming Go or from the HEAD, and warns when nobody names it", () => {
    const silent = { ...sample(), metrics: answer(404) };
    expect(
      itemOf({ ...silent, healthz: answer(200, { goVersion: null, server: "Go go1.22.3" }) }, "go_version"),
    ).toMatchObject({ status: "pass", detail: "go1.22.3", httpStatus: 200 });
    expect(
      itemOf({ ...silent, head: answer(200, { goVersion: "go1.23.0", server: null }) }, "go_version"),
    ).toMatchObject({ status: "pass", detail: "go1.23.0" });
    expect(itemOf({ ...silent, head: answer(405) }, "go_version")).toEqual({
      check: "go_version",
      status: "warn",
      httpStatus: 405,
      detail: "no X-Go-Version or Go Server header",
      advice: "go_version_absent",
    });
    expect(announcedGoVersion({ goVersion: null, server: "nginx/1.25.3" })).toBeNull();
    expect(announcedGoVersion({ goVersion: null, server: "Go-http-server/1.1" })).toBe("Go (no version given)");
    // a header's other words (build names, users) are never kept
    expect(announcedGoVersion({ goVersion: null, server: "golang secret-build user=alice" })).toBe(
      "Go (no version given)",
    );
    expect(announcedGoVersion({ goVersion: "go1.22.3 internal-build-7", server: null })).toBe("go1.22.3");
    expect(announcedGoVersion({ goVersion: "<script>", server: null })).toBe("Go (no version given)");
  });

  it("fails every item with the reason when the service cannot be reached or is refused", () => {
    const reason = "127.0.0.1 resolves to a non-public address (127.0.0.1); refused";
    const items = judgeHealthCheck({
      metrics: refused(reason),
      pprofHeap: refused(reason),
      healthz: refused(reason),
      health: null,
      head: null,
    });
    expect(
      items.every((item) => item.status === "fail" && item.advice === "unreachable" && item.detail === reason),
    ).toBe(true);
    expect(items.every((item) => item.httpStatus === null)).toBe(true);
  });

  it("keeps a detail within the stored limit", () => {
    const long = refused("x".repeat(500));
    const [item] = judgeHealthCheck({ metrics: long, pprofHeap: long, healthz: long, health: null, head: null });
    expect(item!.detail).toHaveLength(300);
  });

  it("reports a redirect as a redirect, not as the service's answer", () => {
    expect(itemOf({ ...sample(), metrics: answer(302) }, "metrics")).toMatchObject({
      status: "fail",
      httpStatus: 302,
      detail: "HTTP 302 (a redirect, not followed)",
    });
  });
});
