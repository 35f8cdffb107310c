import { z } from "zod";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements/{id}/contracts: the engagement's maintenance contracts, each with its
// terms (their invoice and what was delivered in them) and the next renewal.

export const ZDeliveryOut = z.object({
  kind: z.enum(["release", "patch"]),
  name: z.string(),
  at: z.string(),
  sha256: z.string(),
  evidenceId: z.string(),
  milestoneId: z.string(),
});

export const ZTermOut = z.object({
  id: z.string(),
  index: z.number().int(),
  from: z.string(),
  to: z.string(),
  feeMinor: z.number().int().nullable(),
  invoice: z
    .object({ id: z.string(), number: z.string(), status: z.enum(["issued", "partially_paid", "paid", "void"]) })
    .nullable(),
  deliveries: z.array(ZDeliveryOut),
  upgradeAccess: z.object({ attestedAt: z.string(), by: z.string() }).nullable(),
  current: z.boolean(),
});

export const ZContractOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  currency: z.string(),
  termMonths: z.number().int(),
  startsOn: z.string(),
  feeMinor: z.number().int().nullable(),
  includes: z.string(),
  clauses: z.array(z.object({ id: z.string(), name: z.string() })),
  autoRenew: z.boolean(),
  noticeDays: z.number().int(),
  releaseTagPattern: z.string(),
  noticeGiven: z.boolean(),
  noticeGivenAt: z.string().nullable(),
  noticeGivenBy: z.string().nullable(),
  endsOn: z.string().nullable(),
  nextRenewal: z.object({ date: z.string(), noticeDate: z.string(), feeMinor: z.number().int().nullable() }).nullable(),
  terms: z.array(ZTermOut),
  revision: z.number().int(),
});
export const ZRestMaintenanceTerm = ZTermOut.extend({
  invoiceId: z.string().nullable().meta({ description: "The term's invoice, null until it is issued" }),
});

export const ZRestMaintenanceContract = ZContractOut.extend({
  terms: z.array(ZRestMaintenanceTerm),
});

export const ZRestMaintenanceContracts = z.array(ZRestMaintenanceContract).meta({
  description:
    "Oldest first. `nextRenewal` is null when the contract does not renew (auto-renew off or notice given); " +
    "a term's `deliveries` are the engagement's git tags (a tag matching `releaseTagPattern` is a release, " +
    "others patches) and SHA-256 files dated inside the term. Amounts in minor units of `currency`; null for a viewer of an engagement that hides amounts.",
});

export const maintenanceOperations: RestOperation[] = [
  {
    operationId: "listMaintenanceContracts",
    method: "get",
    path: "/api/v1/engagements/{id}/contracts",
    summary: "The engagement's maintenance contracts: terms, invoices, deliveries, next renewal",
    description: "For the organisation's consultants and the engagement's client users (approvers and viewers).",
    params: ZIdParams,
    responses: {
      "200": jsonResponse(ZRestMaintenanceContracts, "The contracts, a JSON array"),
      "400": refusalResponse("A bad id"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
];
