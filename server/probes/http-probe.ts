import { lookup } from "node:dns/promises";
import { isLoopbackAddress, isNonPublicAddress } from "../domain/evidence/network-safety";
import type { VerifierResult } from "../domain/evidence/verdict";
import { defaultProbeOptions, type ProbeOptions } from "./git-tag";

// Observability readiness, as a consultant checks it on a first visit: does /metrics answer with
// Prometheus text, and is /debug/pprof/ reachable? Public https hosts only (every redirect is
// checked again), short timeouts, bodies read up to a cap.

const MAX_BODY = 1024 * 1024;
const MAX_REDIRECTS = 3;
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})?\s+(-?[0-9.]+(e[+-]?\d+)?|NaN|[+-]Inf)(\s+-?\d+)?$/i;

export interface ProbeCheck {
  path: string;
  status: number | null;
  ok: boolean;
  detail: string;
}

async function allowedUrl(url: URL, options: ProbeOptions): Promise<string | null> {
  if (url.protocol !== "https:" && !(options.allowLocal && url.protocol === "http:")) return `only https URLs are probed, not ${url.protocol.replace(":", "")}`;
  if (url.username || url.password) return "credentials in the URL are refused";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = await lookup(host, { all: true }).catch(() => null);
  if (!addresses?.length) return `${host} does not resolve`;
  const blocked = addresses.find((a) => isNonPublicAddress(a.address) && !(options.allowLocal && isLoopbackAddress(a.address)));
  if (blocked) return `${host} resolves to a non-public address (${blocked.address}); refused`;
  return null;
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.length;
    chunks.push(next.value);
    if (size >= MAX_BODY) {
      await reader.cancel();
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_BODY));
}

/** GET with redirects followed by hand, each target checked before it is contacted. */
async function safeGet(start: URL, options: ProbeOptions): Promise<{ response: Response } | { refused: string }> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const refused = await allowedUrl(url, options);
    if (refused) return { refused };
    const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs) });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      continue;
    }
    return { response };
  }
  return { refused: `more than ${MAX_REDIRECTS} redirects` };
}

async function probe(base: URL, path: string, options: ProbeOptions, judge: (response: Response, body: string) => { ok: boolean; detail: string }): Promise<ProbeCheck> {
  try {
    const result = await safeGet(new URL(path, base), options);
    if ("refused" in result) return { path, status: null, ok: false, detail: result.refused };
    const body = await readCapped(result.response);
    return { path, status: result.response.status, ...judge(result.response, body) };
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${options.timeoutMs / 1000} s` : `unreachable: ${(error as Error).message}`;
    return { path, status: null, ok: false, detail: reason };
  }
}

export async function probeObservability(baseUrl: string, options: ProbeOptions = defaultProbeOptions()): Promise<VerifierResult> {
  let base: URL;
  try {
    base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  } catch {
    return { kind: "http-probe", verdict: "fail", metrics: { baseUrl, checks: [] }, reasons: [`"${baseUrl}" is not a URL`] };
  }
  const metricsCheck = await probe(base, "metrics", options, (response, body) => {
    if (response.status !== 200) return { ok: false, detail: `/metrics answered HTTP ${response.status}` };
    const samples = body.split("\n").filter((line) => SAMPLE.test(line.trim())).length;
    const families = body.split("\n").filter((line) => line.startsWith("# TYPE ")).length;
    return samples > 0 ? { ok: true, detail: `${samples} samples in ${families} metric families` } : { ok: false, detail: "/metrics does not answer with Prometheus text" };
  });
  const pprofCheck = await probe(base, "debug/pprof/", options, (response) =>
    response.status === 200 ? { ok: true, detail: "/debug/pprof/ is reachable (keep it off public interfaces)" } : { ok: false, detail: `/debug/pprof/ answered HTTP ${response.status}` },
  );
  const checks = [metricsCheck, pprofCheck];
  // profiling endpoints are reported, not required; metrics are required
  const reasons = metricsCheck.ok ? [] : [metricsCheck.detail];
  return { kind: "http-probe", verdict: reasons.length ? "fail" : "pass", metrics: { baseUrl: base.href, checks }, reasons };
}
