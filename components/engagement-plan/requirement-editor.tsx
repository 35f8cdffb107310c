"use client";

import { useTranslations } from "next-intl";
import type { GateRequirement } from "@/server/domain/gate";

const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

type ParamKey = "label" | "manifest" | "minTests" | "metric" | "minPct" | "benchmark" | "percentile" | "maxMs" | "maxErrorPct" | "tag" | "repositoryUrl" | "baseUrl" | "statement";

interface FieldSpec {
  key: ParamKey;
  type: "text" | "number" | "select";
  options?: readonly string[];
}

const FIELDS: Record<GateRequirement["kind"], FieldSpec[]> = {
  sha256: [{ key: "label", type: "text" }],
  "manifest-review": [{ key: "manifest", type: "text" }],
  junit: [{ key: "minTests", type: "number" }],
  coverage: [
    { key: "metric", type: "select", options: ["lines", "branches", "functions", "statements", "instructions"] },
    { key: "minPct", type: "number" },
  ],
  "go-bench": [{ key: "benchmark", type: "text" }],
  "load-test": [
    { key: "percentile", type: "select", options: ["p50", "p95", "p99"] },
    { key: "maxMs", type: "number" },
    { key: "maxErrorPct", type: "number" },
  ],
  "git-tag": [
    { key: "tag", type: "text" },
    { key: "repositoryUrl", type: "text" },
  ],
  "http-probe": [{ key: "baseUrl", type: "text" }],
  attestation: [{ key: "statement", type: "text" }],
};

/** Edits one gate requirement's parameters; the zod schema validates the result on submit. */
export function RequirementEditor({ requirement, onChange, onRemove, idPrefix }: { requirement: GateRequirement; onChange: (next: GateRequirement) => void; onRemove: () => void; idPrefix: string }) {
  const t = useTranslations("wizard");
  const params = requirement.params as Record<string, unknown>;
  const set = (key: string, value: string, numeric: boolean) => {
    const next: Record<string, unknown> = { ...params };
    // an emptied field is absent (optional ones stay unset; required ones are named on submit)
    if (value === "") delete next[key];
    else next[key] = numeric ? Number(value) : value;
    onChange({ ...requirement, params: next } as GateRequirement);
  };
  return (
    <div className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-2" data-requirement-editor={requirement.kind}>
      <span className="w-28 text-xs font-semibold uppercase text-slate-600">{requirement.kind}</span>
      {FIELDS[requirement.kind].map((field) => {
        const id = `${idPrefix}-${field.key}`;
        const value = params[field.key];
        return (
          <label key={field.key} htmlFor={id} className="text-xs text-slate-600">
            {t(`param.${field.key}`)}
            {field.type === "select" ? (
              <select id={id} className={input} value={String(value ?? "")} onChange={(e) => set(field.key, e.target.value, false)}>
                {field.options?.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                className={input}
                type={field.type}
                value={value === undefined ? "" : String(value)}
                onChange={(e) => set(field.key, e.target.value, field.type === "number")}
              />
            )}
          </label>
        );
      })}
      <button type="button" onClick={onRemove} className="ml-auto text-xs text-red-700 hover:underline">
        {t("removeRequirement")}
      </button>
    </div>
  );
}
