import { type HealthAdvice, type HealthCheckName, type HealthStatus, type StoredHealthItem } from "./items";

// What each probe's answer means for the client's service: pass (present and well-formed), warn
// (absent), fail (present but broken or refused, or the service could not be reached). Pure: the
// prober hands in what it saw; only counts and status codes reach an item's detail, never a body.

/** One observability GET (or HEAD) as the prober saw it. */
export type ProbeAnswer =
  | {
      reached: true;
      status: number;
      /** what the service says about itself (first value of X-Go-Version and Server) */
      announced: { goVersion: string | null; server: string | null };
    }
  | { reached: false; reason: string };

/** The /metrics answer with its body's Prometheus counts (the body itself is not kept). */
export type MetricsAnswer = ProbeAnswer & { text?: PrometheusCounts };

export interface PrometheusCounts {
  samples: number;
  families: number;
}

export interface HealthProbeAnswers {
  metrics: MetricsAnswer;
  pprofHeap: ProbeAnswer;
  healthz: ProbeAnswer;
  /** asked only when /healthz answered 404 */
  health: ProbeAnswer | null;
  /** asked only when no other answer named the Go version */
  head: ProbeAnswer | null;
}

const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})?\s+(-?[0-9.]+(e[+-]?\d+)?|NaN|[+-]Inf)(\s+-?\d+)?$/i;

/** How many well-formed samples and `# TYPE` families a Prometheus text exposition holds. */
export function countPrometheusText(body: string): PrometheusCounts {
  const lines = body.split("\n").map((line) => line.trim());
  return {
    samples: lines.filter((line) => SAMPLE.test(line)).length,
    families: lines.filter((line) => line.startsWith("# TYPE ")).length,
  };
}

const GO_VERSION = /\bgo\s?v?(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?(?:(?:rc|beta)\d{1,2})?)\b/i;
/** What is kept when a service names Go without a version we can read: never its own words. */
export const GO_WITHOUT_VERSION = "Go (no version given)";

/**
 * The Go version a service announces (X-Go-Version, or a Server header naming Go), as a version
 * only: whatever else a header says (build names, hosts, users) is not stored or printed.
 */
export function announcedGoVersion(announced: { goVersion: string | null; server: string | null }): string | null {
  if (announced.goVersion) {
    const version =
      GO_VERSION.exec(announced.goVersion) ?? /^v?(\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)$/.exec(announced.goVersion);
    return version ? `go${version[1]}` : GO_WITHOUT_VERSION;
  }
  const server = announced.server;
  if (!server) return null;
  const version = GO_VERSION.exec(server);
  if (version) return `go${version[1]}`;
  return /\b(go|golang)\b/i.test(server) ? GO_WITHOUT_VERSION : null;
}

const item = (
  check: HealthCheckName,
  status: HealthStatus,
  httpStatus: number | null,
  detail: string,
  advice: HealthAdvice,
): StoredHealthItem => ({ check, status, httpStatus, detail: detail.slice(0, 300), advice });

const unreachable = (check: HealthCheckName, answer: { reason: string }) =>
  item(check, "fail", null, answer.reason, "unreachable");

const isSuccess = (status: number) => status >= 200 && status < 300;
/** A redirect is reported as such: the check never follows one to another path. */
const httpDetail = (status: number): string =>
  status >= 300 && status < 400 ? `HTTP ${status} (a redirect, not followed)` : `HTTP ${status}`;
const isAbsent = (status: number) => status === 404 || status === 410;

function judgeMetrics(answer: MetricsAnswer): StoredHealthItem {
  if (!answer.reached) return unreachable("metrics", answer);
  const { status } = answer;
  if (isSuccess(status)) {
    const counts = answer.text ?? { samples: 0, families: 0 };
    return counts.samples > 0
      ? item("metrics", "pass", status, `${counts.samples} samples in ${counts.families} families`, "metrics_ok")
      : item("metrics", "fail", status, `HTTP ${status}, not Prometheus text`, "metrics_malformed");
  }
  if (isAbsent(status)) return item("metrics", "warn", status, httpDetail(status), "metrics_missing");
  return item("metrics", "fail", status, httpDetail(status), "metrics_refused");
}

function judgePprofHeap(answer: ProbeAnswer): StoredHealthItem {
  if (!answer.reached) return unreachable("pprof_heap", answer);
  const { status } = answer;
  if (isSuccess(status)) return item("pprof_heap", "pass", status, httpDetail(status), "pprof_open");
  if (isAbsent(status)) return item("pprof_heap", "warn", status, httpDetail(status), "pprof_missing");
  return item("pprof_heap", "fail", status, httpDetail(status), "pprof_refused");
}

function judgeHealth(healthz: ProbeAnswer, health: ProbeAnswer | null): StoredHealthItem {
  if (!healthz.reached) return unreachable("health", healthz);
  // /health is the fallback of a service without /healthz: its answer decides then
  const [path, answer] = isAbsent(healthz.status) && health ? ["/health", health] : ["/healthz", healthz];
  if (!answer.reached) return unreachable("health", answer);
  const { status } = answer;
  if (isSuccess(status)) return item("health", "pass", status, `${path} ${httpDetail(status)}`, "health_ok");
  if (isAbsent(status)) {
    const detail =
      answer === healthz ? `/healthz HTTP ${status}` : `/healthz HTTP ${healthz.status}, /health HTTP ${status}`;
    return item("health", "warn", status, detail, "health_missing");
  }
  return item("health", "fail", status, `${path} ${httpDetail(status)}`, "health_failing");
}

function judgeGoVersion(answers: HealthProbeAnswers): StoredHealthItem {
  // the health endpoint first: its status is the one that says the service is up
  const asked = [answers.healthz, answers.health, answers.metrics, answers.pprofHeap, answers.head];
  const reached = asked.filter((answer): answer is Extract<ProbeAnswer, { reached: true }> => !!answer?.reached);
  for (const answer of reached) {
    const version = announcedGoVersion(answer.announced);
    if (version) return item("go_version", "pass", answer.status, version, "go_version_present");
  }
  const last = reached.at(-1);
  if (last) return item("go_version", "warn", last.status, "no X-Go-Version or Go Server header", "go_version_absent");
  const refusal = asked.find((answer) => answer && !answer.reached) as { reason: string };
  return unreachable("go_version", refusal);
}

/** The four items, in HEALTH_CHECKS order. */
export function judgeHealthCheck(answers: HealthProbeAnswers): StoredHealthItem[] {
  return [
    judgeGoVersion(answers),
    judgeMetrics(answers.metrics),
    judgePprofHeap(answers.pprofHeap),
    judgeHealth(answers.healthz, answers.health),
  ];
}
