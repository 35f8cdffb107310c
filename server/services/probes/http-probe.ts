import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { VerifierResult } from "../../domain/evidence/verdict";
import { countPrometheusText } from "../../domain/health-check/judge";
import { defaultProbeOptions, type ProbeOptions } from "./git-tag";
import { pinnedLookup, resolvePublic, systemResolver } from "./resolve-public";

// Observability readiness, as a consultant checks it on a first visit: does /metrics answer with
// Prometheus text, are /debug/pprof/ and /debug/pprof/heap reachable, and which Go version and
// server does the service announce (X-Go-Version, Server)? Public https hosts only: each hop's name is
// resolved once, checked, and connected to at that address (redirects are followed by hand and
// checked the same way), short timeouts, bodies read up to a cap.

const MAX_BODY = 1024 * 1024;
const MAX_REDIRECTS = 3;

export interface ProbeCheck {
  path: string;
  status: number | null;
  ok: boolean;
  detail: string;
}

export interface GuardedAnswer {
  status: number;
  location: string | null;
  body: string;
  /** what the service says about itself, as it said it (first value, trimmed, capped) */
  announced: { server: string | null; goVersion: string | null };
}

const announcedHeader = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200) || null;

class ProbeTimeout extends Error {
  override name = "TimeoutError";
}

function urlProblem(url: URL, options: ProbeOptions): string | null {
  if (url.protocol !== "https:" && !(options.allowLocal && url.protocol === "http:"))
    return `only https URLs are probed, not ${url.protocol.replace(":", "")}`;
  if (url.username || url.password) return "credentials in the URL are refused";
  return null;
}

/** How a guarded request is made: GET (body read up to `maxBody`) or HEAD, and when to give up. */
export interface GuardedRequestOptions {
  method?: "GET" | "HEAD";
  /** bytes of body to read; 0 reads none (the answer's status and headers are enough) */
  maxBody?: number;
  /** abandons the request (and any redirect after it) when it aborts */
  signal?: AbortSignal;
  /** "none": a 3xx is the answer (a probe that may ask only named paths must not be led elsewhere) */
  redirects?: "follow" | "none";
}

/** One request to the pinned address, body read up to the cap. */
function requestPinned(
  url: URL,
  options: ProbeOptions,
  lookup: ReturnType<typeof pinnedLookup>,
  how: GuardedRequestOptions,
): Promise<GuardedAnswer> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const maxBody = how.method === "HEAD" ? 0 : Math.min(how.maxBody ?? MAX_BODY, MAX_BODY);
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      { method: how.method ?? "GET", lookup, headers: { accept: "text/plain, */*" }, signal: how.signal },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size >= maxBody) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= maxBody) response.destroy();
        });
        const announced = {
          server: announcedHeader(response.headers.server),
          goVersion: announcedHeader(response.headers["x-go-version"]),
        };
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? null,
            body: Buffer.concat(chunks).subarray(0, maxBody).toString("utf8"),
            announced,
          });
        response.on("end", done);
        response.on("close", done);
        response.on("error", reject);
        if (maxBody === 0) response.destroy();
      },
    );
    request.setTimeout(options.timeoutMs, () => request.destroy(new ProbeTimeout()));
    request.on("error", reject);
    request.end();
  });
}

/**
 * A request with redirects followed by hand, each target checked and pinned before it is
 * contacted: the one way the HTTP probes reach the outside.
 */
export async function guardedRequest(
  start: URL,
  options: ProbeOptions,
  how: GuardedRequestOptions = {},
): Promise<{ answer: GuardedAnswer } | { refused: string }> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const problem = urlProblem(url, options);
    if (problem) return { refused: problem };
    how.signal?.throwIfAborted();
    const resolution = await resolvePublic(
      url.hostname.replace(/^\[|\]$/g, ""),
      options.allowLocal,
      options.resolver ?? systemResolver,
    );
    if (!resolution.ok) return { refused: resolution.reason };
    const answer = await requestPinned(url, options, pinnedLookup(resolution.pinned), how);
    if (how.redirects !== "none" && answer.status >= 300 && answer.status < 400 && answer.location) {
      url = new URL(answer.location, url);
      continue;
    }
    return { answer };
  }
  return { refused: `more than ${MAX_REDIRECTS} redirects` };
}

async function probe(
  base: URL,
  path: string,
  options: ProbeOptions,
  judge: (answer: GuardedAnswer) => { ok: boolean; detail: string },
  seen: GuardedAnswer["announced"],
): Promise<ProbeCheck> {
  try {
    const result = await guardedRequest(new URL(path, base), options);
    if ("refused" in result) return { path, status: null, ok: false, detail: result.refused };
    seen.server ??= result.answer.announced.server;
    seen.goVersion ??= result.answer.announced.goVersion;
    return { path, status: result.answer.status, ...judge(result.answer) };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${options.timeoutMs / 1000} s`
        : `unreachable: ${(error as Error).message}`;
    return { path, status: null, ok: false, detail: reason };
  }
}

const pprofJudge =
  (path: string) =>
  ({ status }: GuardedAnswer) =>
    status === 200
      ? { ok: true, detail: `/${path} is reachable (keep it off public interfaces)` }
      : {
          ok: false,
          detail: `/${path} answered HTTP ${status}${status === 503 ? " (disabled or not permitted)" : ""}`,
        };

export async function probeObservability(
  baseUrl: string,
  options: ProbeOptions = defaultProbeOptions(),
): Promise<VerifierResult> {
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  } catch {
    return {
      kind: "http-probe",
      verdict: "fail",
      metrics: { baseUrl, checks: [] },
      reasons: [`"${baseUrl}" is not a URL`],
    };
  }
  const seen: GuardedAnswer["announced"] = { server: null, goVersion: null };
  const metricsCheck = await probe(
    base,
    "metrics",
    options,
    ({ status, body }) => {
      if (status !== 200)
        return { ok: false, detail: `/metrics answered HTTP ${status}${status === 404 ? " (enable promhttp)" : ""}` };
      const { samples, families } = countPrometheusText(body);
      return samples > 0
        ? { ok: true, detail: `${samples} samples in ${families} metric families` }
        : { ok: false, detail: "/metrics does not answer with Prometheus text" };
    },
    seen,
  );
  const pprofCheck = await probe(base, "debug/pprof/", options, pprofJudge("debug/pprof/"), seen);
  const heapCheck = await probe(base, "debug/pprof/heap", options, pprofJudge("debug/pprof/heap"), seen);
  const checks = [metricsCheck, pprofCheck, heapCheck];
  // profiling endpoints and what the service announces are reported, not required; metrics are required
  const reasons = metricsCheck.ok ? [] : [metricsCheck.detail];
  return {
    kind: "http-probe",
    verdict: reasons.length ? "fail" : "pass",
    metrics: { baseUrl: base.href, checks, announced: seen },
    reasons,
  };
}

export interface EndpointProbe {
  /** answered 2xx or 3xx (after redirects) within the timeout */
  up: boolean;
  status: number | null;
  /** from the request to the end of the answer's body (capped), redirects included */
  elapsedMs: number;
  /** the address was refused before any contact (not public, not https): nothing was measured */
  refused: boolean;
  detail: string;
}

/** One GET of an SLA endpoint through the same guard as every probe: is it up, and how long did it take? */
export async function probeEndpoint(
  url: string,
  options: ProbeOptions = defaultProbeOptions(),
): Promise<EndpointProbe> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { up: false, status: null, elapsedMs: 0, refused: true, detail: `"${url}" is not a URL` };
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = await guardedRequest(target, options);
    if ("refused" in result) return { up: false, status: null, elapsedMs: 0, refused: true, detail: result.refused };
    const { status } = result.answer;
    const up = status >= 200 && status < 400;
    return { up, status, elapsedMs: elapsed(), refused: false, detail: `HTTP ${status}` };
  } catch (error) {
    const detail =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${options.timeoutMs / 1000} s`
        : `unreachable: ${(error as Error).message}`;
    return { up: false, status: null, elapsedMs: elapsed(), refused: false, detail };
  }
}
