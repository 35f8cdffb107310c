import { systemMap } from "../../../data/roi/system-map";
import { systemMapChoices } from "../../../data/roi/system-map-choices";
import { orgProcedure } from "../../trpc";
import { ZSystemMapInput, ZSystemMapOut } from "./system-map.schema";

export const getSystemMap = orgProcedure
  .input(ZSystemMapInput)
  .output(ZSystemMapOut)
  .query(async ({ ctx, input }) => ({
    ...(await systemMap(ctx.scope, input.engagementId)),
    choices: await systemMapChoices(ctx.scope, input.engagementId),
  }));
