import { createTRPCRouter } from "../../trpc";
import { summary } from "./summary";

export const cashRouter = createTRPCRouter({ summary });
