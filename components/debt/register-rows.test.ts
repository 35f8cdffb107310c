import { describe, expect, it } from "vitest";
import type { DebtItemView } from "@/server/domain/debt/item";
import type { DebtFigures } from "@/server/domain/roi/report";
import { rangeText, registerRows } from "./register-rows";

const item = (id: string) => ({ id, title: id }) as DebtItemView;
const figure = (id: string) => ({ id, wsjf: 1 }) as DebtFigures;

describe("debt register rows", () => {
  it("follows the figures' ranking and lists unranked items after", () => {
    const rows = registerRows([item("a"), item("b"), item("c")], [figure("c"), figure("a"), figure("gone")]);
    expect(rows.map((row) => [row.item.id, row.rank])).toEqual([
      ["c", 1],
      ["a", 2],
      ["b", null],
    ]);
  });

  it("writes a single figure once and a range around its likely figure", () => {
    expect(rangeText({ low: 5, likely: 5, high: 5 }, String)).toBe("5");
    expect(rangeText({ low: 4, likely: 5, high: 7 }, String)).toBe("5 (4 – 7)");
  });
});
