import type { SeedOrganisation } from "../server/data/database/seed";
import { demoRepositoryUrl } from "../server/services/probes/demo-repository";
import { DEMO_SLA_CLAUSES, demoSlaMeasurements } from "./demo-sla";

// The demo scenario a newcomer meets on first start. These logins exist only here.

/**
 * The client's repository for the delivery gate: made by the demo loader under the data
 * directory (server/services/probes/demo-repository.ts), so the release tag can be checked offline.
 */
export const DEMO_REPOSITORY = {
  name: "eastbank-chain-sync",
  tags: ["v1.0.0"],
  files: {
    "go.mod":
      "module git.eastbank.test/chain/sync\n\ngo 1.22\n\nrequire (\n\tgolang.org/x/crypto " +
      "v0.24.0\n\tgithub.com/jackc/pgx/v5 v5.6.0\n)\n",
    "README.md":
      "# Chain sync\n\nStreams blocks from the ledger into the bank's reporting store, verifying each row's " +
      "SHA-256 and the Merkle root.\n",
    "sync/block.go":
      "package sync\n\n// SyncBlock stores one block's rows after checking their digests against the Merkle " +
      "root.\nfunc SyncBlock() error { return nil }\n",
  },
} as const;

export const DEMO_ORGANISATIONS: SeedOrganisation[] = [
  {
    name: "Northwind Consulting",
    slug: "northwind",
    locale: "en",
    seller: {
      legalName: "Northwind Consulting GmbH",
      taxId: "DE 312 456 789",
      address: "Hafenstraße 12, 20457 Hamburg, Germany",
      paymentInstructions:
        "Bank transfer in CNY to Northwind Consulting GmbH, account 6222 0210 0109 8765 432, Bank of China " +
        "Shanghai Branch, SWIFT BKCHCNBJ300. Please quote the invoice number.",
    },
    owner: { email: "owner@northwind.test", name: "Nora Lindqvist", password: "demo-password-1" },
    clients: [
      {
        name: "Eastbank",
        legalName: "东岸银行股份有限公司 (Eastbank Co., Ltd.)",
        taxId: "91310000MA1EASTB01",
        address: "88 Century Avenue, Pudong, Shanghai",
        billingEmail: "ap@eastbank.test",
        users: [
          { email: "approver@eastbank.test", name: "Wang Lei", password: "demo-password-2", role: "approver" },
          {
            email: "viewer@eastbank.test",
            name: "Li Na",
            password: "demo-password-6",
            role: "viewer",
            locale: "zh-CN",
          },
        ],
        engagements: [
          {
            title: "Financial-grade blockchain data synchroniser — private deployment",
            currency: "CNY",
            feeMinor: 100_000_000,
            taxRateBp: 600,
            startDate: "2026-09-01",
            paymentTermsDays: 30,
            internalNotes: "Bank procurement wants fapiao within 5 working days of approval.",
            milestoneTitleLocale: "en",
            gateOverrides: {
              delivery: [
                { kind: "git-tag", params: { repositoryUrl: demoRepositoryUrl(DEMO_REPOSITORY.name), tag: "v1.0.0" } },
                { kind: "junit", params: { minTests: 1 } },
              ],
              poc: [
                { kind: "junit", params: { minTests: 1 } },
                { kind: "coverage", params: { metric: "lines", minPct: 85 } },
                { kind: "go-bench", params: { benchmark: "BenchmarkSyncBlock", compareToBaseline: true } },
              ],
            },
            records: {
              // the field guide's three pains, anchored need -> metric, and the sync failures the SLA measures:
              // the POC benchmark meets the report target, the measured sync delay meets the CDC target, the
              // error rate misses its target, and the export timeout has nothing linked yet
              objectives: [
                {
                  pain: "Reports are slow",
                  observedBehaviour:
                    "Analysts start the month-end report, wait on each query (P99 2.4 s), and re-run those that time out",
                  cost: { value: 40, unit: "hours/month" },
                  // analysts waiting on month-end reports
                  costPerQuarterMinor: 18_000_000,
                  businessGoal: "Analysts get month-end reports without waiting",
                  baseline: 2400,
                  target: { metric: "report_latency", comparator: "lt", value: 800, unit: "ms", percentile: 99 },
                  translationKey: "slow_reports",
                  provenBy: { milestoneKey: "poc", kind: "go-bench" },
                },
                {
                  pain: "Export stutters",
                  observedBehaviour:
                    "The CSV export stalls on slow upstream reads with no timeout; the analyst kills it and starts again",
                  cost: { value: 15, unit: "% of exports" },
                  businessGoal: "Exports finish or fail fast, never hang",
                  baseline: 30,
                  target: { metric: "http_read_timeout", comparator: "lte", value: 2, unit: "s" },
                  translationKey: "export_stutters",
                },
                {
                  pain: "Yesterday's data is missing",
                  observedBehaviour:
                    "The morning report lacks the last blocks of the day before; the team re-runs it after lunch",
                  cost: { value: 6, unit: "hours of delay" },
                  businessGoal: "Every morning report shows yesterday's data",
                  baseline: 9,
                  target: { metric: "cdc_lag", comparator: "lt", value: 3, unit: "s", percentile: 95 },
                  translationKey: "missing_data",
                  measuredBy: { slaClauseTitle: "Sync delay" },
                },
                {
                  pain: "Blocks must be re-synced by hand",
                  observedBehaviour: "Operators re-submit the blocks whose sync request failed, from the error log",
                  cost: { value: 12, unit: "hours/month" },
                  businessGoal: "Every block arrives without anyone touching it",
                  baseline: 4.5,
                  target: { metric: "error_rate", comparator: "lte", value: 1, unit: "%" },
                  translationKey: "submit_errors",
                  measuredBy: { slaClauseTitle: "Error rate" },
                },
              ],
              slaClauses: DEMO_SLA_CLAUSES,
              adrs: [
                {
                  number: 6,
                  title: "Keep sync state in PostgreSQL run with Docker",
                  status: "superseded",
                  decidedOn: "2026-08-28",
                  deciders: ["Nora Lindqvist"],
                  context: "Each synchroniser node needs durable state for the last stored block and its Merkle root.",
                  consideredOptions: [
                    {
                      title: "PostgreSQL + Docker",
                      pros: ["concurrent writers", "familiar to the bank's DBAs"],
                      cons: ["another service to run"],
                    },
                  ],
                  decisionOutcome: "PostgreSQL in a Docker container next to each node.",
                  consequences: "The bank operates one more service per node.",
                  supersededBy: 7,
                },
                {
                  number: 7,
                  title: "Use embedded SQLite storage",
                  status: "accepted",
                  decidedOn: "2026-09-20",
                  deciders: ["Nora Lindqvist", "Wang Lei"],
                  context: "The synchroniser runs inside the bank's private deployment next to each node.",
                  consideredOptions: [
                    {
                      title: "Embedded SQLite",
                      pros: ["start-up latency < 50 ms", "no extra service to operate"],
                      cons: ["single writer"],
                    },
                    {
                      title: "PostgreSQL + Docker",
                      pros: ["concurrent writers"],
                      cons: ["another service to run", "slow cold start"],
                    },
                  ],
                  decisionDrivers: [
                    "start-up latency < 50 ms after a node restart",
                    "no extra service inside the bank's deployment",
                  ],
                  decisionOutcome: "Embedded SQLite, because start-up latency < 50 ms",
                  consequences: "One writer per node; backups by file snapshot.",
                  validation:
                    "The proof of concept's Go benchmark (BenchmarkSyncBlock) measures cold start and block storage.",
                  validatedBy: { milestoneKey: "poc", kind: "go-bench" },
                  // no database server to run in each of the bank's deployments
                  pl: { account: "operations", amountMinor: 3_000_000, recurrence: "per_quarter", effect: "saving" },
                },
              ],
              // the field guide's two items: priced per quarter, fix effort in days, each a range
              debtItems: [
                {
                  title: "Legacy JSON-RPC gateway without circuit breaker",
                  description: "One slow upstream node stalls every sync worker.",
                  impact: "critical",
                  costPerQuarterMinor: { low: 360_000_000, likely: 420_000_000, high: 500_000_000 },
                  fixDays: { low: 14, likely: 17, high: 24 },
                  plAccount: "lost revenue",
                  status: "scheduled",
                  scheduledMonth: "2026-12",
                },
                {
                  title: "Unbounded retry queue in the block fetcher",
                  description: "Retries pile up in memory during upstream outages.",
                  impact: "high",
                  costPerQuarterMinor: { low: 70_000_000, likely: 86_500_000, high: 100_000_000 },
                  fixDays: { low: 4, likely: 5, high: 8 },
                  plAccount: "operations",
                  status: "fixed",
                  fixedOn: "2026-11-20",
                },
              ],
            },
            slaMeasurements: demoSlaMeasurements,
          },
        ],
      },
      {
        name: "Lakeside Retail",
        users: [
          { email: "approver@lakeside.test", name: "Maya Brooks", password: "demo-password-5", role: "approver" },
        ],
        engagements: [
          {
            title: "Checkout latency review",
            currency: "EUR",
            feeMinor: 2_400_000,
            taxRateBp: 1_900,
            startDate: "2026-10-05",
            milestoneTitleLocale: "en",
          },
        ],
      },
    ],
  },
  {
    name: "Contoso Advisory",
    slug: "contoso",
    locale: "en",
    owner: { email: "owner@contoso.test", name: "Chris Moreau", password: "demo-password-3" },
    clients: [
      {
        name: "Fabrikam Insurance",
        users: [{ email: "approver@fabrikam.test", name: "Sam Ortiz", password: "demo-password-4", role: "approver" }],
        engagements: [
          {
            title: "Claims platform performance audit",
            currency: "USD",
            feeMinor: 4_800_000,
            taxRateBp: 0,
            startDate: "2026-08-15",
            milestoneTitleLocale: "en",
          },
        ],
      },
    ],
  },
];

/** Printed at start so a newcomer can sign in. */
export function demoLogins(): { organisation: string; email: string; password: string; role: string }[] {
  return DEMO_ORGANISATIONS.flatMap((organisation) => [
    {
      organisation: organisation.name,
      email: organisation.owner.email,
      password: organisation.owner.password,
      role: "owner",
    },
    ...organisation.clients.flatMap((client) =>
      client.users.map((user) => ({
        organisation: `${organisation.name} / ${client.name}`,
        email: user.email,
        password: user.password,
        role: user.role,
      })),
    ),
  ]);
}
