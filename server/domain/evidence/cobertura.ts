import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { Float64Column, Int32Column } from "./growable";
import { LineBitmaps } from "./line-bitmaps";
import type { ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";
import { intAttribute, parseXml } from "./xml";

// Cobertura XML (coverage.py, gcovr, JaCoCo converted). The totals are the root counts the tool
// wrote (lines-covered/lines-valid, branches-covered/branches-valid); a report without them gets
// totals computed from its class <line> elements: each file line counted once (hit if any class of
// that file hit it), a branch line's conditions counted once with the largest figures reported.

const CONDITION = /\((\d+)\/(\d+)\)/;
const ROOT_COUNTS = ["lines-covered", "lines-valid", "branches-covered", "branches-valid"] as const;
// a branch entry packs line, covered and total conditions into one exactly representable double
const CONDITIONS = 2 ** 16;

type Totals = {
  lines?: CoverageFigure;
  branches?: CoverageFigure;
};

export async function parseCobertura(source: ByteSource, limits: EvidenceLimits): Promise<Totals> {
  let root: Record<string, string> | null = null;
  const stack: string[] = [];
  const files = new Map<string, number>();
  const lineBitmaps = new LineBitmaps();
  const branches = new BranchLines();
  let file = -1;
  // the tool's own root counts make per-line bookkeeping unnecessary
  let trackLines = true;
  await parseXml(source, limits, {
    open(name, attributes, depth, line) {
      stack[depth - 1] = name;
      if (depth === 1) {
        if (name !== "coverage")
          throw new EvidenceInputError("MALFORMED", `root element <${name}> is not <coverage>`, line);
        root = attributes.toRecord();
        trackLines = !ROOT_COUNTS.every((count) => root![count] !== undefined);
      }
      if (!trackLines) return;
      if (name === "class") {
        if (file !== -1) lineBitmaps.endRecord(file);
        const filename = attributes.get("filename") ?? attributes.get("name") ?? "";
        file = files.get(filename) ?? -1;
        if (file === -1) {
          file = lineBitmaps.newFile();
          files.set(filename, file);
        }
        branches.startClass(file);
      } else if (name === "line" && stack[depth - 2] === "lines" && stack[depth - 3] === "class") {
        // only a class's own <lines>, not the copies under <methods>
        const number = intAttribute(attributes, "number", line);
        if (number > 10_000_000)
          throw new EvidenceInputError("MALFORMED", `line number ${number} is beyond any source file`, line);
        lineBitmaps.add(number, intAttribute(attributes, "hits", line) > 0);
        if (attributes.get("branch") === "true") {
          const condition = CONDITION.exec(attributes.get("condition-coverage") ?? "");
          const covered = Number(condition?.[1] ?? 0);
          const total = Number(condition?.[2] ?? 0);
          if (covered > total || total >= CONDITIONS)
            throw new EvidenceInputError(
              "MALFORMED",
              `condition-coverage "${attributes.get("condition-coverage")}" is not (covered/total)`,
              line,
            );
          branches.add(number, covered, total);
        }
      }
    },
  });
  const attributes = root as Record<string, string> | null;
  if (!attributes) throw new EvidenceInputError("MALFORMED", "no <coverage> element");
  if (!trackLines) {
    const count = (name: string) => {
      const text = attributes[name] ?? "";
      if (!/^\d+$/.test(text))
        throw new EvidenceInputError("MALFORMED", `attribute ${name}="${text}" is not a whole number`, 1);
      return Number(text);
    };
    return {
      lines: figure(count("lines-covered"), count("lines-valid")),
      branches: figure(count("branches-covered"), count("branches-valid")),
    };
  }
  if (file !== -1) lineBitmaps.endRecord(file);
  let covered = 0;
  let total = 0;
  for (let f = 0; f < files.size; f += 1) {
    const [c, t] = lineBitmaps.count(f);
    covered += c;
    total += t;
  }
  const conditions = branches.totals(files.size);
  return { lines: figure(covered, total), branches: figure(conditions[0], conditions[1]) };
}

/**
 * Branch lines of every class, chained per file: a file described by several classes has each
 * line's conditions counted once, with the largest covered and total figures any class reported.
 */
class BranchLines {
  private readonly entries = new Float64Column();
  private readonly classStart = new Int32Column();
  private readonly classEnd = new Int32Column();
  private readonly previous = new Int32Column();
  private readonly lastClass = new Int32Column();
  private currentClass = -1;

  startClass(file: number): void {
    while (this.lastClass.length <= file) this.lastClass.push(-1);
    this.closeClass();
    this.currentClass = this.classStart.push(this.entries.length);
    this.classEnd.push(this.entries.length);
    this.previous.push(this.lastClass.at(file));
    this.lastClass.set(file, this.currentClass);
  }

  add(line: number, covered: number, total: number): void {
    this.entries.push((line * CONDITIONS + covered) * CONDITIONS + total);
  }

  /** [covered, total] conditions over all files. */
  totals(files: number): [number, number] {
    this.closeClass();
    let covered = 0;
    let total = 0;
    for (let file = 0; file < Math.min(files, this.lastClass.length); file += 1) {
      const packed: number[] = [];
      for (let c = this.lastClass.at(file); c !== -1; c = this.previous.at(c)) {
        for (let i = this.classStart.at(c); i < this.classEnd.at(c); i += 1) packed.push(this.entries.at(i));
      }
      if (packed.length === 0) continue;
      packed.sort((a, b) => a - b);
      let line = -1;
      let bestCovered = 0;
      let bestTotal = 0;
      for (const value of packed) {
        const entryLine = Math.floor(value / CONDITIONS / CONDITIONS);
        const entryCovered = Math.floor(value / CONDITIONS) % CONDITIONS;
        const entryTotal = value % CONDITIONS;
        if (entryLine !== line) {
          covered += bestCovered;
          total += bestTotal;
          line = entryLine;
          bestCovered = 0;
          bestTotal = 0;
        }
        bestCovered = Math.max(bestCovered, entryCovered);
        bestTotal = Math.max(bestTotal, entryTotal);
      }
      covered += bestCovered;
      total += bestTotal;
    }
    return [covered, total];
  }

  private closeClass(): void {
    if (this.currentClass !== -1) this.classEnd.set(this.currentClass, this.entries.length);
  }
}
