import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TrpcQueryProvider } from "@/components/providers/trpc-provider";
import { NONCE_HEADER } from "@/server/domain/request-guard";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: `${t("appName")} — ${t("tagline")}` };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts gives each request a CSP nonce and Next puts it on its own scripts by itself (it
  // reads the policy's 'nonce-…' from the request). Asking for it renders every page per
  // request, as a prerendered page's scripts would carry no nonce and be blocked.
  const nonce = (await headers()).get(NONCE_HEADER);
  if (!nonce && process.env.NODE_ENV === "production") console.warn("[csp] a page rendered without proxy.ts's nonce");
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className={
            "sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded " +
            "focus:bg-white focus:px-3 focus:py-2"
          }
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <TrpcQueryProvider>{children}</TrpcQueryProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
