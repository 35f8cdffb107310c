"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import type { ObjectiveView } from "@/server/domain/objective/objective";
import { ObjectiveForm, type SourceChoices } from "./objective-form";
import { ObjectiveTable, type ObjectiveSourceLink } from "./objective-table";

type Opened = { id: string; what: "edit" | "delete" } | null;

/** Asks before deleting one objective. */
function ConfirmDelete({ objective, onClose }: { objective: ObjectiveView; onClose: () => void }) {
  const t = useTranslations("objectives.actions");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const remove = useMutation(
    trpc.objective.delete.mutationOptions({
      ...handlers,
      onSuccess: (data) => {
        handlers.onSuccess(data);
        onClose();
      },
    }),
  );
  return (
    <div role="group" aria-label={t("deleteLabel", { pain: objective.pain })} className="space-y-2 text-sm">
      <p>{t("deleteConfirm", { pain: objective.pain })}</p>
      <div className="flex gap-2">
        <Button type="button" onClick={() => remove.mutate({ id: objective.id })} disabled={remove.isPending}>
          {t("deleteYes")}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
      <Problems problems={problems} />
    </div>
  );
}

/** The consultant's objectives table: each row edited in place, or deleted after a confirmation. */
export function ObjectiveBoard({
  engagementId,
  currency,
  objectives,
  sources,
  choices,
  caption,
}: {
  engagementId: string;
  currency: string;
  objectives: ObjectiveView[];
  sources: Record<string, ObjectiveSourceLink>;
  choices: SourceChoices;
  caption: string;
}) {
  const t = useTranslations("objectives.actions");
  const [opened, setOpened] = useState<Opened>(null);
  const close = () => setOpened(null);
  const button = (objective: ObjectiveView, what: "edit" | "delete") => {
    const open = opened?.id === objective.id && opened.what === what;
    return (
      <Button
        type="button"
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-label={t(`${what}Label`, { pain: objective.pain })}
        aria-expanded={open}
        onClick={() => setOpened(open ? null : { id: objective.id, what })}
      >
        {t(what)}
      </Button>
    );
  };
  return (
    <ObjectiveTable
      objectives={objectives}
      currency={currency}
      caption={caption}
      sources={sources}
      actions={(objective) => (
        <div className="flex gap-1">
          {button(objective, "edit")}
          {button(objective, "delete")}
        </div>
      )}
      detail={(objective) => {
        if (opened?.id !== objective.id) return null;
        if (opened.what === "delete") return <ConfirmDelete objective={objective} onClose={close} />;
        return (
          <ObjectiveForm
            engagementId={engagementId}
            currency={currency}
            choices={choices}
            objective={objective}
            onDone={close}
          />
        );
      }}
    />
  );
}
