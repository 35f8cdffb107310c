import { ZMeterInput, type MeterInput } from "../../domain/usage/meter";
import { prisma } from "../prisma-client";
import { asTokenScope, type OrgScope, type TokenScope } from "../scope";
import { createMeter, type MeterView } from "./meters";

// Fixtures of the usage tests: the token meter, a meter back-dated so a test's clock may
// sit before the real one, and a pipeline token's scope for an engagement.

export const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
export const LAKESIDE = "Checkout latency review";
export const CONTOSO = "Claims platform performance audit";

/** The example: 10,000 tokens free, then 1 minor unit per 1,000 tokens up to 1,000,000, then half that. */
export const tokenMeter = (input: Partial<MeterInput> = {}): MeterInput =>
  ZMeterInput.parse({
    meter: "llm_tokens",
    unit: "token",
    period: "month",
    timezone: "Asia/Shanghai",
    freeQuantity: 10_000,
    tiers: [
      { upTo: 1_000_000, priceMinor: 1, perQuantity: 1_000 },
      { upTo: null, priceMinor: 0.5, perQuantity: 1_000 },
    ],
    ...input,
  });

/** A meter counting since `activeFrom` (tests run on their own clock). */
export async function meterSince(
  owner: OrgScope,
  engagementId: string,
  input: MeterInput,
  activeFrom = "2026-10-01T00:00:00Z",
): Promise<MeterView> {
  return createMeter(owner, engagementId, input, new Date(activeFrom));
}

export async function tokenScopeFor(engagementId: string): Promise<TokenScope> {
  const engagement = await prisma().engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: { organisationId: true },
  });
  return asTokenScope({
    organisationId: engagement.organisationId,
    engagementId,
    tokenId: `test-token-${engagementId}`,
  });
}

export async function storedUsage(
  engagementId: string,
): Promise<{ events: number; rollups: number; quantity: bigint }> {
  const [events, rollups] = await Promise.all([
    prisma().usageEvent.count({ where: { engagementId } }),
    prisma().usageRollup.aggregate({
      where: { meter: { engagementId } },
      _count: { _all: true },
      _sum: { quantity: true },
    }),
  ]);
  return { events, rollups: rollups._count._all, quantity: rollups._sum.quantity ?? 0n };
}

export interface UsageEventInput {
  meter: string;
  quantity: number;
  at: string;
  tenant?: string;
  idempotencyKey: string;
}

/** `count` events of one meter spread over [from, from + spanMs), keys prefixed, three tenants. */
export function eventsOf(
  meter: string,
  count: number,
  options: { prefix: string; from: string; spanMs: number; quantity?: number },
): UsageEventInput[] {
  const start = Date.parse(options.from);
  return Array.from({ length: count }, (_, index) => ({
    meter,
    quantity: options.quantity ?? 100 + (index % 7),
    at: new Date(start + Math.floor((index * options.spanMs) / count)).toISOString(),
    tenant: ["acme", "globex", "initech"][index % 3]!,
    idempotencyKey: `${options.prefix}-${index}`,
  }));
}
