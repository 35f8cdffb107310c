import { EvidenceInputError, type EvidenceLimits } from "./errors";
import type { ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";
import { intAttribute, parseXml } from "./xml";

// Cobertura XML (coverage.py, gcovr, JaCoCo converted). The totals are the root counts the tool
// wrote (lines-covered/lines-valid, branches-covered/branches-valid); a report without them gets
// totals computed from its class <line> elements, each file line counted once.

const CONDITION = /\((\d+)\/(\d+)\)/;

export async function parseCobertura(source: ByteSource, limits: EvidenceLimits): Promise<{ lines?: CoverageFigure; branches?: CoverageFigure }> {
  let root: Record<string, string> | null = null;
  const stack: string[] = [];
  let filename = "";
  const lines = new Map<string, { hit: boolean; covered: number; total: number }>();
  // the tool's own root counts make per-line bookkeeping unnecessary
  let trackLines = true;
  await parseXml(source, limits, {
    open(name, attributes, depth, line) {
      stack[depth - 1] = name;
      if (depth === 1) {
        if (name !== "coverage") throw new EvidenceInputError("MALFORMED", `root element <${name}> is not <coverage>`, line);
        root = attributes;
        trackLines = !["lines-covered", "lines-valid", "branches-covered", "branches-valid"].every((name) => attributes[name] !== undefined);
      }
      if (name === "class") filename = attributes.filename ?? attributes.name ?? "";
      // only a class's own <lines>, not the copies under <methods>
      if (trackLines && name === "line" && stack[depth - 2] === "lines" && stack[depth - 3] === "class") {
        const key = `${filename}:${intAttribute(attributes, "number", line)}`;
        const hit = intAttribute(attributes, "hits", line) > 0;
        const condition = attributes.branch === "true" ? CONDITION.exec(attributes["condition-coverage"] ?? "") : null;
        const known = lines.get(key);
        lines.set(key, {
          hit: hit || (known?.hit ?? false),
          covered: Math.max(Number(condition?.[1] ?? 0), known?.covered ?? 0),
          total: Math.max(Number(condition?.[2] ?? 0), known?.total ?? 0),
        });
      }
    },
  });
  const attributes = root as Record<string, string> | null;
  if (!attributes) throw new EvidenceInputError("MALFORMED", "no <coverage> element");
  const fromRoot = (covered: string, valid: string) =>
    attributes[covered] !== undefined && attributes[valid] !== undefined ? figure(intAttribute(attributes, covered, 1), intAttribute(attributes, valid, 1)) : null;
  const values = [...lines.values()];
  return {
    lines: fromRoot("lines-covered", "lines-valid") ?? figure(values.filter((l) => l.hit).length, values.length),
    branches: fromRoot("branches-covered", "branches-valid") ?? figure(values.reduce((s, l) => s + l.covered, 0), values.reduce((s, l) => s + l.total, 0)),
  };
}
