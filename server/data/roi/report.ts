import type { Prisma } from "@prisma/client";
import { computeRoi, roiInputsHash } from "../../domain/roi/compute";
import type { RoiInputs } from "../../domain/roi/inputs";
import { pendingMonteCarlo, simulateRoi, simulationRunsAsJob } from "../../domain/roi/monte-carlo";
import type { MonteCarloSummary, RoiReport } from "../../domain/roi/report";
import { requestJob } from "../../jobs/process";
import { prisma } from "../prisma-client";
import type { ClientScope, OrgScope } from "../scope";
import { roiInputs, systemRoiInputs } from "./inputs";

// The engagement's ROI as the consultant reads it. A small model's Monte Carlo runs inline; a large
// one's (over ~200 ms) runs as the "roi-simulate" job and is read from its cache, keyed by the SHA-256
// of the inputs, so the read never computes it and never writes. Until the job has run, the interval
// is "pending" and every other figure is already there.

/** The cached simulation of exactly these inputs, if the job has stored it. */
async function cachedSimulation(
  organisationId: string,
  engagementId: string,
  inputsHash: string,
): Promise<MonteCarloSummary | null> {
  const row = await prisma().roiSimulation.findFirst({
    where: { organisationId, engagementId, inputsHash },
    select: { result: true },
  });
  return row ? (row.result as unknown as MonteCarloSummary) : null;
}

/** The Monte Carlo summary a read shows: inline, cached, or pending. */
export async function monteCarloFor(
  organisationId: string,
  engagementId: string,
  inputs: RoiInputs,
): Promise<MonteCarloSummary> {
  if (!simulationRunsAsJob(inputs)) return simulateRoi(inputs);
  return (await cachedSimulation(organisationId, engagementId, roiInputsHash(inputs))) ?? pendingMonteCarlo(inputs);
}

export async function engagementRoi(scope: OrgScope | ClientScope, engagementId: string): Promise<RoiReport> {
  const { inputs, systemMap } = await roiInputs(scope, engagementId);
  return computeRoi(inputs, systemMap, await monteCarloFor(scope.organisationId, engagementId, inputs));
}

/** Stores a simulation of `inputs` under their hash (idempotent: a second store of the same hash keeps the first). */
export async function storeRoiSimulation(
  organisationId: string,
  engagementId: string,
  inputs: RoiInputs,
  summary: MonteCarloSummary,
): Promise<void> {
  const inputsHash = roiInputsHash(inputs);
  await prisma().roiSimulation.upsert({
    where: { engagementId_inputsHash: { engagementId, inputsHash } },
    create: { organisationId, engagementId, inputsHash, result: summary as unknown as Prisma.InputJsonValue },
    update: {},
  });
}

/** The job's key: one simulation per engagement and inputs, however often it is asked for. */
export const roiSimulationKey = (engagementId: string, inputsHash: string) => `${engagementId}:${inputsHash}`;

/**
 * Queues the simulation of the engagement's current inputs when they make a large model not simulated
 * yet (true: queued). Called after the writes that change the inputs (settings, a planned month, debt
 * items, ADR P&L labels) and by the consultant's "run the simulation" for inputs changed elsewhere;
 * reads never queue it. Without a job runner in this process the job waits for one.
 */
export async function scheduleRoiSimulation(organisationId: string, engagementId: string): Promise<boolean> {
  const found = await systemRoiInputs(engagementId, organisationId);
  if (!found || !simulationRunsAsJob(found.inputs)) return false;
  const inputsHash = roiInputsHash(found.inputs);
  if (await cachedSimulation(found.organisationId, engagementId, inputsHash)) return false;
  await requestJob(
    "roi-simulate",
    { organisationId: found.organisationId, engagementId, inputsHash },
    roiSimulationKey(engagementId, inputsHash),
  );
  return true;
}

/**
 * The job's work: simulates the engagement's current inputs and stores the result under their hash.
 * Inputs that changed since the job was queued are simulated as they are now (the result is keyed by
 * what was simulated, so it is never filed under another hash).
 */
export async function runRoiSimulation(organisationId: string, engagementId: string): Promise<string | null> {
  const found = await systemRoiInputs(engagementId, organisationId);
  if (!found) return null;
  const inputsHash = roiInputsHash(found.inputs);
  if (await cachedSimulation(organisationId, engagementId, inputsHash)) return inputsHash;
  await storeRoiSimulation(organisationId, engagementId, found.inputs, simulateRoi(found.inputs));
  return inputsHash;
}
