"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createAccountAndSignIn } from "@/components/create-account";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";

const input =
  "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:outline-2 " +
  "focus:outline-teal-600";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setPending(true);
    setProblems([]);
    const refused = await createAccountAndSignIn(
      "/api/invitations/accept",
      { token, name: String(form.get("name") ?? ""), password },
      { email, password },
      t("failed"),
    );
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
        {t("name")}
        <input name="name" autoComplete="name" required maxLength={120} className={input} />
      </label>
      <div>
        <label className="block text-sm font-medium text-slate-700">
          {t("password")}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={72}
            className={input}
            aria-describedby="password-hint"
          />
        </label>
        <p id="password-hint" className="mt-1 text-xs text-slate-500">
          {t("passwordHint")}
        </p>
      </div>
      <Problems problems={problems} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
