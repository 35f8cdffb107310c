const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-teal-600 focus:outline-2 focus:outline-teal-600";

/** Whether the two fields of NewPasswordFields agree (a typo in a new password locks its owner out). */
export function passwordsAgree(form: FormData, name = "password"): boolean {
  return String(form.get(name) ?? "") === String(form.get(`${name}Confirm`) ?? "");
}

/** A new password and its repetition, with the rules as a hint (PASSWORD_RULES: 10 to 72 characters). */
export function NewPasswordFields({ name = "password", label, hint, confirmLabel }: { name?: string; label: string; hint: string; confirmLabel: string }) {
  return (
    <>
      <label className="block text-sm font-medium text-slate-700">
        {label}
        <input name={name} type="password" required minLength={10} maxLength={72} autoComplete="new-password" className={input} aria-describedby={`${name}-hint`} />
        <span id={`${name}-hint`} className="mt-1 block text-xs font-normal text-slate-500">
          {hint}
        </span>
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {confirmLabel}
        <input name={`${name}Confirm`} type="password" required minLength={10} maxLength={72} autoComplete="new-password" className={input} />
      </label>
    </>
  );
}
