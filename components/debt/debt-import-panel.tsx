"use client";

import { useRouter } from "next/navigation";
import { SonarQubeImport } from "./sonarqube-import";

/** The SonarQube import; the register is read again once items are created or updated. */
export function DebtImportPanel({ engagementId }: { engagementId: string }) {
  const router = useRouter();
  return <SonarQubeImport engagementId={engagementId} onImported={() => router.refresh()} />;
}
