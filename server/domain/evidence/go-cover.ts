import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { forEachLine, type ByteSource } from "./stream";
import { figure, type CoverageFigure } from "./verdict";

// Go coverprofiles (`go test -coverprofile`, modes set/count/atomic). Statements are counted as
// `go tool cover -func` counts them: blocks at the same position are merged (counts added, or
// OR-ed in set mode), then a block's statements are covered when its count is above zero.

const BLOCK = /^(.+):(\d+)\.(\d+),(\d+)\.(\d+) (\d+) (\d+)$/;

export interface GoCoverTotals {
  mode: "set" | "count" | "atomic";
  statements: CoverageFigure | undefined;
  blocks: number;
}

export async function parseGoCover(source: ByteSource, limits: EvidenceLimits): Promise<GoCoverTotals> {
  let mode: GoCoverTotals["mode"] | null = null;
  const blocks = new Map<string, { statements: number; count: number }>();
  await forEachLine(source, limits, (text, number) => {
    const line = text.trim();
    if (line === "") return;
    if (line.startsWith("mode:")) {
      const value = line.slice(5).trim();
      if (value !== "set" && value !== "count" && value !== "atomic")
        throw new EvidenceInputError("MALFORMED", `unknown cover mode "${value}"`, number);
      if (mode && mode !== value)
        throw new EvidenceInputError("MALFORMED", `mode changes from ${mode} to ${value}`, number);
      mode = value;
      return;
    }
    if (!mode) throw new EvidenceInputError("MALFORMED", 'a coverprofile starts with "mode: set|count|atomic"', number);
    const match = BLOCK.exec(line);
    if (!match) throw new EvidenceInputError("MALFORMED", "expected file:line.col,line.col statements count", number);
    if (blocks.size >= limits.maxEntries)
      throw new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} blocks`, number);
    const key = `${match[1]}:${match[2]}.${match[3]},${match[4]}.${match[5]}`;
    const statements = Number(match[6]);
    const hits = Number(match[7]);
    const known = blocks.get(key);
    if (known && known.statements !== statements)
      throw new EvidenceInputError(
        "MALFORMED",
        `block ${key} has ${statements} statements here and ${known.statements} before`,
        number,
      );
    blocks.set(key, {
      statements,
      count: mode === "set" ? Math.max(known?.count ?? 0, hits) : (known?.count ?? 0) + hits,
    });
  });
  if (!mode) throw new EvidenceInputError("MALFORMED", 'no "mode:" line: this is not a Go coverprofile');
  let covered = 0;
  let total = 0;
  for (const block of blocks.values()) {
    total += block.statements;
    if (block.count > 0) covered += block.statements;
  }
  return { mode, statements: figure(covered, total), blocks: blocks.size };
}
