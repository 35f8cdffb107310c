import { createTRPCRouter } from "../../trpc";
import { createToken } from "./create";
import { listTokens } from "./list";
import { revokeToken } from "./revoke";

export const apiTokenRouter = createTRPCRouter({ create: createToken, list: listTokens, revoke: revokeToken });
