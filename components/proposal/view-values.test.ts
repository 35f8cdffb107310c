import { describe, expect, it } from "vitest";
import type { ProposalView } from "@/server/domain/proposal/proposal";
import { closedReason, formatExactMinor } from "./view-values";

describe("the proposal page's values", () => {
  it("writes a line's exact amount in major units without rounding it", () => {
    expect(formatExactMinor("2000000", "CNY", "en")).toBe("CN¥20,000.00");
    expect(formatExactMinor("1250.5", "CNY", "en")).toBe("CN¥12.505");
    expect(formatExactMinor("5", "EUR", "en")).toBe("€0.05");
    expect(formatExactMinor("1234", "JPY", "en")).toBe("¥1,234");
  });

  it("says why a proposal cannot be decided", () => {
    const view = (standing: ProposalView["standing"]) =>
      ({ standing, validUntil: "2026-11-30", decidedAt: null, revisedById: "p2" }) as ProposalView;
    expect(closedReason(view("sent"))).toBeNull();
    expect(closedReason(view("expired"))).toEqual({ key: "expired", date: "2026-11-30" });
    expect(closedReason(view("superseded"))).toEqual({ key: "superseded", by: "p2" });
    expect(closedReason(view("withdrawn"))).toEqual({ key: "withdrawn" });
  });
});
