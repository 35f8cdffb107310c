import { recordHealthCheck } from "../data/health-check/record";
import type { OrgScope } from "../data/scope";
import type { StoredHealthItem } from "../domain/health-check/items";

// The demo's first-meeting health check of Eastbank's sync service, as the field guide's sample
// found it: the Go version announced, /metrics missing, the heap profile refused, /healthz up.
// Stored through the same function as a real run (the demo has no real host to reach).

export const DEMO_HEALTH_CHECK_URL = "https://sync.eastbank.example";

export const DEMO_HEALTH_CHECK_ITEMS: StoredHealthItem[] = [
  { check: "go_version", status: "pass", httpStatus: 200, detail: "go1.21.5", advice: "go_version_present" },
  { check: "metrics", status: "warn", httpStatus: 404, detail: "HTTP 404", advice: "metrics_missing" },
  { check: "pprof_heap", status: "fail", httpStatus: 503, detail: "HTTP 503", advice: "pprof_refused" },
  { check: "health", status: "pass", httpStatus: 200, detail: "/healthz HTTP 200", advice: "health_ok" },
];

export async function seedDemoHealthCheck(owner: OrgScope, engagementId: string): Promise<void> {
  await recordHealthCheck(owner, engagementId, DEMO_HEALTH_CHECK_URL, DEMO_HEALTH_CHECK_ITEMS);
}
