"use client";

import { signIn } from "next-auth/react";

/**
 * Posts a JSON form that creates an account (first setup, accepting an invitation), then signs
 * the new account in. Answers the server's reasons when it refused, or null once signed in.
 */
export async function createAccountAndSignIn(
  url: string,
  body: Record<string, unknown>,
  credentials: { email: string; password: string },
  fallback: string,
): Promise<string[] | null> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
  if (!response?.ok) {
    const refusal = (await response?.json().catch(() => null)) as { reasons?: string[] } | null;
    return refusal?.reasons?.length ? refusal.reasons : [fallback];
  }
  await signIn("credentials", { ...credentials, redirect: false }).catch(() => undefined);
  return null;
}
