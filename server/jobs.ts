import { applyDueDeemedAcceptances } from "./data/deemed-acceptance";
import { appOrigin } from "./api/origin";
import { deliverOutbox, smtpConfigured } from "./mail/deliver";

// Every few minutes: apply deemed acceptances that fell due (pages apply them too, before they
// show an engagement) and retry outbox delivery. Errors are logged, never fatal.

const INTERVAL_MS = 5 * 60 * 1000;
let started = false;

export function startBackgroundJobs(): void {
  if (started || process.env.TOLLGATE_DISABLE_JOBS === "1") return;
  started = true;
  const tick = async () => {
    try {
      await applyDueDeemedAcceptances({ notices: { origin: appOrigin(), smtpConfigured: smtpConfigured() } });
      await deliverOutbox();
    } catch (error) {
      console.error("background jobs:", error);
    }
  };
  setInterval(() => void tick(), INTERVAL_MS).unref();
  setTimeout(() => void tick(), 10_000).unref();
}
