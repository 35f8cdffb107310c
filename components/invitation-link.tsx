"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * An invitation link as the server answered it, once: it is not stored readable anywhere, so
 * this is the one chance to copy it (resending makes a new one).
 */
export function InvitationLink({ email, link }: { email: string; link: string }) {
  const t = useTranslations("invitationLink");
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"copied" | "byHand" | null>(null);
  // without the clipboard (a plain-http address other than localhost, or a refusal) the link is
  // selected for Ctrl+C instead of the button doing nothing
  const selectForCopying = () => {
    field.current?.focus();
    field.current?.select();
    setCopied("byHand");
  };
  return (
    <div
      role="status"
      className="w-full rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      data-testid="invitation-link"
    >
      <p>{t("sent", { email })}</p>
      <p className="mt-1 font-medium">{t("once")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <input
          ref={field}
          readOnly
          value={link}
          aria-label={t("label")}
          className="min-w-0 flex-1 rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            if (!navigator.clipboard) return selectForCopying();
            navigator.clipboard.writeText(link).then(() => setCopied("copied"), selectForCopying);
          }}
        >
          {copied === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      {copied === "byHand" && <p className="mt-1 text-xs">{t("copyByHand")}</p>}
    </div>
  );
}
