import { describe, expect, it } from "vitest";
import { cashSummary } from "./cash";

describe("cash summary", () => {
  it("keeps currencies apart, nets credit notes, buckets by month and lists what is overdue", () => {
    const summary = cashSummary({
      today: "2026-12-20",
      engagements: [
        {
          currency: "CNY",
          status: "active",
          milestones: [
            { state: "paid", amountMinor: 15_000_000 },
            { state: "verified", amountMinor: 30_000_000 },
            { state: "planned", amountMinor: 55_000_000 },
          ],
        },
        {
          currency: "EUR",
          status: "active",
          milestones: [
            { state: "invoiced", amountMinor: 720_000 },
            { state: "planned", amountMinor: 1_680_000 },
          ],
        },
        { currency: "EUR", status: "cancelled", milestones: [{ state: "planned", amountMinor: 999 }] },
      ],
      invoices: [
        {
          id: "a",
          kind: "invoice",
          number: "INV-2026-0001",
          engagementTitle: "Sync",
          clientName: "Eastbank",
          currency: "CNY",
          status: "paid",
          totalMinor: 15_900_000,
          paidMinor: 15_900_000,
          creditedMinor: 0,
          issueDate: "2026-10-20",
          dueDate: "2026-11-19",
          payments: [{ amountMinor: 15_900_000, paidOn: "2026-11-10" }],
        },
        {
          id: "b",
          kind: "invoice",
          number: "INV-2026-0002",
          engagementTitle: "Checkout",
          clientName: "Lakeside",
          currency: "EUR",
          status: "partially_paid",
          totalMinor: 856_800,
          paidMinor: 100_000,
          creditedMinor: 0,
          issueDate: "2026-11-01",
          dueDate: "2026-12-01",
          payments: [{ amountMinor: 100_000, paidOn: "2026-11-15" }],
        },
        {
          id: "c",
          kind: "credit_note",
          number: "CN-2026-0001",
          engagementTitle: "Checkout",
          clientName: "Lakeside",
          currency: "EUR",
          status: "issued",
          totalMinor: 50_000,
          paidMinor: 0,
          creditedMinor: 0,
          issueDate: "2026-12-02",
          dueDate: "2026-12-02",
          payments: [],
        },
      ],
    });
    expect(summary.currencies.map((c) => c.currency)).toEqual(["CNY", "EUR"]);
    const cny = summary.currencies[0]!;
    expect(cny.byState.find((s) => s.state === "paid")?.amountMinor).toBe(15_000_000);
    expect(cny.byState.find((s) => s.state === "verified")?.amountMinor).toBe(30_000_000);
    expect(cny.byMonth).toEqual([
      { month: "2026-10", invoicedMinor: 15_900_000, paidMinor: 0 },
      { month: "2026-11", invoicedMinor: 0, paidMinor: 15_900_000 },
    ]);
    const eur = summary.currencies[1]!;
    expect(eur.byState.find((s) => s.state === "planned")?.amountMinor).toBe(1_680_000);
    expect(eur.totals).toEqual({
      invoicedMinor: 806_800,
      paidMinor: 100_000,
      outstandingMinor: 706_800,
      slaCreditsMinor: 0,
    });
    expect(summary.overdue).toEqual([
      expect.objectContaining({ number: "INV-2026-0002", outstandingMinor: 756_800, daysOverdue: 19, currency: "EUR" }),
    ]);
  });

  it("shows the SLA credit notes issued per currency, netted from what was invoiced like every credit note", () => {
    const invoice = {
      engagementTitle: "Sync",
      clientName: "Eastbank",
      status: "issued" as const,
      paidMinor: 0,
      creditedMinor: 0,
      dueDate: "2026-12-31",
      payments: [],
    };
    const summary = cashSummary({
      today: "2026-12-20",
      engagements: [],
      invoices: [
        {
          ...invoice,
          id: "a",
          kind: "invoice",
          number: "INV-1",
          currency: "CNY",
          totalMinor: 1_000_000,
          issueDate: "2026-11-02",
        },
        {
          ...invoice,
          id: "b",
          kind: "credit_note",
          number: "CN-1",
          currency: "CNY",
          totalMinor: 90_100,
          issueDate: "2026-12-02",
          slaPeriod: "2026-11",
        },
        {
          ...invoice,
          id: "c",
          kind: "credit_note",
          number: "CN-2",
          currency: "CNY",
          totalMinor: 5_000,
          issueDate: "2026-12-03",
        },
        {
          ...invoice,
          id: "d",
          kind: "credit_note",
          number: "CN-3",
          currency: "EUR",
          totalMinor: 700,
          issueDate: "2026-12-04",
          slaPeriod: "2026-Q4",
        },
      ],
    });
    expect(summary.currencies.map((c) => [c.currency, c.totals.slaCreditsMinor, c.totals.invoicedMinor])).toEqual([
      ["CNY", 90_100, 1_000_000 - 90_100 - 5_000],
      ["EUR", 700, -700],
    ]);
  });
});
