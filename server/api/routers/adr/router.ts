import { z } from "zod";
import { ADR_STATUSES } from "../../../domain/adr/adr";
import { ZAdrDraft } from "../../../domain/adr/draft";
import { adrHistory, adrValidationTargets, listEngagementAdrs } from "../../../data/adr-read";
import { acknowledgeAdr, createAdr, editAdr, linkAdrValidation, setAdrStatus, supersedeAdr } from "../../../data/adr-write";
import { createTRPCRouter, notFound, orgProcedure, portalProcedure } from "../../trpc";
import { ZAdrOut, ZAdrRevisionOut } from "./adr.schema";
import { answeringRefusals } from "../../refusals";

const ZId = z.string().trim().min(1).max(64);
const ZEngagementInput = z.strictObject({ engagementId: ZId });
const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 is 64 lowercase hex digits");

const answer = <T>(work: () => Promise<T>) => answeringRefusals(work);

export const adrRouter = createTRPCRouter({
  list: orgProcedure
    .input(ZEngagementInput)
    .output(z.array(ZAdrOut))
    .query(async ({ ctx, input }) => {
      const found = await listEngagementAdrs(ctx.scope, input.engagementId);
      if (!found) throw notFound("Engagement");
      return found.adrs;
    }),
  create: orgProcedure
    .input(z.strictObject({ engagementId: ZId, status: z.enum(["proposed", "accepted"]).default("proposed"), draft: ZAdrDraft }))
    .output(z.object({ id: z.string(), number: z.number().int() }))
    .mutation(({ ctx, input }) => answer(async () => {
      const row = await createAdr(ctx.scope, input.engagementId, input.draft, input.status);
      return { id: row.id, number: row.number };
    })),
  /** A proposed ADR's content; `revision` is the one the edit was made on. */
  edit: orgProcedure
    .input(z.strictObject({ adrId: ZId, revision: z.number().int().min(1), draft: ZAdrDraft }))
    .output(z.object({ revision: z.number().int(), contentSha256: z.string() }))
    .mutation(({ ctx, input }) => answer(() => editAdr(ctx.scope, input.adrId, input.revision, input.draft))),
  setStatus: orgProcedure
    .input(z.strictObject({ adrId: ZId, status: z.enum(ADR_STATUSES) }))
    .output(z.object({ status: z.enum(ADR_STATUSES) }))
    .mutation(({ ctx, input }) => answer(() => setAdrStatus(ctx.scope, input.adrId, input.status))),
  /** Records the ADR that replaces an accepted one; both link to each other. */
  supersede: orgProcedure
    .input(z.strictObject({ adrId: ZId, draft: ZAdrDraft }))
    .output(z.object({ id: z.string(), number: z.number().int() }))
    .mutation(({ ctx, input }) => answer(() => supersedeAdr(ctx.scope, input.adrId, input.draft))),
  linkValidation: orgProcedure
    .input(z.strictObject({ adrId: ZId, target: z.discriminatedUnion("kind", [z.strictObject({ kind: z.literal("requirement"), id: ZId }), z.strictObject({ kind: z.literal("sla"), id: ZId })]).nullable() }))
    .output(z.null())
    .mutation(({ ctx, input }) => answer(async () => (await linkAdrValidation(ctx.scope, input.adrId, input.target), null))),
  validationTargets: orgProcedure
    .input(ZEngagementInput)
    .output(z.array(z.object({ kind: z.enum(["requirement", "sla"]), id: z.string(), label: z.string() })))
    .query(async ({ ctx, input }) => {
      const targets = await adrValidationTargets(ctx.scope, input.engagementId);
      if (!targets) throw notFound("Engagement");
      return targets;
    }),
  history: orgProcedure
    .input(z.strictObject({ adrId: ZId }))
    .output(z.array(ZAdrRevisionOut))
    .query(async ({ ctx, input }) => {
      const history = await adrHistory(ctx.scope, input.adrId);
      if (!history) throw notFound("ADR");
      return history;
    }),
});

/** Clients read the accepted ADRs of their own engagements. */
export const portalAdrRouter = createTRPCRouter({
  list: portalProcedure
    .input(ZEngagementInput)
    .output(z.array(ZAdrOut.strict()))
    .query(async ({ ctx, input }) => {
      const found = await listEngagementAdrs(ctx.scope, input.engagementId);
      if (!found) throw notFound("Engagement");
      return found.adrs;
    }),
  /** Approvers acknowledge an accepted ADR as read: the digest names the content they read. */
  acknowledge: portalProcedure
    .input(z.strictObject({ adrId: ZId, contentSha256: ZSha256 }))
    .output(z.object({ contentSha256: z.string(), acknowledgedAt: z.string() }))
    .mutation(({ ctx, input }) => answer(() => acknowledgeAdr(ctx.scope, input.adrId, input.contentSha256))),
});
