"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:outline-2 focus:outline-teal-600";

export function SetupForm() {
  const t = useTranslations("setup");
  const locale = useLocale();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) {
      setProblems([t("mismatch")]);
      return;
    }
    setPending(true);
    setProblems([]);
    const response = await fetch("/api/setup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ organisation: String(form.get("organisation") ?? ""), name: String(form.get("name") ?? ""), email, password, locale: locale === "zh-CN" ? "zh-CN" : "en" }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { reasons?: string[] } | null;
    if (!response?.ok) {
      setPending(false);
      setProblems(body?.reasons?.length ? body.reasons : [t("failed")]);
      return;
    }
    await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4">
      <label className="block text-sm font-medium text-slate-700">
        {t("organisation")}
        <input name="organisation" required minLength={2} maxLength={120} autoComplete="organization" className={input} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("name")}
        <input name="name" required maxLength={120} autoComplete="name" className={input} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("email")}
        <input name="email" type="email" required maxLength={200} autoComplete="username" className={input} />
      </label>
      <div>
        <label className="block text-sm font-medium text-slate-700">
          {t("password")}
          <input name="password" type="password" required minLength={10} maxLength={72} autoComplete="new-password" className={input} aria-describedby="setup-password-hint" />
        </label>
        <p id="setup-password-hint" className="mt-1 text-xs text-slate-500">
          {t("passwordHint")}
        </p>
      </div>
      <label className="block text-sm font-medium text-slate-700">
        {t("confirm")}
        <input name="confirm" type="password" required minLength={10} maxLength={72} autoComplete="new-password" className={input} />
      </label>
      <Problems problems={problems} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
