import { requestOrigin } from "../domain/request-guard";
import { configuredOrigin } from "../env";
import { smtpConfigured } from "../services/mail/deliver";
import type { NoticeDelivery } from "../data/notification/notices";
import type { Context } from "./trpc";

// Links in emails and invitations point at the configured public URL (APP_URL or NEXTAUTH_URL);
// without one, at the origin the request came to (its Host header, as the browser sent it: the
// same origin state-changing requests are checked against), which is right for a single machine.

export function appOrigin(request?: Request): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  if (request) {
    const fromHost = requestOrigin({
      host: request.headers.get("host"),
      forwardedProto: request.headers.get("x-forwarded-proto"),
      urlProtocol: new URL(request.url).protocol,
    });
    if (fromHost) return fromHost;
    return new URL(request.url).origin;
  }
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

export function noticeDelivery(ctx: Context): NoticeDelivery {
  return { origin: ctx.origin ?? appOrigin(), smtpConfigured: smtpConfigured() };
}
