"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { Locale } from "@/server/domain/locale";
import { useTRPC } from "./providers/trpc-provider";

const choices: { value: Locale | null; labelKey: "languageAuto" | "languageEn" | "languageZh" }[] = [
  { value: "en", labelKey: "languageEn" },
  { value: "zh-CN", labelKey: "languageZh" },
  { value: null, labelKey: "languageAuto" },
];

/** Saves the user's language on their account, then re-renders the page in it. */
export function LocaleSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const setLocale = useMutation(trpc.me.setLocale.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className={
          "rounded-md px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 " +
          "focus-visible:outline-teal-600"
        }
        aria-label={t("language")}
      >
        {locale === "zh-CN" ? t("languageZh") : t("languageEn")} ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-40 rounded-md border border-slate-200 bg-white p-1 shadow-md"
        >
          {choices.map((choice) => (
            <DropdownMenu.Item
              key={choice.labelKey}
              disabled={setLocale.isPending}
              onSelect={() => setLocale.mutate({ locale: choice.value })}
              className="cursor-pointer rounded px-2.5 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              {t(choice.labelKey)}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
