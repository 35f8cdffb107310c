import type { RoiInputs } from "@/server/domain/roi/inputs";
import type { RoiReport } from "@/server/domain/roi/report";
import type { SystemMapView } from "@/server/domain/roi/system-map";

/**
 * The procedures' output schema keeps `inputs` and `systemMap` open (the REST document describes
 * them loosely); their values are the engine's RoiInputs and SystemMapView, which the pages read.
 */
export function asRoiReport<T extends Omit<RoiReport, "inputs" | "systemMap"> & { inputs: object; systemMap: object }>(
  out: T,
): RoiReport {
  return { ...out, inputs: out.inputs as RoiInputs, systemMap: out.systemMap as SystemMapView };
}
