"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ClauseChoice } from "./contract-fields";
import { ContractForm, type EditedContract } from "./contract-form";

/** The consultant's edit of a contract, opened on demand. */
export function ContractActions({
  engagementId,
  currency,
  clauses,
  contract,
}: {
  engagementId: string;
  currency: string;
  clauses: ClauseChoice[];
  contract: EditedContract;
}) {
  const t = useTranslations("maintenance.page");
  const [open, setOpen] = useState(false);
  return (
    <div className="space-y-3">
      <Button
        type="button"
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t("edit")}
      </Button>
      {open && (
        <ContractForm
          engagementId={engagementId}
          currency={currency}
          clauses={clauses}
          contract={contract}
          onDone={() => setOpen(false)}
        />
      )}
    </div>
  );
}
