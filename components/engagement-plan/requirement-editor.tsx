"use client";

import { useTranslations } from "next-intl";
import type { z } from "zod";
import { ZGateRequirement, type GateRequirement, type GateRequirementKind } from "@/server/domain/gate";

const input = "w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

interface FieldSpec {
  key: string;
  type: "text" | "number" | "select" | "checkbox";
  /** absent is a valid value (an optional field can be emptied) */
  optional: boolean;
  options?: readonly string[];
  min?: number;
  max?: number;
}

// The fields come from the requirement schema (server/domain/gate.ts): a parameter added there
// appears here with its type, choices and bounds, and only its label needs writing.
type Schema = z.core.$ZodType & {
  def: { type: string; innerType?: Schema };
  options?: readonly string[];
  minValue?: number | null;
  maxValue?: number | null;
};

function fieldOf(key: string, schema: Schema): FieldSpec {
  let inner = schema;
  let optional = false;
  while ((inner.def.type === "optional" || inner.def.type === "default") && inner.def.innerType) {
    optional ||= inner.def.type === "optional";
    inner = inner.def.innerType;
  }
  const finite = (n: number | null | undefined) => (typeof n === "number" && Number.isFinite(n) ? n : undefined);
  switch (inner.def.type) {
    case "number":
      return { key, type: "number", optional, min: finite(inner.minValue), max: finite(inner.maxValue) };
    case "boolean":
      return { key, type: "checkbox", optional };
    case "enum":
      return { key, type: "select", optional, options: inner.options ?? [] };
    default:
      return { key, type: "text", optional };
  }
}

const FIELDS = Object.fromEntries(
  ZGateRequirement.options.map((option) => [
    option.shape.kind.value,
    Object.entries(option.shape.params.shape).map(([key, schema]) => fieldOf(key, schema as unknown as Schema)),
  ]),
) as Record<GateRequirementKind, FieldSpec[]>;

/** Edits one gate requirement's parameters; the zod schema validates the result on submit. */
export function RequirementEditor({
  requirement,
  onChange,
  onRemove,
  idPrefix,
}: {
  requirement: GateRequirement;
  onChange: (next: GateRequirement) => void;
  onRemove: () => void;
  idPrefix: string;
}) {
  const t = useTranslations("wizard");
  const params = requirement.params as Record<string, unknown>;
  const set = (key: string, value: string | boolean, numeric: boolean) => {
    const next: Record<string, unknown> = { ...params };
    // an emptied field is absent (optional ones stay unset; required ones are named on submit)
    if (value === "") delete next[key];
    else next[key] = numeric ? Number(value) : value;
    onChange({ ...requirement, params: next } as GateRequirement);
  };
  const optionLabel = (key: string, option: string) =>
    t.has(`option.${key}.${option}`) ? t(`option.${key}.${option}`) : option;
  return (
    <div
      className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-2"
      data-requirement-editor={requirement.kind}
    >
      <span className="w-28 text-xs font-semibold uppercase text-slate-600">{requirement.kind}</span>
      {FIELDS[requirement.kind].map((field) => {
        const id = `${idPrefix}-${field.key}`;
        const value = params[field.key];
        const label = t.has(`param.${field.key}`) ? t(`param.${field.key}`) : field.key;
        if (field.type === "checkbox") {
          return (
            <label key={field.key} htmlFor={id} className="flex items-center gap-1 self-center text-xs text-slate-600">
              <input
                id={id}
                type="checkbox"
                checked={value === true}
                onChange={(e) => set(field.key, e.target.checked, false)}
              />
              {label}
            </label>
          );
        }
        // the label names the control and only it (a choice's words are not part of its name)
        return (
          <div key={field.key} className="text-xs text-slate-600">
            <label htmlFor={id}>{label}</label>
            {field.type === "select" ? (
              <select
                id={id}
                className={input}
                value={String(value ?? "")}
                onChange={(e) => set(field.key, e.target.value, false)}
              >
                {(field.optional || value === undefined) && <option value="">—</option>}
                {field.options?.map((option) => (
                  <option key={option} value={option}>
                    {optionLabel(field.key, option)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                className={input}
                type={field.type}
                min={field.min}
                max={field.max}
                step={field.type === "number" ? "any" : undefined}
                value={value === undefined ? "" : String(value)}
                onChange={(e) => set(field.key, e.target.value, field.type === "number")}
              />
            )}
          </div>
        );
      })}
      <button type="button" onClick={onRemove} className="ml-auto text-xs text-red-700 hover:underline">
        {t("removeRequirement")}
      </button>
    </div>
  );
}
