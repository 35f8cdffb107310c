import type { DebtItemView } from "@/server/domain/debt/item";
import type { DebtFigures } from "@/server/domain/roi/report";

// The register as the page lists it: the ranked figures (WSJF, highest first) joined with each
// item's ranges and status. Items the figures do not rank (none, unless the two reads disagree) follow.

export interface RegisterRow {
  rank: number | null;
  item: DebtItemView;
  figures: DebtFigures | null;
}

export function registerRows(items: readonly DebtItemView[], figures: readonly DebtFigures[]): RegisterRow[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const ranked: RegisterRow[] = [];
  for (const figure of figures) {
    const item = byId.get(figure.id);
    if (!item) continue;
    ranked.push({ rank: ranked.length + 1, item, figures: figure });
    byId.delete(figure.id);
  }
  return [...ranked, ...[...byId.values()].map((item) => ({ rank: null, item, figures: null }))];
}

/** "4,200,000" for a single figure, "4,200,000 (3,500,000 – 5,000,000)" for a range. */
export function rangeText(range: { low: number; likely: number; high: number }, format: (n: number) => string): string {
  if (range.low === range.likely && range.likely === range.high) return format(range.likely);
  return `${format(range.likely)} (${format(range.low)} – ${format(range.high)})`;
}
