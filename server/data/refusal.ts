/**
 * A write the data layer refused for the caller's own reasons (not a fault): a code the API maps
 * to a status, and the reasons shown to the user. Subclasses name their codes. `causeCode` names
 * the refusal underneath when one operation refuses because another did (an invoice refused
 * because its milestone's gate is closed).
 */
export class DataRefusal<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly reasons: string[],
    readonly causeCode?: string,
  ) {
    super(reasons.join("; "));
  }
}

/** Something the caller may not see, or that is not there: the two are never told apart. */
export class NotFound extends DataRefusal<"NOT_FOUND"> {
  override name = "NotFound";
  /** `what`: "Engagement", "Invoice" … (the reason reads "Engagement not found.") */
  constructor(what: string) {
    super("NOT_FOUND", [`${what} not found.`]);
  }
}
