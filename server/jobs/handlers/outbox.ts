import { z } from "zod";
import { pendingDeliveries } from "../../data/notification/outbox";
import { deliverMessage, MAX_DELIVERY_ATTEMPTS, smtpConfigured } from "../../services/mail/deliver";
import { defineJob } from "../definition";

// Outbox delivery: a sweep queues one job per pending message, keyed by the message, so a
// message has one delivery job however often it is swept; the job claims the message before
// sending, so a retry of a message already sent does nothing.

export const outboxSweep = defineJob({
  data: z.object({}),
  queue: { policy: "short", retryLimit: 1, expireInSeconds: 300 },
  // catches messages whose nudge was lost (a restart between the commit and the nudge)
  schedule: "* * * * *",
  async handle(_data, job) {
    if (!smtpConfigured()) return;
    for (const message of await pendingDeliveries(MAX_DELIVERY_ATTEMPTS)) {
      await job.enqueue(
        "outbox-deliver",
        { organisationId: message.organisationId, messageId: message.id },
        message.id,
      );
    }
  },
});

export const outboxDeliver = defineJob({
  data: z.object({ organisationId: z.string(), messageId: z.string() }),
  // attempts after 30-60 s, 1-2, 2-4 and 4-8 minutes; the expiry outlasts the SMTP timeouts
  queue: { retryLimit: MAX_DELIVERY_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true, expireInSeconds: 180 },
  async handle(data, job) {
    await deliverMessage(data.messageId, job.lastAttempt);
  },
});
