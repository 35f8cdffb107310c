import { createTRPCRouter } from "../../trpc";
import { checkGitTags } from "./check-git-tags";
import { reverifyEvidence } from "./reverify";
import { transitionAsConsultant } from "./transition";

export const milestoneRouter = createTRPCRouter({ transition: transitionAsConsultant, checkGitTags, reverify: reverifyEvidence });
