import { computeRoi } from "./compute";
import type { RoiInputs } from "./inputs";
import { simulateRoi } from "./monte-carlo";
import type { RoiReport } from "./report";
import type { SystemMapView } from "./system-map";

// The field guide's engagement as ROI inputs: the bank's blockchain data synchroniser, a CNY 12,000
// day rate, the two priced debt items, a CNY 2,400,000 fee in four milestones. Shared by the PDF,
// the pages and their tests.

export const sampleRoiInputs: RoiInputs = {
  currency: "CNY",
  clientName: "East Bank",
  startMonth: "2026-09",
  discountRateBp: 800,
  horizonMonths: 36,
  dayRateMinor: 1_200_000,
  seed: 17,
  draws: 10_000,
  milestones: [
    { id: "ms-discovery", title: "Discovery and sync audit", amountMinor: 36_000_000, month: 0, basis: "invoiced" },
    { id: "ms-poc", title: "Proof of concept", amountMinor: 72_000_000, month: 2, basis: "planned" },
    { id: "ms-rollout", title: "Production rollout", amountMinor: 108_000_000, month: 5, basis: "planned" },
    { id: "ms-handover", title: "Handover and hypercare", amountMinor: 24_000_000, month: 12, basis: "planned" },
  ],
  debt: [
    {
      id: "debt-gateway",
      title: "Legacy JSON-RPC gateway without circuit breaker",
      impact: "critical",
      plAccount: "lost revenue",
      costPerQuarterMinor: { low: 360_000_000, likely: 420_000_000, high: 500_000_000 },
      fixDays: { low: 14, likely: 17, high: 24 },
      fixMonth: 2,
      componentId: "cmp-gateway",
    },
    {
      id: "debt-retry-queue",
      title: "Unbounded retry queue in the block fetcher",
      impact: "high",
      plAccount: "operations",
      costPerQuarterMinor: { low: 70_000_000, likely: 86_500_000, high: 100_000_000 },
      fixDays: { low: 4, likely: 5, high: 8 },
      fixMonth: 1,
      componentId: "cmp-fetcher",
    },
    {
      id: "debt-endpoints",
      title: "Hard-coded node endpoints in the reconciler",
      impact: "medium",
      plAccount: "operations",
      costPerQuarterMinor: { low: 20_000_000, likely: 30_000_000, high: 45_000_000 },
      fixDays: { low: 2, likely: 3, high: 5 },
      fixMonth: null,
      componentId: "cmp-reconciler",
    },
    {
      id: "debt-logs",
      title: "No structured logs in the ledger writer",
      impact: "low",
      plAccount: "operations",
      costPerQuarterMinor: { low: 12_000_000, likely: 12_000_000, high: 12_000_000 },
      fixDays: { low: 2.5, likely: 2.5, high: 2.5 },
      fixMonth: null,
      componentId: "cmp-ledger",
    },
  ],
  objectives: [
    {
      id: "obj-sync-delay",
      title: "Sync delay P99 under 1.5 s",
      costPerQuarterMinor: 15_000_000,
      fromMonth: 6,
    },
  ],
  adrs: [
    {
      id: "adr-7",
      number: 7,
      title: "Use embedded SQLite storage",
      plAccount: "infrastructure",
      amountMinor: 9_000_000,
      recurrence: "per_quarter",
      effect: "saving",
      month: 0,
    },
  ],
};

export const sampleSystemMap: SystemMapView = {
  components: [
    {
      id: "cmp-gateway",
      name: "JSON-RPC gateway",
      kind: "gateway",
      // its item is scheduled, not fixed: its cost still runs
      costOfDelayPerQuarterMinor: 420_000_000,
      feesMinor: 72_000_000,
      debtItemIds: ["debt-gateway"],
      slaClauseIds: [],
      objectiveIds: [],
    },
    {
      id: "cmp-fetcher",
      name: "Block fetcher",
      kind: "service",
      costOfDelayPerQuarterMinor: 0,
      feesMinor: 36_000_000,
      debtItemIds: ["debt-retry-queue"],
      slaClauseIds: [],
      objectiveIds: ["obj-sync-delay"],
    },
    {
      id: "cmp-reconciler",
      name: "Reconciler",
      kind: "service",
      costOfDelayPerQuarterMinor: 30_000_000,
      feesMinor: 108_000_000,
      debtItemIds: ["debt-endpoints"],
      slaClauseIds: ["sla-sync-delay"],
      objectiveIds: [],
    },
    {
      id: "cmp-ledger",
      name: "Ledger store (SQLite)",
      kind: "database",
      costOfDelayPerQuarterMinor: 12_000_000,
      feesMinor: 24_000_000,
      debtItemIds: ["debt-logs"],
      slaClauseIds: [],
      objectiveIds: [],
    },
    {
      id: "cmp-nodes",
      name: "Bank blockchain nodes",
      kind: "external",
      costOfDelayPerQuarterMinor: 0,
      feesMinor: 0,
      debtItemIds: [],
      slaClauseIds: [],
      objectiveIds: [],
    },
  ],
  dependencies: [
    { fromId: "cmp-fetcher", toId: "cmp-gateway", label: "blocks" },
    { fromId: "cmp-gateway", toId: "cmp-nodes", label: "JSON-RPC" },
    { fromId: "cmp-reconciler", toId: "cmp-fetcher", label: "block stream" },
    { fromId: "cmp-reconciler", toId: "cmp-ledger", label: "writes" },
  ],
};

/** The ROI report over the samples, the Monte Carlo run in full (10,000 draws, a few milliseconds). */
export function sampleRoiReport(): RoiReport {
  return computeRoi(sampleRoiInputs, sampleSystemMap, simulateRoi(sampleRoiInputs));
}
