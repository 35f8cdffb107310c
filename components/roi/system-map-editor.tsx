"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { inputClass } from "@/components/ui/form-field";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { COMPONENT_KINDS, type ComponentKind, type SystemMapView } from "@/server/domain/roi/system-map";

type Choice = { id: string; title: string; componentId: string | null };
export type SystemMapChoices = {
  debtItems: Choice[];
  slaClauses: Choice[];
  objectives: Choice[];
  milestones: { id: string; title: string }[];
};
const ATTACH_KINDS = { debt: "debtItems", sla_clause: "slaClauses", objective: "objectives" } as const;
type AttachKind = keyof typeof ATTACH_KINDS;

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="text-sm">
      <span className="font-medium">{label}</span>
      {children}
    </label>
  );
}

/** Add components and dependencies, and put debt items, SLA clauses and objectives on components. */
export function SystemMapEditor({
  engagementId,
  map,
  choices,
}: {
  engagementId: string;
  map: SystemMapView;
  choices: SystemMapChoices;
}) {
  const t = useTranslations("roi.mapEditor");
  const words = useTranslations("roi.systemMap");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction();
  const createComponent = useMutation(trpc.systemMap.createComponent.mutationOptions(handlers));
  const deleteComponent = useMutation(trpc.systemMap.deleteComponent.mutationOptions(handlers));
  const addDependency = useMutation(trpc.systemMap.addDependency.mutationOptions(handlers));
  const removeDependency = useMutation(trpc.systemMap.removeDependency.mutationOptions(handlers));
  const attach = useMutation(trpc.systemMap.attach.mutationOptions(handlers));
  const [attachKind, setAttachKind] = useState<AttachKind>("debt");
  const names = new Map(map.components.map((component) => [component.id, component.name]));
  const form = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    return (name: string) => String(data.get(name) ?? "");
  };
  const components = map.components.map((component) => (
    <option key={component.id} value={component.id}>
      {component.name}
    </option>
  ));
  const attachable = choices[ATTACH_KINDS[attachKind]];
  return (
    <div className="space-y-5">
      <form
        aria-label={t("addComponent")}
        className="grid items-end gap-3 sm:grid-cols-4"
        onSubmit={(event) => {
          const field = form(event);
          const milestoneIds = new FormData(event.currentTarget).getAll("milestoneIds").map(String);
          createComponent.mutate({
            engagementId,
            name: field("name"),
            kind: field("kind") as ComponentKind,
            milestoneIds,
          });
        }}
      >
        <Labelled label={t("componentName")}>
          <input name="name" className={inputClass} />
        </Labelled>
        <Labelled label={t("componentKind")}>
          <select name="kind" className={inputClass}>
            {COMPONENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {words(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </Labelled>
        {choices.milestones.length > 0 && (
          <fieldset className="text-sm sm:col-span-1">
            <legend className="font-medium">{t("fees")}</legend>
            {choices.milestones.map((milestone) => (
              <label key={milestone.id} className="flex items-center gap-2">
                <input type="checkbox" name="milestoneIds" value={milestone.id} />
                {milestone.title}
              </label>
            ))}
          </fieldset>
        )}
        <Button type="submit" disabled={createComponent.isPending}>
          {t("addComponent")}
        </Button>
      </form>
      {map.components.length >= 2 && (
        <form
          aria-label={t("addDependency")}
          className="grid items-end gap-3 sm:grid-cols-4"
          onSubmit={(event) => {
            const field = form(event);
            addDependency.mutate({ fromId: field("fromId"), toId: field("toId"), label: field("label") });
          }}
        >
          <Labelled label={t("from")}>
            <select name="fromId" className={inputClass}>
              {components}
            </select>
          </Labelled>
          <Labelled label={t("to")}>
            <select name="toId" className={inputClass}>
              {components}
            </select>
          </Labelled>
          <Labelled label={t("dependencyLabel")}>
            <input name="label" className={inputClass} />
          </Labelled>
          <Button type="submit" disabled={addDependency.isPending}>
            {t("addDependency")}
          </Button>
        </form>
      )}
      {map.components.length > 0 && (
        <form
          aria-label={t("attach")}
          className="grid items-end gap-3 sm:grid-cols-4"
          onSubmit={(event) => {
            const field = form(event);
            const componentId = field("componentId");
            attach.mutate({ kind: attachKind, id: field("id"), componentId: componentId === "" ? null : componentId });
          }}
        >
          <Labelled label={t("attachKind")}>
            <select
              name="kind"
              value={attachKind}
              onChange={(event) => setAttachKind(event.target.value as AttachKind)}
              className={inputClass}
            >
              {(Object.keys(ATTACH_KINDS) as AttachKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t("attachItem")}>
            <select name="id" className={inputClass} key={attachKind}>
              {attachable.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.title}
                  {choice.componentId ? ` (${names.get(choice.componentId) ?? "?"})` : ""}
                </option>
              ))}
            </select>
          </Labelled>
          <Labelled label={t("attachTo")}>
            <select name="componentId" className={inputClass}>
              {components}
              <option value="">{t("offTheMap")}</option>
            </select>
          </Labelled>
          <Button type="submit" disabled={attach.isPending || attachable.length === 0}>
            {t("attach")}
          </Button>
        </form>
      )}
      {(map.components.length > 0 || map.dependencies.length > 0) && (
        <ul className="space-y-1 text-sm" aria-label={t("parts")}>
          {map.components.map((component) => (
            <li key={component.id} className="flex items-center gap-2">
              <span>{component.name}</span>
              <Button
                type="button"
                variant="ghost"
                className="px-2 py-0.5 text-xs"
                aria-label={t("deleteComponent", { name: component.name })}
                onClick={() => deleteComponent.mutate({ componentId: component.id })}
              >
                {t("delete")}
              </Button>
            </li>
          ))}
          {map.dependencies.map((dependency) => {
            const name = `${names.get(dependency.fromId) ?? "?"} → ${names.get(dependency.toId) ?? "?"}`;
            return (
              <li key={`${dependency.fromId}>${dependency.toId}`} className="flex items-center gap-2">
                <span>
                  {name}
                  {dependency.label ? ` (${dependency.label})` : ""}
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2 py-0.5 text-xs"
                  aria-label={t("removeDependency", { name })}
                  onClick={() => removeDependency.mutate({ fromId: dependency.fromId, toId: dependency.toId })}
                >
                  {t("delete")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {result !== null && <p role="status">{t("saved")}</p>}
      <Problems problems={problems} />
    </div>
  );
}
