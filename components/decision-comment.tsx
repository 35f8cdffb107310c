/**
 * A client's comment on a decision (an approval, a proposal's acceptance), with the alert shown when
 * the decision needs one and none was written. One shape for every decision the portal asks for.
 */
export function DecisionComment({
  label,
  value,
  onChange,
  missing,
  missingText,
  alertId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** the decision needs a comment and none was written */
  missing: boolean;
  missingText: string;
  /** the alert's id, which the field points to while it shows */
  alertId: string;
}) {
  return (
    <>
      <label className="block text-sm font-medium text-slate-700">
        {label}
        <textarea
          value={value}
          onChange={(event) => onChange(event.target.value)}
          maxLength={4000}
          rows={3}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          aria-invalid={missing}
          aria-describedby={missing ? alertId : undefined}
        />
      </label>
      {missing && (
        <p id={alertId} role="alert" className="text-sm text-red-800">
          {missingText}
        </p>
      )}
    </>
  );
}
