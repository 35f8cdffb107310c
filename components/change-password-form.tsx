"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldClass, NewPasswordFields, passwordsAgree } from "@/components/new-password-fields";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { refusalReasons } from "@/components/refusal";
import { Button } from "@/components/ui/button";

const input = fieldClass;

/**
 * Changing one's password ends every session of the account, this one too; the form signs this
 * browser in again with the new password, so only the other sessions are lost.
 */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const change = useMutation(trpc.me.changePassword.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword") ?? "");
    setDone(false);
    if (!passwordsAgree(form, "newPassword")) {
      setProblems([t("mismatch")]);
      return;
    }
    setProblems([]);
    try {
      const { email } = await change.mutateAsync({
        currentPassword: String(form.get("currentPassword") ?? ""),
        newPassword,
      });
      const again = await signIn("credentials", { email, password: newPassword, redirect: false });
      if (!again?.ok || again.error) {
        router.replace("/signin");
        return;
      }
      formElement.reset();
      setDone(true);
      router.refresh();
    } catch (error) {
      setProblems(refusalReasons(error));
    }
  }

  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" aria-label={t("changePassword")}>
      <label className="block text-sm font-medium text-slate-700">
        {t("currentPassword")}
        <input name="currentPassword" type="password" required autoComplete="current-password" className={input} />
      </label>
      <NewPasswordFields
        name="newPassword"
        label={t("newPassword")}
        hint={t("passwordHint")}
        confirmLabel={t("confirm")}
      />
      <Problems problems={problems} />
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("changed")}
        </p>
      )}
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? t("changing") : t("submit")}
      </Button>
    </form>
  );
}
