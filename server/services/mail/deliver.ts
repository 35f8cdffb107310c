import nodemailer from "nodemailer";
import { claimEmail, markEmailFailed, markEmailSent } from "../../data/notification/outbox";
import { requestJob } from "../../jobs/process";

// SMTP delivery of the outbox when SMTP_URL is set (e.g. smtp://user:pass@mail.example.com:587).
// Without it nothing is sent: messages stay in the outbox, readable in the app. Delivery runs as
// background jobs (server/jobs/registry.ts): one job per message, retried with backoff.

/** Attempts per message; the delivery job's retry limit is one less. */
export const MAX_DELIVERY_ATTEMPTS = 5;

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

const sender = () => process.env.SMTP_FROM?.trim() || "Tollgate <no-reply@tollgate.invalid>";

/**
 * Sends one outbox message if it is still pending; a message already sent (or claimed by another
 * worker) is left alone. A refused send is recorded on the message and thrown, so the job retries;
 * on the last attempt the message is marked failed.
 */
export async function deliverMessage(messageId: string, lastAttempt: boolean): Promise<"sent" | "skipped"> {
  if (!smtpConfigured()) return "skipped";
  const message = await claimEmail(messageId, MAX_DELIVERY_ATTEMPTS);
  if (!message) return "skipped";
  // bounded well below the job's expiry, so a slow server cannot outlive the claim
  const transport = nodemailer.createTransport(process.env.SMTP_URL!.trim(), {
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({ from: sender(), to: message.toEmail, subject: message.subject, text: message.body });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await markEmailFailed(message.id, reason, lastAttempt || message.attempts >= MAX_DELIVERY_ATTEMPTS);
    throw error;
  } finally {
    transport.close();
  }
  await markEmailSent(message.id);
  return "sent";
}

/** Asks this process's job runner to queue delivery of pending messages now, rather than at the next sweep. */
export function deliverOutbox(): Promise<void> {
  if (!smtpConfigured()) return Promise.resolve();
  return requestJob("outbox-sweep", {});
}
