import { DEFAULT_MILESTONE_TEMPLATE } from "../milestone-template";
import type { ServicePackageFieldsInput } from "./package";

// The field guide's three businesses as packages an organisation starts from: a SaaS
// subscription of the open-source edition, a private deployment built to order and priced by
// nodes x daily volume x retention years, and an audit & performance package kept up under
// maintenance. Amounts are CNY minor units (fen).

export const SAAS_SUBSCRIPTION: ServicePackageFieldsInput = {
  name: "SaaS subscription",
  description: "The hosted open-source edition: one workspace, upgrades included, billed per year in advance.",
  business: "saas_subscription",
  tier: "open_source",
  currency: "CNY",
  pricing: { type: "fixed", amountMinor: 12_000_000 },
  milestones: [
    {
      key: "subscription",
      title: "Annual subscription",
      kind: "prepaid",
      shareBp: 10_000,
      requirements: [
        { kind: "attestation", params: { party: "client", statement: "the workspace is provisioned and reachable" } },
      ],
    },
  ],
  slaClauses: [
    {
      title: "Availability",
      metric: "availability",
      comparator: "gte",
      target: 99.9,
      unit: "%",
      period: "month",
      timezone: "Asia/Shanghai",
      credit: {
        type: "tiered",
        baseMinor: 1_000_000,
        tiers: [
          { below: 99.9, creditPct: 10 },
          { below: 99, creditPct: 25 },
        ],
        capPerPeriodMinor: 250_000,
      },
    },
  ],
};

export const PRIVATE_DEPLOYMENT: ServicePackageFieldsInput = {
  name: "Private deployment",
  description:
    "The synchroniser on the client's own nodes: architecture review, proof of concept, delivery and a year of upgrades.",
  business: "private_deployment",
  tier: "custom",
  currency: "CNY",
  pricing: {
    type: "formula",
    baseMinor: 20_000_000,
    rateCard: [
      {
        key: "nodes",
        label: "Nodes",
        unit: "nodes",
        rateMinor: 5_000_000,
        defaultQuantity: 4,
        minQuantity: 1,
        maxQuantity: 200,
        integer: true,
      },
      {
        key: "daily_volume",
        label: "Daily volume",
        unit: "million tx/day",
        rateMinor: 2_000_000,
        defaultQuantity: 3.5,
        minQuantity: 0,
        maxQuantity: 10_000,
        integer: false,
      },
      {
        key: "retention_years",
        label: "Retention",
        unit: "years",
        rateMinor: 1_000_000,
        defaultQuantity: 7,
        minQuantity: 1,
        maxQuantity: 30,
        integer: true,
      },
    ],
  },
  milestones: DEFAULT_MILESTONE_TEMPLATE.map((entry) => ({
    key: entry.key,
    title: entry.title.en,
    kind: entry.kind,
    shareBp: entry.shareBp,
    requirements: entry.requirements,
  })),
  slaClauses: [
    {
      title: "Availability",
      metric: "availability",
      comparator: "gte",
      target: 99.95,
      unit: "%",
      period: "year",
      timezone: "Asia/Shanghai",
      credit: {
        type: "tiered",
        baseMinor: 15_000_000,
        tiers: [
          { below: 99.95, creditPct: 5 },
          { below: 99.9, creditPct: 10 },
        ],
        capPerPeriodMinor: 8_500_000,
      },
      measurementMethod: "Independent HTTPS probe of the synchroniser's health endpoint every 5 minutes",
    },
  ],
};

export const AUDIT_PERFORMANCE: ServicePackageFieldsInput = {
  name: "Audit & performance package",
  description: "A performance audit of a running Go service, then the fixes, proven by benchmarks and a load test.",
  business: "audit_performance",
  tier: "maintenance",
  currency: "CNY",
  pricing: { type: "fixed", amountMinor: 18_000_000 },
  milestones: [
    {
      key: "audit",
      title: "Performance audit report",
      kind: "standard",
      shareBp: 4_000,
      requirements: [{ kind: "sha256", params: { label: "Signed audit report (PDF)" } }],
    },
    {
      key: "tuning",
      title: "Fixes verified under load",
      kind: "standard",
      shareBp: 6_000,
      requirements: [
        { kind: "go-bench", params: { benchmark: "BenchmarkSync", compareToBaseline: true, maxSlowdownPct: 0 } },
        { kind: "load-test", params: { percentile: "p99", maxMs: 800, maxErrorPct: 0.1 } },
      ],
    },
  ],
  slaClauses: [],
};

/** The three packages, in the order the field guide names the businesses. */
export const DEFAULT_PACKAGES: readonly ServicePackageFieldsInput[] = [
  SAAS_SUBSCRIPTION,
  PRIVATE_DEPLOYMENT,
  AUDIT_PERFORMANCE,
];
