import { z } from "zod";
import { listOrgClients } from "../../../data/client-read";
import { createTRPCRouter, orgProcedure } from "../../trpc";

export const listClients = orgProcedure.output(z.array(z.object({ id: z.string(), name: z.string() }))).query(({ ctx }) => listOrgClients(ctx.scope));

export const clientRouter = createTRPCRouter({ list: listClients });
