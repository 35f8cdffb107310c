import { z } from "zod";
import { runRoiSimulation } from "../../data/roi/report";
import { defineJob } from "../definition";

// The Monte Carlo of a large ROI model, off the request path: queued once per engagement and inputs
// hash (server/data/roi/report.ts), stored as RoiSimulation under the hash the read looks for.

export const roiSimulate = defineJob({
  data: z.object({ organisationId: z.string(), engagementId: z.string(), inputsHash: z.string() }),
  queue: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 600 },
  async handle(data) {
    await runRoiSimulation(data.organisationId, data.engagementId);
  },
});
