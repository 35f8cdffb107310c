"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SaveFooter } from "@/components/save-footer";
import { useRefreshingAction } from "@/components/use-refreshing-action";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function SellerForm({
  seller,
}: {
  seller: { legalName: string; taxId: string; address: string; paymentInstructions: string };
}) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction();
  const save = useMutation(trpc.organisation.updateSeller.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "");
    save.mutate({
      legalName: field("legalName"),
      taxId: field("taxId"),
      address: field("address"),
      paymentInstructions: field("paymentInstructions"),
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 text-sm" aria-label={t("title")}>
      <label className="block">
        {t("legalName")}
        <input name="legalName" defaultValue={seller.legalName} maxLength={200} className={input} />
      </label>
      <label className="block">
        {t("taxId")}
        <input name="taxId" defaultValue={seller.taxId} maxLength={60} className={input} />
      </label>
      <label className="block">
        {t("address")}
        <textarea name="address" defaultValue={seller.address} maxLength={500} rows={2} className={input} />
      </label>
      <label className="block">
        {t("paymentInstructions")}
        <textarea
          name="paymentInstructions"
          defaultValue={seller.paymentInstructions}
          maxLength={1000}
          rows={3}
          className={input}
        />
      </label>
      <SaveFooter
        label={t("save")}
        pending={save.isPending}
        saved={result !== null ? t("saved") : null}
        problems={problems}
        className="ml-3"
      />
    </form>
  );
}
