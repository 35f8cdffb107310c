import { createTRPCRouter } from "../../trpc";
import { getClient } from "./get";
import { inviteToClient } from "./invite";
import { listClients } from "./list";

export const clientRouter = createTRPCRouter({ list: listClients, get: getClient, invite: inviteToClient });
