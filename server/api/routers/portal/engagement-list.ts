import { z } from "zod";
import { listClientEngagements } from "../../../data/engagement/read";
import { portalProcedure } from "../../trpc";
import { presentForClient } from "./present";
import { ZPortalEngagementOut } from "./portal.schema";

export const listPortalEngagements = portalProcedure
  .output(z.array(ZPortalEngagementOut))
  .query(async ({ ctx }) => (await listClientEngagements(ctx.scope)).map((e) => presentForClient(ctx.scope, e)));
