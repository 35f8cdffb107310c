import type { FieldErrors } from "@/components/ui/form-field";
import { minorToDecimal } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import type { ContractFields } from "@/server/domain/maintenance/contract";

// Between the maintenance contract form's fields and a contract's fields. The fee is typed in major
// units and turned into minor units exactly; on a new contract an empty start or fee is left out so
// the server takes its default (the day delivery was paid, the upgrade-rights share).

export type { FieldErrors };

/** What the form sends: on a new contract the start and the fee may be missing. */
export type ContractFormFields = Omit<ContractFields, "startsOn" | "feeMinor"> & {
  startsOn?: string;
  feeMinor?: number;
};

export interface ContractFormWords {
  badAmount: string;
  badWhole: string;
  required: string;
}

/** The form's text of a contract's fields (a new contract: the domain's defaults, start and fee empty). */
export function contractFormDefaults(contract: ContractFields | null, digits: number): Record<string, string> {
  return {
    termMonths: String(contract?.termMonths ?? 12),
    startsOn: contract?.startsOn ?? "",
    fee: contract ? minorToDecimal(contract.feeMinor, digits) : "",
    includes: contract?.includes ?? "",
    noticeDays: String(contract?.noticeDays ?? 30),
    releaseTagPattern: contract?.releaseTagPattern ?? "v*",
  };
}

function wholeNumber(text: string): number | null {
  const cleaned = text.trim();
  return /^\d{1,6}$/.test(cleaned) ? Number(cleaned) : null;
}

/** The form's fields as a contract's, or the problems with those the server cannot read. */
export function contractFieldsFromForm(
  form: FormData,
  digits: number,
  words: ContractFormWords,
  mode: "create" | "edit",
): { fields: ContractFormFields } | { errors: FieldErrors } {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const errors: FieldErrors = {};
  const whole = (name: string) => {
    const value = wholeNumber(text(name));
    if (value === null) (errors[name] ??= []).push(words.badWhole);
    return value ?? 0;
  };
  const termMonths = whole("termMonths");
  const noticeDays = whole("noticeDays");
  const feeText = text("fee");
  const feeMinor = feeText === "" ? undefined : parseMajorAmount(feeText, digits);
  if (feeMinor === null) (errors.fee ??= []).push(words.badAmount);
  const startsOn = text("startsOn") || undefined;
  if (mode === "edit") {
    if (feeText === "") (errors.fee ??= []).push(words.required);
    if (startsOn === undefined) (errors.startsOn ??= []).push(words.required);
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    fields: {
      termMonths,
      ...(startsOn === undefined ? {} : { startsOn }),
      ...(feeMinor === undefined || feeMinor === null ? {} : { feeMinor }),
      includes: text("includes"),
      clauseIds: form
        .getAll("clauseIds")
        .map(String)
        .filter((id) => id !== ""),
      autoRenew: form.get("autoRenew") === "on",
      noticeDays,
      releaseTagPattern: text("releaseTagPattern"),
    },
  };
}

const FIELD_OF_PATH: Record<string, string> = { feeMinor: "fee", clauseIds: "clauseIds" };

/** The form field a server issue's path ("fields.feeMinor", "clauseIds.2", "startsOn") belongs to. */
export function fieldOfIssue(path: string): string {
  const [first, second] = path.split(".");
  const name = first === "fields" ? (second ?? "form") : (first ?? "form");
  if (name in FIELD_OF_PATH) return FIELD_OF_PATH[name]!;
  return ["termMonths", "startsOn", "includes", "autoRenew", "noticeDays", "releaseTagPattern"].includes(name)
    ? name
    : "form";
}
