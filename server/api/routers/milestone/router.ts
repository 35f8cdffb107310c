import { createTRPCRouter } from "../../trpc";
import { checkGitTags } from "./check-git-tags";
import { transitionAsConsultant } from "./transition";

export const milestoneRouter = createTRPCRouter({ transition: transitionAsConsultant, checkGitTags });
