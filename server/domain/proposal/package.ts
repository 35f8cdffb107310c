import { z } from "zod";
import { ZCurrency } from "../currency";
import { ZPlannedMilestone } from "../engagement-plan";
import { BASIS_POINTS_TOTAL } from "../money";
import { ZSlaClauseTerms } from "../sla/terms";
import { ZPricingRule } from "./pricing";

// A service package, written once: the field guide's three businesses and three tiers, a template
// of milestones (shares summing to 100%, each with its gate), SLA clauses, and a pricing rule.

export const SERVICE_BUSINESSES = ["saas_subscription", "private_deployment", "audit_performance"] as const;
export const ZServiceBusiness = z.enum(SERVICE_BUSINESSES);
export type ServiceBusiness = z.infer<typeof ZServiceBusiness>;

export const SERVICE_TIERS = ["open_source", "custom", "maintenance"] as const;
export const ZServiceTier = z.enum(SERVICE_TIERS);
export type ServiceTier = z.infer<typeof ZServiceTier>;

/** A package milestone is an engagement plan's milestone (key, title, kind, share, gate requirements). */
export const ZPackageMilestone = ZPlannedMilestone;

export const ZPackageMilestones = z
  .array(ZPackageMilestone)
  .min(1)
  .max(20)
  .superRefine((milestones, ctx) => {
    const total = milestones.reduce((sum, m) => sum + m.shareBp, 0);
    if (total !== BASIS_POINTS_TOTAL)
      ctx.addIssue({ code: "custom", path: [], message: `shares sum to ${total / 100}%, not 100%` });
    const keys = milestones.map((m) => m.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index)
        ctx.addIssue({ code: "custom", path: [index, "key"], message: `key "${key}" is used twice` });
    });
  });

export const ZServicePackageFields = z.strictObject({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).default(""),
  business: ZServiceBusiness,
  tier: ZServiceTier,
  currency: ZCurrency,
  pricing: ZPricingRule,
  milestones: ZPackageMilestones,
  slaClauses: z.array(ZSlaClauseTerms).max(20).default([]),
});
export type ServicePackageFields = z.infer<typeof ZServicePackageFields>;
export type ServicePackageFieldsInput = z.input<typeof ZServicePackageFields>;

export interface ServicePackageView extends ServicePackageFields {
  id: string;
  revision: number;
  archived: boolean;
  /** proposals made from it (a package with proposals is archived, never deleted) */
  proposalCount: number;
  updatedAt: string;
}
