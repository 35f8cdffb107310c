"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { refusalReasons } from "./refusal";

/**
 * Handlers for a mutation whose success changes what the server renders: on success the page is
 * refreshed and the answer kept (for a confirmation), on failure the server's reasons are kept for
 * display; a new attempt clears both.
 */
export function useRefreshingAction<T = unknown>() {
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  const [result, setResult] = useState<T | null>(null);
  return {
    problems,
    result,
    handlers: {
      onMutate: () => {
        setResult(null);
      },
      onSuccess: (data: T) => {
        setProblems([]);
        setResult(data);
        router.refresh();
      },
      onError: (error: unknown) => setProblems(refusalReasons(error)),
    },
  };
}
