import { createTRPCRouter } from "../../trpc";
import { attestAsConsultant } from "./attest";
import { runProbes } from "./run-probes";
import { reverifyEvidence } from "./reverify";
import { transitionAsConsultant } from "./transition";

export const milestoneRouter = createTRPCRouter({
  transition: transitionAsConsultant,
  runProbes,
  reverify: reverifyEvidence,
  attest: attestAsConsultant,
});
