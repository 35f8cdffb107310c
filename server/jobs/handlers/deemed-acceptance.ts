import { z } from "zod";
import { applyDeemedAcceptance, findDueDeemedAcceptances } from "../../data/milestone/deemed-acceptance";
import { appOrigin } from "../../api/origin";
import { smtpConfigured } from "../../services/mail/deliver";
import { defineJob } from "../definition";

// Deemed acceptance: the sweep queues one job per due milestone (keyed by the milestone and the
// verification that started its clock); applying is idempotent, so a second run changes nothing.

export const deemedAcceptanceSweep = defineJob({
  data: z.object({}),
  queue: { policy: "short", retryLimit: 1, expireInSeconds: 300 },
  schedule: "*/5 * * * *",
  async handle(_data, job) {
    for (const due of await findDueDeemedAcceptances()) {
      await job.enqueue(
        "deemed-acceptance-apply",
        { organisationId: due.organisationId, milestoneId: due.milestoneId },
        `${due.milestoneId}:${due.verifiedAt}`,
      );
    }
  },
});

export const deemedAcceptanceApply = defineJob({
  data: z.object({ organisationId: z.string(), milestoneId: z.string() }),
  queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 120 },
  async handle(data, job) {
    if (
      await applyDeemedAcceptance(data.milestoneId, {
        notices: { origin: appOrigin(), smtpConfigured: smtpConfigured() },
      })
    ) {
      // the consultants' notices are in the outbox now
      await job.enqueue("outbox-sweep", {});
    }
  },
});
