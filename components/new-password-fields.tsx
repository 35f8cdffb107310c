import { PASSWORD_RULES } from "@/server/domain/password-rules";

export const fieldClass =
  "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:outline-2 " +
  "focus:outline-teal-600";

/** Whether the two fields of NewPasswordFields agree (a typo in a new password locks its owner out). */
export function passwordsAgree(form: FormData, name: string): boolean {
  return String(form.get(name) ?? "") === String(form.get(`${name}Confirm`) ?? "");
}

/** A new password and its repetition; the rules are a hint outside the label, so the field keeps a short name. */
export function NewPasswordFields({
  name,
  label,
  hint,
  confirmLabel,
}: {
  name: string;
  label: string;
  hint: string;
  confirmLabel: string;
}) {
  return (
    <>
      <div>
        <label className="block text-sm font-medium text-slate-700">
          {label}
          <input
            name={name}
            type="password"
            required
            minLength={PASSWORD_RULES.min}
            maxLength={PASSWORD_RULES.max}
            autoComplete="new-password"
            className={fieldClass}
            aria-describedby={`${name}-hint`}
          />
        </label>
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      </div>
      <label className="block text-sm font-medium text-slate-700">
        {confirmLabel}
        <input
          name={`${name}Confirm`}
          type="password"
          required
          minLength={PASSWORD_RULES.min}
          maxLength={PASSWORD_RULES.max}
          autoComplete="new-password"
          className={fieldClass}
        />
      </label>
    </>
  );
}
