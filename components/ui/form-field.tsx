"use client";

import { useId, type ReactNode } from "react";

/** Problems with a form's fields, by field name (the server's or the parser's). */
export type FieldErrors = Record<string, string[]>;

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600";

export interface FieldProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** A labelled form field with its hint and the server's or the parser's problems with it. */
export function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const problems = errors[name] ?? [];
  const described = [hint ? `${id}-hint` : "", problems.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children({
        id,
        name,
        ...(problems.length ? { "aria-invalid": true as const } : {}),
        ...(described ? { "aria-describedby": described } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700" data-field-error={name}>
          {problems.join("; ")}
        </p>
      )}
    </div>
  );
}
