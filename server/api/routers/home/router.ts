import { createTRPCRouter } from "../../trpc";
import { clientHomeProcedure } from "./client";
import { consultantHomeProcedure } from "./consultant";

export const homeRouter = createTRPCRouter({
  consultant: consultantHomeProcedure,
  client: clientHomeProcedure,
});
