import {
  countPrometheusText,
  judgeHealthCheck,
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

type Asked = ProbeAnswer & { body: string; refused?: true };

/** Why a connection failed, as a code: the system's message can carry a certificate's names or more. */
function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? `unreachable (${code})` : "unreachable";
}

async function ask(url: URL, options: ProbeOptions, how: GuardedRequestOptions, budgetMs: number): Promise<Asked> {
  try {
    // a redirect is reported, never followed: the check asks its named paths and nothing else
    const result = await guardedRequest(url, options, { ...how, redirects: "none" });
    if ("refused" in result) return { reached: false, reason: result.refused, body: "", refused: true };
    const { status, announced, body } = result.answer;
    return { reached: true, status, announced, body };
  } catch (error) {
    // the budget's signal aborts with a TimeoutError of its own: tell it from the prober's timeout first
    const reason = how.signal?.aborted
      ? `no answer within the check's ${budgetMs / 1000} s`
      : error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${options.timeoutMs / 1000} s`
        : failureCode(error);
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

/** The items, or why the address may not be contacted at all (nothing was asked). */
export type HealthCheckRun = { items: StoredHealthItem[] } | { refused: string };

export async function runHealthCheck(
  baseUrl: string,
  options: ProbeOptions = defaultProbeOptions(),
  budgetMs: number = HEALTH_CHECK_BUDGET_MS,
): Promise<HealthCheckRun> {
  const base = baseOf(baseUrl);
  if (!base) return { refused: `"${baseUrl.slice(0, 200)}" is not a URL` };
  const signal = AbortSignal.timeout(budgetMs);
  const get = (path: string, maxBody?: number) =>
    ask(new URL(path, base), options, { method: "GET", maxBody, signal }, budgetMs);

  const [metricsAnswer, pprofHeap, healthz] = await Promise.all([
    get("metrics"),
    // the heap profile's bytes tell nothing the status does not
    get("debug/pprof/heap", 0),
    get("healthz", 0),
  ]);
  // the guard refused the address itself (not public, not https): the check did not take place
  const refusal = [metricsAnswer, pprofHeap, healthz].find((answer) => answer.refused);
  if (refusal && !refusal.reached) return { refused: refusal.reason };
  const { body: metricsBody, refused: _refused, ...metricsSeen } = metricsAnswer;
  const metrics: MetricsAnswer = metricsSeen.reached
    ? { ...metricsSeen, text: countPrometheusText(metricsBody) }
    : metricsSeen;

  const healthzAbsent = healthz.reached && (healthz.status === 404 || healthz.status === 410);
  const health = healthzAbsent ? await get("health", 0) : null;
  const answers = health ? [metrics, pprofHeap, healthz, health] : [metrics, pprofHeap, healthz];
  const named = answers.some((answer) => answer.reached && announcedGoVersion(answer.announced) !== null);
  // nothing reached the service (refused or unreachable): a HEAD would fare no better
  const head = !named && answers.some(reached) ? await ask(base, options, { method: "HEAD", signal }, budgetMs) : null;
  const items = judgeHealthCheck({
    metrics,
    pprofHeap: withoutBody(pprofHeap),
    healthz: withoutBody(healthz),
    health: health && withoutBody(health),
    head: head && withoutBody(head),
  });
  return { items };
}

function withoutBody({ body: _body, refused: _refused, ...answer }: Asked): ProbeAnswer {
  return answer as ProbeAnswer;
}
