import { divideHalfUp, exactDecimal } from "./decimal";
import type { SlaCredit } from "./terms";

// Credit arithmetic in integer minor units: products are taken in BigInt so a large per-window
// credit times many windows cannot lose precision before the cap brings it back to a safe number.

export interface CappedAmount {
  creditMinor: number;
  /** the cap lowered the amount */
  capped: boolean;
}

type PerIncident = Extract<SlaCredit, { type: "per_incident" }>;
type Tiered = Extract<SlaCredit, { type: "tiered" }>;

function safeMinor(amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`a credit of ${amount} minor units is not payable`);
  return Number(amount);
}

function capped(amount: bigint, cap: number | null): CappedAmount {
  if (cap !== null && amount > BigInt(cap)) return { creditMinor: cap, capped: true };
  return { creditMinor: safeMinor(amount), capped: false };
}

/** min(capPerIncident, perBreachedWindow x windows). */
export function perIncidentCredit(
  credit: Pick<PerIncident, "perBreachedWindowMinor" | "capPerIncidentMinor">,
  windows: number,
): CappedAmount {
  return capped(BigInt(credit.perBreachedWindowMinor) * BigInt(windows), credit.capPerIncidentMinor);
}

/** The period's credits summed, then capped by capPerPeriod when there is one. */
export function capPeriod(amounts: readonly number[], capPerPeriodMinor: number | null): CappedAmount {
  return capped(
    amounts.reduce((sum, amount) => sum + BigInt(amount), 0n),
    capPerPeriodMinor,
  );
}

/** The largest creditPct among the tiers whose `below` exceeds the value (none: no credit). */
export function tierPct(tiers: Tiered["tiers"], value: number | null): number | null {
  if (value === null) return null;
  let pct: number | null = null;
  for (const tier of tiers) if (tier.below > value && (pct === null || tier.creditPct > pct)) pct = tier.creditPct;
  return pct;
}

/** baseMinor x creditPct / 100, rounded once half-up on the exact decimal percentage, then capped. */
export function tieredCredit(
  credit: Pick<Tiered, "baseMinor" | "tiers" | "capPerPeriodMinor">,
  value: number | null,
): CappedAmount {
  const pct = tierPct(credit.tiers, value);
  if (pct === null) return { creditMinor: 0, capped: false };
  const { units, scale } = exactDecimal(pct);
  const amount = divideHalfUp(BigInt(credit.baseMinor) * units, 100n * 10n ** BigInt(scale));
  return capped(amount, credit.capPerPeriodMinor);
}
