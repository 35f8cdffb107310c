import { acknowledgeAdr } from "../../../data/adr/write";
import { portalProcedure } from "../../trpc";
import { ZAcknowledgeAdrInput, ZAcknowledgementOut } from "./adr.schema";

/** Approvers acknowledge an accepted ADR as read: the digest names the content they read. */
export const acknowledge = portalProcedure
  .input(ZAcknowledgeAdrInput)
  .output(ZAcknowledgementOut)
  .mutation(({ ctx, input }) => acknowledgeAdr(ctx.scope, input.adrId, input.contentSha256));
