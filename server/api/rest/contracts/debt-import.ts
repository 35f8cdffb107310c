import { z } from "zod";
import { DEBT_IMPACTS, DEBT_STATUSES } from "../../../domain/debt/item";
import { SONAR_LIMITS } from "../../../domain/debt/sonarqube";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// POST /api/v1/engagements/{id}/debt/import: a SonarQube export (the JSON of api/issues/search or
// of api/measures/component) becomes debt items. The body is read by the SonarQube parser
// (server/domain/debt/sonarqube.ts), not by a zod schema: the documented body says what it reads.

export const MAX_DEBT_IMPORT_BYTES = SONAR_LIMITS.maxBytes;

const ZRange = z.object({ low: z.number(), likely: z.number(), high: z.number() });

export const ZRestDebtItem = z.object({
  id: z.string(),
  engagementId: z.string(),
  source: z.string().nullable().meta({ description: '"sonarqube:<rule key>" for an imported item' }),
  revision: z.int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  title: z.string(),
  description: z.string(),
  impact: z.enum(DEBT_IMPACTS),
  costPerQuarterMinor: ZRange.meta({ description: "integer minor units; 0 for a new import (the consultant sets it)" }),
  fixDays: ZRange.meta({ description: "working days (SonarQube's day: 8 hours), rounded up to 0.01" }),
  plAccount: z.string(),
  status: z.enum(DEBT_STATUSES),
  scheduledMonth: z.string().nullable(),
  fixedOn: z.string().nullable(),
  objectiveIds: z.array(z.string()),
  adrIds: z.array(z.string()),
  requirementIds: z.array(z.string()),
  componentId: z.string().nullable(),
});

export const ZDebtImportResponse = z.object({
  created: z.int(),
  updated: z.int().meta({ description: "items of a rule imported before: their effort replaced" }),
  unchanged: z.int().meta({ description: "items already holding the export's effort" }),
  skipped: z.int().meta({ description: "closed, resolved or accepted issues left out" }),
  items: z.array(ZRestDebtItem),
});
export type DebtImportResponse = z.infer<typeof ZDebtImportResponse>;

const ZSonarIssue = z.looseObject({
  rule: z.string(),
  component: z.string().optional(),
  severity: z.enum(["BLOCKER", "CRITICAL", "MAJOR", "MINOR", "INFO"]).optional(),
  impacts: z
    .array(
      z.looseObject({ softwareQuality: z.string(), severity: z.enum(["BLOCKER", "HIGH", "MEDIUM", "LOW", "INFO"]) }),
    )
    .optional(),
  effort: z.string().optional().meta({ description: 'SonarQube duration, e.g. "2h30min", "1d2h" (a day is 8 hours)' }),
  debt: z.string().optional().meta({ description: "the older name of effort" }),
  status: z.string().optional(),
  resolution: z.string().optional(),
  issueStatus: z.string().optional(),
});

/** The body as documented: either answer of SonarQube's web API. */
const ZSonarExportDocumented = z.union([
  z.looseObject({
    issues: z.array(ZSonarIssue).max(SONAR_LIMITS.maxIssues),
    rules: z.array(z.looseObject({ key: z.string(), name: z.string() })).optional(),
    components: z.array(z.looseObject({ key: z.string(), path: z.string().optional() })).optional(),
  }),
  z.looseObject({
    component: z.looseObject({
      key: z.string(),
      measures: z.array(z.looseObject({ metric: z.string(), value: z.string().optional() })),
    }),
  }),
]);

export const debtImportOperations: RestOperation[] = [
  {
    operationId: "importDebt",
    method: "post",
    path: "/api/v1/engagements/{id}/debt/import",
    summary: "Import technical debt from a SonarQube export (api/issues/search or api/measures/component)",
    description:
      "Open issues are grouped by rule into one debt item each, their effort summed (a SonarQube day is 8 hours) " +
      "and given in working days rounded up to 0.01. Closed, resolved and accepted issues are skipped and counted. " +
      "An issue's impact is its highest `impacts` severity, else its `severity`: BLOCKER → critical, CRITICAL or " +
      "HIGH → high, MAJOR or MEDIUM → medium, MINOR, LOW or INFO → low; an item takes the highest of its issues. " +
      "A measures answer gives one item from `sqale_index` (minutes), impact medium. A new item's cost per quarter " +
      "is 0: the consultant sets it. Importing a rule again replaces the effort of the item from the same rule and " +
      "keeps everything else. At most 10 MB (counted while the body streams), 50,000 issues and 500 rules; a " +
      "bad file stores nothing. A consultant's session only: an engagement's API token does not write the register.",
    security: [{ sessionCookie: [] }],
    params: ZIdParams,
    requestBody: { content: { "application/json": ZSonarExportDocumented } },
    responses: {
      "200": jsonResponse(ZDebtImportResponse, "Imported: the items created, updated or unchanged"),
      "400": refusalResponse("The engagement id is malformed"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("A client user: only consultants import debt"),
      "404": refusalResponse("No such engagement in the caller's organisation"),
      "413": refusalResponse("More than 10 MB or more than 50,000 issues"),
      "415": refusalResponse("The body is not sent as application/json"),
      "422": refusalResponse(
        "UNPROCESSABLE: not JSON, neither answer, or a bad issue; every reason names where, e.g. " +
          'issues[12].effort: "2x" is not a SonarQube duration',
      ),
    },
  },
];
