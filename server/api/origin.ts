import { smtpConfigured } from "../mail/deliver";
import type { NoticeDelivery } from "../data/notifications";
import type { Context } from "./trpc";

// Links in emails point at the configured public URL (APP_URL or NEXTAUTH_URL); without one, at
// the origin the request came to, which is right for a single machine.

export function appOrigin(requestUrl?: string): string {
  const configured = process.env.APP_URL?.trim() || process.env.NEXTAUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  if (requestUrl) return new URL(requestUrl).origin;
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

export function noticeDelivery(ctx: Context): NoticeDelivery {
  return { origin: ctx.origin ?? appOrigin(), smtpConfigured: smtpConfigured() };
}
