"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { refusalReasons } from "./refusal";

/**
 * Handlers for a mutation whose success changes what the server renders: on success the page is
 * refreshed, on failure the server's reasons are kept for display.
 */
export function useRefreshingAction() {
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  return {
    problems,
    handlers: {
      onSuccess: () => {
        setProblems([]);
        router.refresh();
      },
      onError: (error: unknown) => setProblems(refusalReasons(error)),
    },
  };
}
