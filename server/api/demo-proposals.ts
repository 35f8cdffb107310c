import { listOrgClients } from "../data/client/list";
import { createProposal } from "../data/proposal/draft";
import { sendProposal } from "../data/proposal/send";
import type { OrgScope } from "../data/scope";
import { addDays } from "../domain/invoice";
import { translationFor } from "../domain/objective/translations";
import type { OfferObjective } from "../domain/proposal/proposal";
import { todayIso } from "../domain/proposal/standing";

// The demo's quote: the private deployment package for Lakeside Retail (4 nodes, 3.5 million
// transactions a day, 7 years of retention), sent and waiting for approver@lakeside.test. Its dates
// count from the day the demo is seeded, so a demo seeded later still has an open quote.

const NOTICES = { origin: "http://localhost:3000", smtpConfigured: false };
const LAKESIDE = "Lakeside Retail";

function libraryObjective(
  key: "slow_reports" | "service_down",
  fields: Pick<OfferObjective, "pain" | "observedBehaviour" | "businessGoal" | "baseline" | "cost" | "link">,
): OfferObjective {
  const entry = translationFor(key)!;
  return {
    ...fields,
    costPerQuarterMinor: null,
    target: { ...entry.target },
    translationKey: key,
  };
}

const OBJECTIVES: OfferObjective[] = [
  libraryObjective("slow_reports", {
    pain: "Reports are slow",
    observedBehaviour:
      "Store managers start the daily sales report, wait, and rebuild it in a spreadsheet when it times out.",
    cost: { value: 40, unit: "hours/month" },
    businessGoal: "Store managers get the daily sales report without waiting",
    baseline: 2400,
    link: null,
  }),
  libraryObjective("service_down", {
    pain: "The service goes down",
    observedBehaviour: "Checkout falls back to manual card terminals a few times a month during outages.",
    cost: { value: 6, unit: "hours/month" },
    businessGoal: "Checkout stays up through the peak season",
    baseline: 99.5,
    link: { kind: "sla_clause", index: 0 },
  }),
];

/** A sent proposal to Lakeside Retail from the private deployment package; answers its id. */
export async function seedDemoProposal(
  owner: OrgScope,
  packages: { privateDeployment: string },
  now = new Date(),
): Promise<string> {
  const client = (await listOrgClients(owner)).find((c) => c.name === LAKESIDE);
  if (!client) throw new Error(`demo client ${LAKESIDE} is missing`);
  const today = todayIso(now);
  const draft = await createProposal(
    owner,
    {
      clientId: client.id,
      packageId: packages.privateDeployment,
      title: "Order synchroniser — private deployment",
      quantities: { nodes: 4, daily_volume: 3.5, retention_years: 7 },
      taxRateBp: 600,
      paymentTermsDays: 30,
      startDate: addDays(today, 14),
      validUntil: addDays(today, 30),
      objectives: OBJECTIVES,
    },
    now,
  );
  await sendProposal(owner, draft.id, NOTICES, now);
  return draft.id;
}
