"use client";

import { useId, type Dispatch, type SetStateAction } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import type { FieldErrors } from "../ui/form-field";
import {
  defaultRequirement,
  GATE_REQUIREMENT_KINDS,
  type GateRequirement,
  type GateRequirementKind,
} from "@/server/domain/gate";
import type { MilestoneKind } from "@/server/domain/milestone";
import { RequirementEditor } from "./requirement-editor";

// The one editor of a list of milestones (key, title, kind, share, gate requirements): the
// engagement wizard's plan and a service package's milestone template.

export interface DraftMilestone {
  uid: string;
  key: string;
  title: string;
  kind: MilestoneKind;
  shareText: string;
  requirements: GateRequirement[];
}

const field = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Problems of one milestone's fields ("milestones.2.key": …), as "key: …". */
function rowProblems(errors: FieldErrors, index: number): string[] {
  const prefix = `milestones.${index}.`;
  return Object.entries(errors).flatMap(([path, messages]) =>
    path.startsWith(prefix) ? messages.map((message) => `${path.slice(prefix.length)}: ${message}`) : [],
  );
}

function FieldProblems({ problems, name }: { problems: string[] | undefined; name: string }) {
  if (!problems?.length) return null;
  return (
    <p className="mt-1 text-xs text-red-700" data-field-error={name}>
      {problems.join("; ")}
    </p>
  );
}

export function MilestoneListEditor({
  milestones,
  onChange,
  errors = {},
}: {
  milestones: DraftMilestone[];
  onChange: Dispatch<SetStateAction<DraftMilestone[]>>;
  /** problems by path ("milestones", "milestones.0.key"), shown where they belong */
  errors?: FieldErrors;
}) {
  const t = useTranslations("wizard");
  const headingId = useId();
  const edit = (uid: string, change: Partial<DraftMilestone>) =>
    onChange((list) => list.map((m) => (m.uid === uid ? { ...m, ...change } : m)));
  const move = (index: number, by: number) =>
    onChange((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item);
      return next;
    });

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold">
        {t("milestones")}
      </h2>
      <FieldProblems problems={errors.milestones} name="milestones" />
      <ol className="mt-3 space-y-3">
        {milestones.map((m, index) => (
          <li key={m.uid} data-draft-milestone={m.key}>
            <Card className="space-y-3 p-4">
              <div className="grid gap-3 sm:grid-cols-[7rem_1fr_9rem_7rem_auto]">
                <label className="text-xs text-slate-600">
                  {t("key")}
                  <input className={field} value={m.key} onChange={(e) => edit(m.uid, { key: e.target.value })} />
                </label>
                <label className="text-xs text-slate-600">
                  {t("milestoneTitle")}
                  <input className={field} value={m.title} onChange={(e) => edit(m.uid, { title: e.target.value })} />
                </label>
                <label className="text-xs text-slate-600">
                  {t("kind")}
                  <select
                    className={field}
                    value={m.kind}
                    onChange={(e) => edit(m.uid, { kind: e.target.value as MilestoneKind })}
                  >
                    <option value="standard">{t("kindStandard")}</option>
                    <option value="prepaid">{t("kindPrepaid")}</option>
                  </select>
                </label>
                <label className="text-xs text-slate-600">
                  {t("share")}
                  <input
                    className={field}
                    value={m.shareText}
                    onChange={(e) => edit(m.uid, { shareText: e.target.value })}
                    inputMode="decimal"
                    aria-label={`${t("share")} ${m.title}`}
                  />
                </label>
                <div className="flex items-end gap-1 text-xs">
                  <button
                    type="button"
                    className="rounded px-2 py-1 hover:bg-slate-100"
                    onClick={() => move(index, -1)}
                    aria-label={`${t("moveUp")} ${m.title}`}
                    disabled={index === 0}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="rounded px-2 py-1 hover:bg-slate-100"
                    onClick={() => move(index, 1)}
                    aria-label={`${t("moveDown")} ${m.title}`}
                    disabled={index === milestones.length - 1}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="rounded px-2 py-1 text-red-700 hover:bg-red-50"
                    onClick={() => onChange((list) => list.filter((x) => x.uid !== m.uid))}
                    aria-label={`${t("removeMilestone")} ${m.title}`}
                  >
                    ✕
                  </button>
                </div>
              </div>
              <FieldProblems problems={rowProblems(errors, index)} name={`milestones.${index}`} />
              <div className="space-y-2">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("gates")}</p>
                {m.requirements.map((requirement, r) => (
                  <RequirementEditor
                    key={`${m.uid}-${r}`}
                    idPrefix={`${m.uid}-${r}`}
                    requirement={requirement}
                    onChange={(next) =>
                      edit(m.uid, { requirements: m.requirements.map((x, i) => (i === r ? next : x)) })
                    }
                    onRemove={() => edit(m.uid, { requirements: m.requirements.filter((_, i) => i !== r) })}
                  />
                ))}
                <label className="text-xs text-slate-600">
                  <span className="sr-only">{`${t("addRequirement")} ${m.title}`}</span>
                  <select
                    className="rounded-md border border-dashed border-slate-300 px-2 py-1 text-xs"
                    value=""
                    onChange={(e) =>
                      e.target.value &&
                      edit(m.uid, {
                        requirements: [...m.requirements, defaultRequirement(e.target.value as GateRequirementKind)],
                      })
                    }
                  >
                    <option value="">+ {t("addRequirement")}</option>
                    {GATE_REQUIREMENT_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </Card>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        className="mt-3"
        onClick={() =>
          onChange((list) => [
            ...list,
            {
              uid: crypto.randomUUID(),
              key: `m${list.length + 1}`,
              title: "",
              kind: "standard",
              shareText: "0",
              requirements: [],
            },
          ])
        }
      >
        {t("addMilestone")}
      </Button>
    </section>
  );
}
