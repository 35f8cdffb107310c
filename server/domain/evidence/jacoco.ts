import { EvidenceInputError, type EvidenceLimits } from "./errors";
import type { ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";
import { intAttribute, parseXml } from "./xml";

// JaCoCo XML: the report's own <counter> elements (direct children of <report>) hold the totals.
// Its DOCTYPE names report.dtd; nothing is fetched.

const METRICS: Record<string, string> = {
  INSTRUCTION: "instructions",
  BRANCH: "branches",
  LINE: "lines",
  METHOD: "methods",
};

export async function parseJacoco(
  source: ByteSource,
  limits: EvidenceLimits,
): Promise<Record<string, CoverageFigure | undefined>> {
  const totals: Record<string, CoverageFigure | undefined> = {};
  let sawReport = false;
  await parseXml(source, limits, {
    open(name, attributes, depth, line) {
      if (depth === 1) {
        if (name !== "report")
          throw new EvidenceInputError("MALFORMED", `root element <${name}> is not <report>`, line);
        sawReport = true;
      }
      if (depth === 2 && name === "counter") {
        const metric = METRICS[attributes.get("type") ?? ""];
        if (metric) {
          const covered = intAttribute(attributes, "covered", line);
          totals[metric] = figure(covered, covered + intAttribute(attributes, "missed", line));
        }
      }
    },
  });
  if (!sawReport) throw new EvidenceInputError("MALFORMED", "no <report> element");
  return totals;
}
