"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** Archives a package (no new proposals from it) or restores it. */
export function ArchivePackageButton({ packageId, archived }: { packageId: string; archived: boolean }) {
  const t = useTranslations("packages.form");
  const trpc = useTRPC();
  const action = useRefreshingAction();
  const archive = useMutation(trpc.servicePackage.archive.mutationOptions(action.handlers));
  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={archive.isPending}
        onClick={() => archive.mutate({ packageId, archived: !archived })}
      >
        {archived ? t("unarchive") : t("archive")}
      </Button>
      <Problems problems={action.problems} />
    </div>
  );
}
