// Who sees an engagement's money. Consultants and a client's approvers always do; a client's
// viewers do unless the engagement hides amounts from viewers, and then they see none anywhere:
// engagement and milestone amounts, invoices (list, CSV, PDF), and the reasons in the approval log.
// Every place that shows a client an amount asks this one function.

export type AmountReader = { kind: "consultant" } | { kind: "client"; role: "approver" | "viewer" };

export function seesAmounts(reader: AmountReader, engagement: { hideAmountsFromViewers: boolean }): boolean {
  return reader.kind === "consultant" || reader.role === "approver" || !engagement.hideAmountsFromViewers;
}

/** The reader of a scope: a client scope carries the client user's role, an organisation scope none. */
export function amountReaderOf(scope: { role: string; clientId?: string }): AmountReader {
  return "clientId" in scope && scope.clientId !== undefined
    ? { kind: "client", role: scope.role === "approver" ? "approver" : "viewer" }
    : { kind: "consultant" };
}
