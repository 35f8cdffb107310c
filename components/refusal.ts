import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";
import type { FieldErrors } from "@/components/ui/form-field";

/** Reasons a refused request gives, as the server phrased them (never empty). */
export function refusalReasons(error: unknown): string[] {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    if (data?.refusal?.reasons.length) return data.refusal.reasons;
    if (data?.zodError?.length) return data.zodError.map((issue) => `${issue.path}: ${issue.message}`);
    return [error.message];
  }
  return [error instanceof Error ? error.message : String(error)];
}

export interface RequestErrors {
  /** zod issues by form field */
  fields: FieldErrors;
  /** what no field holds: the form-level issues, or the refusal's reasons */
  problems: string[];
}

/**
 * A refused request's errors for a form: its zod issues by field (`fieldOf` maps an issue's path to
 * the form field, `word` may rephrase a message for the reader), or the refusal's reasons.
 */
export function requestErrors(
  error: unknown,
  fieldOf: (path: string) => string,
  word: (path: string, message: string) => string = (_path, message) => message,
): RequestErrors {
  const issues = error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data?.zodError : null;
  if (!issues?.length) return { fields: {}, problems: refusalReasons(error) };
  const fields: FieldErrors = {};
  for (const issue of issues) (fields[fieldOf(issue.path)] ??= []).push(word(issue.path, issue.message));
  return { fields, problems: fields.form ?? [] };
}

/** Reasons phrased "field.path: message" placed at their field (`fieldOf` maps the path); the others kept as they are. */
export function reasonsByField(
  reasons: readonly string[],
  fieldOf: (path: string) => string,
): { fields: FieldErrors; rest: string[] } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const reason of reasons) {
    const match = /^([a-zA-Z]\w*(?:\.\w+)*): (.+)$/s.exec(reason);
    if (match) (fields[fieldOf(match[1]!)] ??= []).push(match[2]!);
    else rest.push(reason);
  }
  return { fields, rest };
}
