import { assertHealthCheckTarget, recordHealthCheck } from "../../../data/health-check/record";
import type { StoredHealthCheck } from "../../../data/health-check/read";
import { DataRefusal } from "../../../data/refusal";
import type { OrgScope } from "../../../data/scope";
import type { ProbeOptions } from "../../../services/probes/git-tag";
import { runHealthCheck } from "../../../services/probes/health-check";

/**
 * The one way a check is run, for the page and the REST API: the engagement is checked first, so
 * nothing is probed for an engagement the caller may not see; then the probes, then the record.
 * An address the guard refuses (not public, not https) is refused whole and nothing is stored.
 */
export async function runAndRecordHealthCheck(
  scope: OrgScope,
  engagementId: string,
  baseUrl: string,
  options: ProbeOptions,
): Promise<Omit<StoredHealthCheck, "engagementId">> {
  await assertHealthCheckTarget(scope, engagementId);
  const run = await runHealthCheck(baseUrl, options);
  if ("refused" in run) throw new DataRefusal("UNPROCESSABLE", [run.refused]);
  const { items } = run;
  const { id, at } = await recordHealthCheck(scope, engagementId, baseUrl, items);
  return { id, baseUrl, at, items };
}
