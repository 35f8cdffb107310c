import { createTRPCRouter } from "../../trpc";
import { deactivate } from "./deactivate";

export const clientUserRouter = createTRPCRouter({ deactivate });
