// Why an export was refused: too large (413) or not a SonarQube export we can read (422), with
// reasons that name what and where, e.g. `issues[12].effort: "2x" is not a SonarQube duration`.

export type SonarImportErrorCode = "PAYLOAD_TOO_LARGE" | "UNPROCESSABLE";

export class SonarImportError extends Error {
  override name = "SonarImportError";
  constructor(
    readonly code: SonarImportErrorCode,
    readonly reasons: string[],
  ) {
    super(reasons.join("; "));
  }
}

export const unprocessable = (reasons: string[]) => new SonarImportError("UNPROCESSABLE", reasons);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
