import nodemailer from "nodemailer";
import { claimPendingEmails, markEmailFailed, markEmailSent } from "../data/outbox";

// SMTP delivery of the outbox when SMTP_URL is set (e.g. smtp://user:pass@mail.example.com:587).
// Without it nothing is sent: messages stay in the outbox, readable in the app.

const MAX_ATTEMPTS = 5;
let running: Promise<void> | null = null;

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

const sender = () => process.env.SMTP_FROM?.trim() || "Tollgate <no-reply@tollgate.invalid>";

async function deliverOnce(): Promise<void> {
  const transport = nodemailer.createTransport(process.env.SMTP_URL!.trim());
  try {
    for (const message of await claimPendingEmails(MAX_ATTEMPTS)) {
      try {
        await transport.sendMail({ from: sender(), to: message.toEmail, subject: message.subject, text: message.body });
        await markEmailSent(message.id);
      } catch (error) {
        await markEmailFailed(message.id, error instanceof Error ? error.message : String(error), message.attempts >= MAX_ATTEMPTS);
      }
    }
  } finally {
    transport.close();
  }
}

/** Delivers pending messages now (one run at a time per process); failures stay visible. */
export function deliverOutbox(): Promise<void> {
  if (!smtpConfigured()) return Promise.resolve();
  running ??= deliverOnce()
    .catch((error: unknown) => console.error("outbox delivery failed:", error))
    .finally(() => {
      running = null;
    });
  return running;
}
