"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * An invitation link as the server answered it, once: it is not stored readable anywhere, so
 * this is the one chance to copy it (resending makes a new one).
 */
export function InvitationLink({ email, link }: { email: string; link: string }) {
  const t = useTranslations("invitationLink");
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="w-full rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="invitation-link">
      <p>{t("sent", { email })}</p>
      <p className="mt-1 font-medium">{t("once")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input readOnly value={link} aria-label={t("label")} className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link).then(() => setCopied(true));
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
