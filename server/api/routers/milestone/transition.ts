import { noticeDelivery } from "../../origin";
import { orgProcedure, portalProcedure } from "../../trpc";
import { runTransition } from "./run-transition";
import { ZTransitionInput, ZTransitionOut } from "./milestone.schema";

/** Consultant actions (start, submit, verify, invoice, cancel); others are refused as FORBIDDEN. */
export const transitionAsConsultant = orgProcedure
  .input(ZTransitionInput)
  .output(ZTransitionOut)
  .mutation(({ ctx, input }) => runTransition(ctx.scope, input, noticeDelivery(ctx)));

/** Client actions (approve, request changes); others are refused as FORBIDDEN. */
export const transitionAsClient = portalProcedure
  .input(ZTransitionInput)
  .output(ZTransitionOut)
  .mutation(({ ctx, input }) => runTransition(ctx.scope, input, noticeDelivery(ctx)));
