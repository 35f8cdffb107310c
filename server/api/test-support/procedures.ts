import type { AnyProcedure } from "@trpc/server";
import type { z } from "zod";
import type { ServicePackageFieldsInput } from "../../domain/proposal/package";
import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { appRouter, createCaller } from "../root";
import type { Context, Meta } from "../trpc";

// Enumerates the router itself (never a hand-kept list) and builds inputs from each procedure's
// zod input schema, so a new procedure is covered by the access suites the moment it exists.

export interface ProcedureInfo {
  path: string;
  type: "query" | "mutation" | "subscription";
  area: NonNullable<Meta["area"]> | "public";
  /** entity types of the id fields in the input (`id` means the procedure's own entity) */
  idEntities: string[];
  input: z.ZodType | undefined;
  hasOutputSchema: boolean;
}

export function listProcedures(): ProcedureInfo[] {
  // at run time a flat record keyed by dotted path
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const def = procedure._def as unknown as {
      type: ProcedureInfo["type"];
      meta?: Meta;
      inputs: z.ZodType[];
      output?: z.ZodType;
    };
    const input = def.inputs[0];
    return {
      path,
      type: def.type,
      area: def.meta?.area ?? "public",
      idEntities: idFields(path, input).map((f) => f.entity),
      input,
      hasOutputSchema: def.output !== undefined,
    };
  });
}

/** The entity a procedure acts on: the path segment before the operation ("portal.engagement.get" -> engagement). */
export function ownEntity(path: string): string {
  const segments = path.split(".");
  return segments[segments.length - 2] ?? segments[0] ?? "";
}

const NOT_REFERENCES = new Set(["taxId"]);

function idFields(path: string, schema: z.ZodType | undefined): { field: string; entity: string }[] {
  const shape = objectShape(schema);
  if (!shape) return [];
  return (
    Object.keys(shape)
      // a tax id is a value the caller types, not a reference to a row
      .filter((key) => (key === "id" || key.endsWith("Id")) && !NOT_REFERENCES.has(key))
      .map((key) => ({ field: key, entity: key === "id" ? ownEntity(path) : key.slice(0, -2) }))
  );
}

type ZodDef = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  entries?: Record<string, unknown>;
  options?: z.ZodType[];
};
const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

function objectShape(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  return def.type === "object" ? def.shape : undefined;
}

/**
 * Inputs whose validity spans fields (shares summing to 100%) cannot be derived from the schema
 * alone; these procedures get a valid example here. Every other input is generated.
 */
const examplePlan = (clientId: string | undefined) => ({
  clientId,
  title: "Example",
  currency: "EUR",
  feeMinor: 1_000,
  taxRateBp: 0,
  startDate: "2026-12-01",
  milestones: [{ key: "all", title: "All", kind: "standard", shareBp: 10_000, requirements: [] }],
});

/** A proposal draft from the access suites' package, valid from today for a week. */
export const exampleProposalDraft = (ids: Record<string, string>) => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    clientId: ids.client!,
    packageId: ids.package!,
    title: "Access check proposal",
    taxRateBp: 0,
    startDate: day(1),
    validUntil: day(7),
  };
};

const CROSS_FIELD_EXAMPLES: Record<string, (ids: Record<string, string>) => unknown> = {
  "proposal.create": (ids) => exampleProposalDraft(ids),
  "proposal.revise": (ids) => ({ proposalId: ids.proposal, draft: exampleProposalDraft(ids) }),
  "servicePackage.create": () => ({ fields: EXAMPLE_PACKAGE_FIELDS }),
  "servicePackage.edit": (ids) => ({ packageId: ids.package, revision: 1, fields: EXAMPLE_PACKAGE_FIELDS }),
  "servicePackage.quote": (ids) => ({ packageId: ids.package, quantities: {} }),
  "maintenance.update": (ids) => ({
    contractId: ids.contract,
    revision: 1,
    fields: { startsOn: "2026-06-01", feeMinor: 1_000 },
  }),
  "engagement.create": (ids) => examplePlan(ids.client),
  "engagement.updatePlan": (ids) => ({ engagementId: ids.engagement, plan: examplePlan(ids.client) }),
  "client.invite": (ids) => ({ clientId: ids.client, email: "access-check@example.test", role: "viewer" }),
  "team.invite": () => ({ email: "access-check@example.test" }),
  "invoice.issue": (ids) => ({
    engagementId: ids.engagement,
    milestoneIds: [ids.milestone],
    idempotencyKey: "access-check-issue",
  }),
  "invoice.recordPayment": (ids) => ({
    invoiceId: ids.invoice,
    amountMinor: 1,
    paidOn: "2026-12-01",
    method: "wire",
    reference: "",
  }),
  "adr.create": (ids) => ({ engagementId: ids.engagement, draft: EXAMPLE_ADR_DRAFT }),
  "adr.edit": (ids) => ({ adrId: ids.adr, revision: 1, draft: EXAMPLE_ADR_DRAFT }),
  "adr.supersede": (ids) => ({ adrId: ids.adr, draft: EXAMPLE_ADR_DRAFT }),
  "adr.linkValidation": (ids) => ({ adrId: ids.adr, target: null }),
  "portal.adr.acknowledge": (ids) => ({ adrId: ids.adr, contentSha256: "0".repeat(64) }),
  "sla.create": (ids) => ({ engagementId: ids.engagement, terms: EXAMPLE_SLA_TERMS }),
  "sla.edit": (ids) => ({ clauseId: ids.clause, terms: EXAMPLE_SLA_TERMS }),
  "sla.compliance": (ids) => ({ engagementId: ids.engagement, period: "2026-11" }),
  "portal.sla.compliance": (ids) => ({ engagementId: ids.engagement, period: "2026-11" }),
  "sla.issueCreditNote": (ids) => ({ engagementId: ids.engagement, period: "2026-11" }),
  "debt.create": (ids) => ({ engagementId: ids.engagement, fields: EXAMPLE_DEBT_FIELDS }),
  "debt.edit": (ids) => ({ debtItemId: ids.debtItem, expectedRevision: 1, fields: EXAMPLE_DEBT_FIELDS }),
  "systemMap.addDependency": (ids) => ({ fromId: ids.component, toId: ids.otherComponent }),
  "systemMap.removeDependency": (ids) => ({ fromId: ids.component, toId: ids.otherComponent }),
  "systemMap.attach": (ids) => ({ kind: "debt", id: ids.debtItem, componentId: ids.component }),
  "roi.planMilestone": (ids) => ({ milestoneId: ids.milestone, month: "2026-12" }),
  // a name that never resolves: the engagement is checked before anything is probed
  "healthCheck.run": (ids) => ({ engagementId: ids.engagement, baseUrl: "https://health-check.invalid" }),
  "usage.meter.create": (ids) => ({ engagementId: ids.engagement, meter: { ...EXAMPLE_METER, meter: "access_check" } }),
  "usage.report": (ids) => ({ engagementId: ids.engagement, period: "2026-11" }),
  "usage.invoice": (ids) => ({ engagementId: ids.engagement, period: "2026-11" }),
  "portal.usage.report": (ids) => ({ engagementId: ids.engagement, period: "2026-11" }),
  "sla.uploadMeasurements": (ids) => ({
    clauseId: ids.clause,
    format: "csv",
    text: "at,errors,requests\n2026-11-10T09:01:00Z,1,100\n",
    idempotencyKey: "access-check-upload",
  }),
};

/** An error-rate clause whose trigger fires on a window above 12 %: the access suites' clause and action item. */
export const EXAMPLE_SLA_TERMS: SlaClauseTermsInput = {
  title: "Access check error rate",
  metric: "error_rate",
  comparator: "lte",
  target: 1,
  unit: "%",
  windowMinutes: 5,
  period: "month",
  credit: { type: "per_incident", perBreachedWindowMinor: 100, capPerIncidentMinor: 1_000 },
  triggers: [{ when: "above", value: 12, forMinutes: 5, action: "Joint load test" }],
};

/** The access suites' usage meter: 10,000 tokens free, then 1 minor unit per 1,000. */
export const EXAMPLE_METER = {
  meter: "access_tokens",
  unit: "token",
  period: "month" as const,
  timezone: "UTC",
  freeQuantity: 10_000,
  tiers: [{ upTo: null, priceMinor: 1, perQuantity: 1_000 }],
};

/** A fixed-price package of one milestone: the access suites' package. */
export const EXAMPLE_PACKAGE_FIELDS: ServicePackageFieldsInput = {
  name: "Access check package",
  business: "audit_performance",
  tier: "custom",
  currency: "EUR",
  pricing: { type: "fixed", amountMinor: 1_000 },
  milestones: [{ key: "all", title: "All", kind: "standard", shareBp: 10_000, requirements: [] }],
};

const EXAMPLE_DEBT_FIELDS = { title: "Access check", impact: "low", costPerQuarterMinor: 1, fixDays: 1 };

const EXAMPLE_ADR_DRAFT = {
  title: "Access check",
  date: "2026-12-01",
  deciders: [],
  context: "",
  decisionDrivers: [],
  consideredOptions: [],
  decisionOutcome: "",
  consequences: "",
  validation: "",
};

/** A valid value for a schema; id fields take the given ids by entity type. */
export function sampleInput(path: string, schema: z.ZodType | undefined, ids: Record<string, string>): unknown {
  const example = CROSS_FIELD_EXAMPLES[path];
  if (example) return example(ids);
  if (!schema) return undefined;
  const shape = objectShape(schema);
  if (!shape) return sampleValue(schema);
  const entityOf = new Map(idFields(path, schema).map((f) => [f.field, f.entity]));
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const entity = entityOf.get(key);
    if (entity) {
      const id = ids[entity];
      if (!id)
        throw new Error(`no fixture id for entity "${entity}" (procedure ${path}); add one to the suite's id map`);
      value[key] = id;
    } else if (defOf(field).type !== "optional") {
      value[key] = sampleValue(field);
    }
  }
  return value;
}

function sampleValue(schema: z.ZodType): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return "sample";
    case "number":
    case "int":
      return 1;
    case "boolean":
      return false;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "nullable":
    case "default":
    case "optional":
      return def.innerType ? sampleValue(def.innerType) : null;
    case "array":
      return [];
    case "object":
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, sampleValue(v)]));
    case "union":
      return def.options?.[0] ? sampleValue(def.options[0]) : null;
    default:
      throw new Error(`sampleValue: unsupported schema type ${def.type}`);
  }
}

/** Calls a procedure by its dotted path through a server-side caller. */
export function callProcedure(ctx: Context, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(ctx) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}
