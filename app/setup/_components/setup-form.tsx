"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createAccountAndSignIn } from "@/components/create-account";
import { fieldClass, NewPasswordFields, passwordsAgree } from "@/components/new-password-fields";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";

const input = fieldClass;

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
    if (!passwordsAgree(form, "password")) {
      setProblems([t("mismatch")]);
      return;
    }
    setPending(true);
    setProblems([]);
    const body = {
      organisation: String(form.get("organisation") ?? ""),
      name: String(form.get("name") ?? ""),
      email,
      password,
      locale: locale === "zh-CN" ? "zh-CN" : "en",
    };
    const refused = await createAccountAndSignIn("/api/setup", body, { email, password }, t("failed"));
    if (refused) {
      setPending(false);
      setProblems(refused);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4">
      <label className="block text-sm font-medium text-slate-700">
        {t("organisation")}
        <input
          name="organisation"
          required
          minLength={2}
          maxLength={120}
          autoComplete="organization"
          className={input}
        />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("name")}
        <input name="name" required maxLength={120} autoComplete="name" className={input} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("email")}
        <input name="email" type="email" required maxLength={200} autoComplete="username" className={input} />
      </label>
      <NewPasswordFields name="password" label={t("password")} hint={t("passwordHint")} confirmLabel={t("confirm")} />
      <Problems problems={problems} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
