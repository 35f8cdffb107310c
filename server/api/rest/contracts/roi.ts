import { z } from "zod";
import { DEBT_IMPACTS } from "../../../domain/debt/item";
import { ZLocale } from "../../../domain/locale";
import { ZIdParams, fileResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements/{id}/roi (JSON, or the cash flows as CSV) and /roi/report (PDF). The body's
// field names are a contract with the client's finance system (server/domain/roi/report.ts).

const minor = (description: string) => z.int().meta({ description: `${description}, integer minor units` });

export const ZCashFlow = z.object({
  month: z.int().min(0).meta({ description: "months from the engagement's start month (month 0)" }),
  investmentMinor: minor("what the client pays in the month"),
  benefitMinor: minor("what the client avoids or gains in the month"),
  netMinor: minor("benefit − investment"),
});

const ZHistogramBin = z.object({ fromMinor: z.int(), toMinor: z.int(), count: z.int() });

export const ZMonteCarlo = z.looseObject({
  status: z.enum(["ready", "pending"]).meta({ description: "pending while a large model's simulation runs" }),
  seed: z.int().meta({ description: "the generator's seed: the same seed gives identical figures" }),
  draws: z.int(),
  npvP10Minor: z.int().nullable(),
  npvP50Minor: z.int().nullable(),
  npvP90Minor: z.int().nullable(),
  probabilityPositive: z.number().min(0).max(1).nullable().meta({ description: "share of draws with NPV > 0" }),
  histogram: z.array(ZHistogramBin),
});

export const ZDebtFigures = z.object({
  id: z.string(),
  title: z.string(),
  impact: z.enum(DEBT_IMPACTS),
  costPerQuarterMinor: minor("likely cost per quarter"),
  fixDays: z.number().meta({ description: "likely days to fix" }),
  fixCostMinor: z.int().nullable().meta({ description: "likely days × day rate; null until the day rate is set" }),
  costOfDelayPerWeekMinor: minor("likely cost per quarter / 13"),
  paybackWeeks: z.number().nullable(),
  wsjf: z.number().meta({ description: "cost of delay per week / likely days: highest first" }),
  plAccount: z.string(),
});

/** The ROI answer; the inputs and the system map it was computed from travel with it. */
export const ZRoiReport = z.looseObject({
  currency: z.string().length(3),
  discountRate: z.number().meta({ description: "annual, e.g. 0.08" }),
  horizonMonths: z.int(),
  cashFlows: z.array(ZCashFlow),
  npvMinor: minor("net present value"),
  irrAnnual: z.number().nullable().meta({ description: "annualised; null when the net flows never change sign" }),
  paybackMonth: z.int().nullable().meta({ description: "first month whose cumulative net is ≥ 0" }),
  monteCarlo: ZMonteCarlo,
  debt: z.array(ZDebtFigures).meta({ description: "ranked by WSJF, highest first" }),
  inputs: z.looseObject({}).meta({ description: "the assumptions: rates, seed, ranges, months" }),
  systemMap: z.looseObject({}).meta({ description: "components, dependencies and the money attached to each" }),
});

export const ZRoiQuery = z.strictObject({
  format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
});

export const ZRoiReportQuery = z.strictObject({
  lang: ZLocale.optional().meta({
    description: "the PDF's language; a consultant's default is the organisation's, a client gets the shared copy",
  }),
});

const access =
  "Consultants of the organisation get the figures as they are now. The engagement's client users get the " +
  "report the consultant last shared (404 until one is shared, and for a viewer when the engagement hides " +
  "amounts from viewers).";

export const roiOperations: RestOperation[] = [
  {
    operationId: "getRoi",
    method: "get",
    path: "/api/v1/engagements/{id}/roi",
    summary: "The engagement's ROI: cash flows, NPV, IRR, payback, the Monte Carlo interval and the priced debt",
    description: `${access} \`?format=csv\` answers the cash flows (month,investmentMinor,benefitMinor,netMinor).`,
    params: ZIdParams,
    query: ZRoiQuery,
    responses: {
      "200": {
        description: "The ROI report, or its cash flows as CSV",
        content: { "application/json": ZRoiReport, "text/csv": z.string() },
      },
      "400": refusalResponse("A bad id or format"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, one the caller may not see, or (for a client) nothing shared"),
    },
  },
  {
    operationId: "getRoiReport",
    method: "get",
    path: "/api/v1/engagements/{id}/roi/report",
    summary: "The ROI report as PDF (English or Simplified Chinese)",
    description:
      `${access} A consultant gets a fresh rendering; a client gets the stored bytes of the shared report, ` +
      "whose SHA-256 is the ETag.",
    params: ZIdParams,
    query: ZRoiReportQuery,
    responses: {
      "200": fileResponse("application/pdf", "A PDF"),
      "400": refusalResponse("A bad id or language"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, one the caller may not see, or (for a client) nothing shared"),
    },
  },
];
