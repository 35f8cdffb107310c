import { z } from "zod";
import { MAX_EVENTS_PER_BATCH, ZUsageEvent } from "../../../domain/usage/events";
import { METER_PERIODS, ZMeterInput, ZTier } from "../../../domain/usage/meter";
import { ZUsagePeriod } from "../../../domain/usage/period";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// Usage metering over REST: an engagement's meters (POST/GET /api/v1/engagements/{id}/meters), a
// pipeline's usage events (POST /api/v1/usage, an engagement API token) and a period's usage report
// (GET /api/v1/engagements/{id}/usage?period=YYYY-MM).

/** 10,000 events of the longest names, tenants and keys fit, with room for spacing. */
export const MAX_USAGE_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_METER_BODY_BYTES = 64 * 1024;

export const ZMeterBody = ZMeterInput;

export const ZMeterResponse = z.object({
  id: z.string(),
  meter: z.string(),
  unit: z.string(),
  period: z.enum(METER_PERIODS),
  timezone: z.string().meta({ description: "IANA time zone the meter's months are counted in" }),
  freeQuantity: z.int().meta({ description: "given free each period, before the tiers" }),
  tiers: z.array(ZTier),
  activeFrom: z.iso.datetime().meta({ description: "events dated before this are refused" }),
  createdAt: z.iso.datetime(),
});
export const ZMeterListResponse = z.array(ZMeterResponse);

/** The body as documented: the handler counts the events first, then checks each (naming the first bad index). */
export const ZUsageBodyDocumented = z.strictObject({
  events: z.array(ZUsageEvent).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const ZUsageIngestResponse = z.object({
  accepted: z.int().meta({ description: "events stored by this request" }),
  replayed: z.int().meta({ description: "events whose idempotency key was seen before (or earlier in the batch)" }),
});

export const ZUsageQuery = z.strictObject({
  period: ZUsagePeriod.meta({ description: "a month, YYYY-MM, in each meter's time zone", example: "2026-11" }),
});

const ZTierUsage = z.object({
  upTo: z.int().nullable(),
  priceMinor: z.number().nullable(),
  perQuantity: z.int(),
  quantity: z.int().meta({ description: "billable quantity inside this tier" }),
  amountExact: z.string().nullable().meta({ description: "the tier's amount in minor units, exactly (a decimal)" }),
});

export const ZMeterUsage = z.object({
  meterId: z.string(),
  meter: z.string(),
  unit: z.string(),
  quantity: z.int(),
  freeQuantity: z.int().meta({ description: "the free quantity used this period" }),
  billableQuantity: z.int(),
  amountMinor: z.int().nullable().meta({
    description: "the exact sum of the tiers rounded once, half-up, to minor units; null: hidden from this viewer",
  }),
  amountExact: z.string().nullable(),
  tiers: z.array(ZTierUsage),
  byTenant: z.array(z.object({ tenant: z.string(), quantity: z.int() })),
  closed: z.boolean(),
  closesAt: z.iso.datetime().meta({ description: "the period's end in the meter's zone plus the 2-day grace" }),
  invoice: z.object({ id: z.string(), number: z.string() }).nullable(),
});

export const ZUsageReportResponse = z.object({
  engagementId: z.string(),
  period: z.string(),
  currency: z.string(),
  meters: z.array(ZMeterUsage),
  totalMinor: z.int().nullable(),
  amountsVisible: z.boolean().meta({ description: "false for a client's viewer of an engagement that hides amounts" }),
  closed: z.boolean().meta({ description: "every meter's period has closed: late events are refused" }),
});

export const usageOperations: RestOperation[] = [
  {
    operationId: "createMeter",
    method: "post",
    path: "/api/v1/engagements/{id}/meters",
    summary: "Define a usage meter: unit, monthly period in a time zone, free quantity, graduated tiers",
    description:
      "Tier bounds count the billable quantity (after the free quantity); each tier prices the quantity inside " +
      "it at priceMinor minor units per perQuantity units. The meter counts events from its creation on.",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZMeterBody } },
    responses: {
      "201": jsonResponse(ZMeterResponse, "The meter"),
      "400": refusalResponse("A bad id, or terms that do not hold (each problem named)"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("A client user: only consultants define meters"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
      "409": refusalResponse("DUPLICATE_METER: the engagement already has a meter of that name"),
      "413": refusalResponse("The body is too large"),
      "415": refusalResponse("The body is not sent as application/json"),
    },
  },
  {
    operationId: "listMeters",
    method: "get",
    path: "/api/v1/engagements/{id}/meters",
    summary: "The engagement's usage meters",
    description: "For the organisation's consultants and the engagement's client users.",
    params: ZIdParams,
    responses: {
      "200": jsonResponse(ZMeterListResponse, "The meters, by name"),
      "400": refusalResponse("A bad id"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
  {
    operationId: "postUsage",
    method: "post",
    path: "/api/v1/usage",
    summary: "Record usage events for the token's engagement",
    description:
      `At most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events per request. A batch is all or nothing: an ` +
      "unknown meter, a negative or fractional quantity, a bad time, a time more than 35 days ahead or before the " +
      "meter, or a period closed (its end plus 2 days) refuses the whole batch with 422, naming the first bad " +
      "event in `index` and in the reason; nothing is stored. An event whose idempotency key was seen (before, " +
      "or earlier in the batch) is skipped and counted in `replayed`. Order does not matter.",
    security: [{ bearerToken: [] }],
    requestBody: { content: { "application/json": ZUsageBodyDocumented } },
    responses: {
      "200": jsonResponse(ZUsageIngestResponse, "Recorded"),
      "400": refusalResponse("Not JSON, or not {events: [...]} with at least one event"),
      "401": refusalResponse("No valid API token"),
      "403": refusalResponse("A session: usage is recorded with an engagement API token only"),
      "413": refusalResponse(`More than ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events, or more than 5 MiB`),
      "415": refusalResponse("The body is not sent as application/json"),
      "422": refusalResponse(
        "UNPROCESSABLE: the first bad event, e.g. events[7]: quantity: zero or more (also as `index`: 7)",
      ),
    },
  },
  {
    operationId: "usageReport",
    method: "get",
    path: "/api/v1/engagements/{id}/usage",
    summary: "A period's usage per meter: quantity, free, billable, tiers, amount, per tenant",
    description: "For the organisation's consultants and the engagement's client users.",
    params: ZIdParams,
    query: ZUsageQuery,
    responses: {
      "200": jsonResponse(ZUsageReportResponse, "The period's usage"),
      "400": refusalResponse("A bad id or period"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
];
