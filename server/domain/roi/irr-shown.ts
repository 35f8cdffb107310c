/**
 * Above this annual IRR (1,000 %) the exact figure tells a reader nothing more (a small fee that
 * stops a large monthly loss gives rates in the millions of per cent): pages and documents show
 * "> 1,000 %"; the REST answer keeps the exact figure.
 */
export const IRR_SHOWN_UP_TO = 10;

export function irrShown(irrAnnual: number, format: (rate: number) => string): string {
  return irrAnnual > IRR_SHOWN_UP_TO ? `> ${format(IRR_SHOWN_UP_TO)}` : format(irrAnnual);
}
