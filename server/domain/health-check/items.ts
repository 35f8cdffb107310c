import { z } from "zod";

// A first-meeting health check, written once: which checks run, what each item says, what is stored
// and what the REST answer, the page and the one-page PDF show. Only observability endpoints are
// requested (the Go version header, /metrics, /debug/pprof/heap, /healthz or /health); no business
// data is requested or stored.

export const HEALTH_CHECKS = ["go_version", "metrics", "pprof_heap", "health"] as const;
export const ZHealthCheckName = z.enum(HEALTH_CHECKS);
export type HealthCheckName = z.infer<typeof ZHealthCheckName>;

/** pass: present and well-formed; warn: absent; fail: present but broken or refused. */
export const HEALTH_STATUSES = ["pass", "warn", "fail"] as const;
export const ZHealthStatus = z.enum(HEALTH_STATUSES);
export type HealthStatus = z.infer<typeof ZHealthStatus>;

/**
 * The one-line advice of an item, as a key of the catalogs' `healthCheck.advice` namespace: stored as
 * the key, shown in the reader's language.
 */
export const HEALTH_ADVICE = [
  "go_version_present",
  "go_version_absent",
  "metrics_ok",
  "metrics_missing",
  "metrics_malformed",
  "metrics_refused",
  "pprof_open",
  "pprof_missing",
  "pprof_refused",
  "health_ok",
  "health_missing",
  "health_failing",
  "unreachable",
] as const;
export const ZHealthAdvice = z.enum(HEALTH_ADVICE);
export type HealthAdvice = z.infer<typeof ZHealthAdvice>;

/** One item as stored (HealthCheck.items). */
export const ZStoredHealthItem = z.object({
  check: ZHealthCheckName,
  status: ZHealthStatus,
  httpStatus: z.number().int().nullable(),
  /** what was seen, in plain technical words ("HTTP 404", "go1.22.3", "412 samples in 38 families") */
  detail: z.string().max(300),
  advice: ZHealthAdvice,
});
export type StoredHealthItem = z.infer<typeof ZStoredHealthItem>;

/** Why a base URL cannot be checked, or null: a web address with a host and no secrets in it. */
function baseUrlProblem(value: string): string | null {
  if (!URL.canParse(value)) return "an absolute URL, e.g. https://sync.example.com";
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") return "an https URL, e.g. https://sync.example.com";
  if (!url.hostname) return "a URL with a host";
  // what a URL carries besides its place would be stored and printed: refused rather than kept
  if (url.username || url.password) return "no user name or password in the URL";
  if (url.search || url.hash) return "no query or fragment: the base address of the service only";
  return null;
}

/** The base URL as checked and stored: origin and path, nothing else. */
export const ZHealthCheckBaseUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, ctx) => {
    const problem = baseUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => {
    const url = new URL(value);
    return url.pathname === "/" ? url.origin : `${url.origin}${url.pathname}`;
  });

/** POST /api/v1/engagements/{id}/health-checks */
export const ZHealthCheckRequest = z.strictObject({ baseUrl: ZHealthCheckBaseUrl });

/** The answer: the stored check with each item's advice in the reader's language. */
export const ZHealthCheckView = z.object({
  id: z.string(),
  baseUrl: z.string(),
  at: z.string(),
  items: z.array(
    z.object({
      check: ZHealthCheckName,
      status: ZHealthStatus,
      httpStatus: z.number().int().nullable(),
      detail: z.string(),
      advice: z.string(),
    }),
  ),
});
export type HealthCheckView = z.infer<typeof ZHealthCheckView>;
