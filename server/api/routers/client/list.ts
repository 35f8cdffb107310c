import { listOrgClients } from "../../../data/client/list";
import { orgProcedure } from "../../trpc";
import { ZClientListOut } from "./client.schema";

export const listClients = orgProcedure.output(ZClientListOut).query(({ ctx }) => listOrgClients(ctx.scope));
