import { z } from "zod";
import { documentLocaleOf, draftRenewal, findDueRenewals } from "../../data/maintenance/renew";
import { appOrigin } from "../../api/origin";
import { smtpConfigured } from "../../services/mail/deliver";
import { pdfIssuer } from "../../services/pdf/invoice-issuer";
import { defineJob } from "../definition";

// Maintenance renewals: the hourly sweep queues one job per due term (keyed by the contract and the
// term's index, so every instance's sweep queues it once); drafting is idempotent, so a second run
// of the same key drafts nothing.

const today = () => new Date().toISOString().slice(0, 10);

export const maintenanceRenewalSweep = defineJob({
  data: z.object({}),
  queue: { policy: "short", retryLimit: 1, expireInSeconds: 300 },
  schedule: "7 * * * *",
  async handle(_data, job) {
    for (const due of await findDueRenewals(today())) {
      await job.enqueue(
        "maintenance-renewal-draft",
        { organisationId: due.organisationId, contractId: due.contractId, index: due.index },
        `${due.contractId}:${due.index}`,
      );
    }
  },
});

export const maintenanceRenewalDraft = defineJob({
  data: z.object({ organisationId: z.string(), contractId: z.string(), index: z.number().int().min(2) }),
  queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 300 },
  async handle(data, job) {
    const pdf = pdfIssuer(await documentLocaleOf(data.organisationId));
    const delivery = { origin: appOrigin(), smtpConfigured: smtpConfigured() };
    // the consultants' emails are in the outbox now
    if (await draftRenewal(data.contractId, data.index, today(), pdf, delivery)) await job.enqueue("outbox-sweep", {});
  },
});
