import { createMeter } from "../../../data/usage/meters";
import { orgProcedure } from "../../trpc";
import { ZCreateMeterInput, ZMeterOut } from "./usage.schema";

/** A usage meter of an engagement; a name already taken there is refused (DUPLICATE_METER). */
export const createMeterProcedure = orgProcedure
  .input(ZCreateMeterInput)
  .output(ZMeterOut)
  .mutation(({ ctx, input }) => createMeter(ctx.scope, input.engagementId, input.meter));
