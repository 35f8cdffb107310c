import { listOrgClients } from "../data/client/list";
import { createEngagement } from "../data/engagement/create";
import type { OrgScope } from "../data/scope";
import { issueUsageInvoice } from "../data/usage/invoice";
import { storeUsageEventsFor } from "../data/usage/ingest";
import { createMeter } from "../data/usage/meters";
import type { CheckedEvent } from "../domain/usage/events";
import { isUsagePeriodClosed, usagePeriodSpan } from "../domain/usage/period";
import { previousPeriodKey, periodKeyOf } from "../domain/sla/period";
import { pdfIssuer } from "../services/pdf/invoice-issuer";

// The field guide's API gateway billed per use: Lakeside Retail's LLM gateway, metered in tokens
// per tenant (10,000 free a month, then a graduated price), with two closed months of generated
// usage across three tenants. The older month is invoiced; the newer one waits for the consultant.
// Months count back from the day the demo is seeded, so a later seed still has both.

const LAKESIDE = "Lakeside Retail";
const TIMEZONE = "Asia/Shanghai";
const TENANTS = [
  { tenant: "stores-eu", tokensPerHour: 6_000_000 },
  { tenant: "stores-us", tokensPerHour: 4_200_000 },
  { tenant: "support-bot", tokensPerHour: 1_800_000 },
];

/** A small deterministic generator (mulberry32): the same demo every time it is seeded. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One event per tenant and hour of the month, busier in the local daytime. */
function monthOfUsage(meterId: string, period: string): CheckedEvent[] {
  const { from, to } = usagePeriodSpan(period, TIMEZONE);
  const next = random(Number(period.replace("-", "")));
  const events: CheckedEvent[] = [];
  for (let at = from; at < to; at += 3_600_000) {
    const localHour = (new Date(at).getUTCHours() + 8) % 24;
    const daytime = localHour >= 8 && localHour < 22 ? 1.6 : 0.4;
    for (const { tenant, tokensPerHour } of TENANTS)
      events.push({
        meterId,
        idempotencyKey: `demo-${period}-${tenant}-${at}`,
        atMs: at + Math.floor(next() * 3_000_000),
        quantity: Math.round(tokensPerHour * daytime * (0.7 + 0.6 * next())),
        tenant,
        period,
      });
  }
  return events;
}

export async function seedDemoUsage(owner: OrgScope, now = new Date()): Promise<void> {
  const client = (await listOrgClients(owner)).find((c) => c.name === LAKESIDE);
  if (!client) throw new Error("demo client Lakeside Retail is missing");
  let newest = previousPeriodKey(periodKeyOf("month", now.getTime(), TIMEZONE));
  if (!isUsagePeriodClosed(newest, TIMEZONE, now.getTime())) newest = previousPeriodKey(newest);
  const older = previousPeriodKey(newest);
  const engagement = await createEngagement(owner, {
    clientId: client.id,
    title: "LLM gateway — usage billing",
    currency: "USD",
    feeMinor: 800_000,
    taxRateBp: 0,
    startDate: new Date(usagePeriodSpan(older, TIMEZONE).from).toISOString().slice(0, 10),
    milestones: [
      {
        key: "setup",
        title: "Gateway setup and tenant onboarding",
        kind: "standard",
        shareBp: 10_000,
        requirements: [],
      },
    ],
  });
  const meter = await createMeter(
    owner,
    engagement.id,
    {
      meter: "llm_tokens",
      unit: "token",
      period: "month",
      timezone: TIMEZONE,
      freeQuantity: 10_000,
      // USD 0.0001 per 1,000 tokens (0.01 cent) for the first 500 million billable, then 0.008 cent
      tiers: [
        { upTo: 500_000_000, priceMinor: 0.01, perQuantity: 1_000 },
        { upTo: null, priceMinor: 0.008, perQuantity: 1_000 },
      ],
    },
    new Date(usagePeriodSpan(older, TIMEZONE).from),
  );
  await storeUsageEventsFor(engagement.id, [...monthOfUsage(meter.id, older), ...monthOfUsage(meter.id, newest)]);
  await issueUsageInvoice(
    owner,
    { engagementId: engagement.id, period: older, idempotencyKey: `demo-usage-${older}` },
    pdfIssuer("en"),
    now,
  );
}
