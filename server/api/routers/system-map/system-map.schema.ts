import { z } from "zod";
import { COMPONENT_KINDS } from "../../../domain/roi/system-map";
import { ZEntityId } from "../../../domain/schemas";

const componentFields = {
  name: z.string().trim().min(1).max(120),
  kind: z.enum(COMPONENT_KINDS),
  /** the milestones whose fees pay for work on it (same engagement) */
  milestoneIds: z.array(ZEntityId).max(100).default([]),
};

const ZChoice = z.object({ id: z.string(), title: z.string(), componentId: z.string().nullable() });

export const ZSystemMapOut = z.object({
  components: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(COMPONENT_KINDS),
      costOfDelayPerQuarterMinor: z.number(),
      feesMinor: z.number(),
      debtItemIds: z.array(z.string()),
      slaClauseIds: z.array(z.string()),
      objectiveIds: z.array(z.string()),
    }),
  ),
  dependencies: z.array(z.object({ fromId: z.string(), toId: z.string(), label: z.string() })),
  /** what may be put on the map, each with the component it is on */
  choices: z.object({
    debtItems: z.array(ZChoice),
    slaClauses: z.array(ZChoice),
    objectives: z.array(ZChoice),
    milestones: z.array(z.object({ id: z.string(), title: z.string(), amountMinor: z.number() })),
  }),
});

export const ZComponentOut = z.object({
  id: z.string(),
  engagementId: z.string(),
  name: z.string(),
  kind: z.enum(COMPONENT_KINDS),
  milestoneIds: z.array(z.string()),
});

export const ZDependencyOut = z.object({ fromId: z.string(), toId: z.string(), label: z.string() });
export const ZDoneOut = z.object({ ok: z.literal(true) });

export const ZSystemMapInput = z.strictObject({ engagementId: ZEntityId });
export const ZCreateComponentInput = z.strictObject({ engagementId: ZEntityId, ...componentFields });
export const ZEditComponentInput = z.strictObject({ componentId: ZEntityId, ...componentFields });
export const ZComponentInput = z.strictObject({ componentId: ZEntityId });
/** `from` calls or reads `to` */
export const ZAddDependencyInput = z.strictObject({
  fromId: ZEntityId,
  toId: ZEntityId,
  label: z.string().trim().max(120).default(""),
});
export const ZRemoveDependencyInput = z.strictObject({ fromId: ZEntityId, toId: ZEntityId });
export const ZAttachInput = z.strictObject({
  kind: z.enum(["debt", "sla_clause", "objective"]),
  id: ZEntityId,
  /** null takes it off the map */
  componentId: ZEntityId.nullable(),
});
