"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

type ErrorKey = "invalid" | "rateLimited" | "failed";

export function SignInForm({ initialError }: { initialError: ErrorKey | null }) {
  const t = useTranslations("signin");
  const router = useRouter();
  const [error, setError] = useState<ErrorKey | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    setPending(false);
    setError(result?.error === "RateLimited" ? "rateLimited" : result?.error ? "invalid" : "failed");
  }

  return (
    <form onSubmit={onSubmit} className="mt-5 space-y-4" noValidate>
      <Field id="email" type="email" autoComplete="username" label={t("email")} />
      <Field id="password" type="password" autoComplete="current-password" label={t("password")} />
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(error)}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}

function Field({ id, type, autoComplete, label }: { id: string; type: string; autoComplete: string; label: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        required
        className={
          "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 " +
          "focus:outline-2 focus:outline-teal-600"
        }
      />
    </div>
  );
}
