import { createTRPCRouter } from "../../trpc";
import { transitionAsConsultant } from "./transition";

export const milestoneRouter = createTRPCRouter({ transition: transitionAsConsultant });
