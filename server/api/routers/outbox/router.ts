import { createTRPCRouter } from "../../trpc";
import { list } from "./list";

export const outboxRouter = createTRPCRouter({ list });
