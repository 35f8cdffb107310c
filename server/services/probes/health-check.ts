import {
  countPrometheusText,
  judgeHealthCheck,
  unreachableHealthCheck,
  announcedGoVersion,
  type MetricsAnswer,
  type ProbeAnswer,
} from "../../domain/health-check/judge";
import type { StoredHealthItem } from "../../domain/health-check/items";
import { defaultProbeOptions, type ProbeOptions } from "./git-tag";
import { guardedRequest, type GuardedRequestOptions } from "./http-probe";

// The first-meeting health check: only observability endpoints are asked, through the same guard
// as every HTTP probe (public addresses only unless TOLLGATE_ALLOW_LOCAL_NETWORK=1, each redirect
// checked). /metrics, /debug/pprof/heap and /healthz are asked at once; /health only when /healthz
// is absent, and one HEAD of the base URL only when no answer named the Go version. Bodies are
// counted (the /metrics samples) and dropped; the run as a whole is bounded by `budgetMs`.

export const HEALTH_CHECK_BUDGET_MS = 30_000;

const reached = (answer: ProbeAnswer) => answer.reached;

async function ask(
  url: URL,
  options: ProbeOptions,
  how: GuardedRequestOptions,
  budgetMs: number,
): Promise<ProbeAnswer & { body: string }> {
  try {
    const result = await guardedRequest(url, options, how);
    if ("refused" in result) return { reached: false, reason: result.refused, body: "" };
    const { status, announced, body } = result.answer;
    return { reached: true, status, announced, body };
  } catch (error) {
    // the budget's signal aborts with a TimeoutError of its own: tell it from the prober's timeout first
    const reason = how.signal?.aborted
      ? `no answer within the check's ${budgetMs / 1000} s`
      : error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${options.timeoutMs / 1000} s`
        : `unreachable: ${error instanceof Error ? error.message : String(error)}`;
    return { reached: false, reason, body: "" };
  }
}

/** The base URL with a trailing slash, so the probed paths sit below it. */
function baseOf(baseUrl: string): URL | null {
  try {
    return new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  } catch {
    return null;
  }
}

export async function runHealthCheck(
  baseUrl: string,
  options: ProbeOptions = defaultProbeOptions(),
  budgetMs: number = HEALTH_CHECK_BUDGET_MS,
): Promise<StoredHealthItem[]> {
  const base = baseOf(baseUrl);
  if (!base) return unreachableHealthCheck(`"${baseUrl.slice(0, 200)}" is not a URL`);
  const signal = AbortSignal.timeout(budgetMs);
  const get = (path: string, maxBody?: number) =>
    ask(new URL(path, base), options, { method: "GET", maxBody, signal }, budgetMs);

  const [metricsAnswer, pprofHeap, healthz] = await Promise.all([
    get("metrics"),
    // the heap profile's bytes tell nothing the status does not
    get("debug/pprof/heap", 0),
    get("healthz", 0),
  ]);
  const { body: metricsBody, ...metricsSeen } = metricsAnswer;
  const metrics: MetricsAnswer = metricsSeen.reached
    ? { ...metricsSeen, text: countPrometheusText(metricsBody) }
    : metricsSeen;

  const healthzAbsent = healthz.reached && (healthz.status === 404 || healthz.status === 410);
  const health = healthzAbsent ? await get("health", 0) : null;
  const answers = health ? [metrics, pprofHeap, healthz, health] : [metrics, pprofHeap, healthz];
  const named = answers.some((answer) => answer.reached && announcedGoVersion(answer.announced) !== null);
  // nothing reached the service (refused or unreachable): a HEAD would fare no better
  const head = !named && answers.some(reached) ? await ask(base, options, { method: "HEAD", signal }, budgetMs) : null;
  return judgeHealthCheck({
    metrics,
    pprofHeap: withoutBody(pprofHeap),
    healthz: withoutBody(healthz),
    health: health && withoutBody(health),
    head: head && withoutBody(head),
  });
}

function withoutBody({ body: _body, ...answer }: ProbeAnswer & { body: string }): ProbeAnswer {
  return answer as ProbeAnswer;
}
