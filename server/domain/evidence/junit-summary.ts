// Figures a report declares besides its testcases: the counters on its root element, and the
// run summary node --test writes as closing comments. Testcases win wherever they speak; these
// only add what no testcase shows, and never make a run look better than its testcases do.

/** The counters on the root element, where it has them. */
export interface DeclaredTotals {
  tests?: number;
  failures?: number;
  errors?: number;
  skipped?: number;
}

/** node --test's own summary: `# tests`, `# pass`, `# fail`, `# cancelled`, `# skipped`, `# todo`. */
export interface NodeSummary {
  tests: number;
  pass: number;
  fail: number;
  cancelled: number;
  skipped: number;
  todo: number;
}

export const TAIL_BYTES = 1024;

/** Keeps the last TAIL_BYTES of a stream without holding more than two chunks' worth. */
export class Tail {
  private bytes = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    if (chunk.length >= TAIL_BYTES) {
      this.bytes = chunk.slice(chunk.length - TAIL_BYTES);
      return;
    }
    const keep = Math.min(this.bytes.length, TAIL_BYTES - chunk.length);
    const joined = new Uint8Array(keep + chunk.length);
    joined.set(this.bytes.subarray(this.bytes.length - keep));
    joined.set(chunk, keep);
    this.bytes = joined;
  }

  text(): string {
    return new TextDecoder("utf-8").decode(this.bytes);
  }
}

// Node's JUnit reporter ends the document with its run summary, one comment a figure, right
// before </testsuites>; only comments standing there (not inside any element) are read.
const CLOSING_COMMENTS = /((?:<!--[ \t]*[a-z_]+[ \t]+[0-9.]+[ \t]*-->\s*)+)<\/testsuites>\s*$/;
const COMMENT = /<!--[ \t]*([a-z_]+)[ \t]+([0-9.]+)[ \t]*-->/g;

export function nodeSummaryOf(tail: string): NodeSummary | null {
  const block = CLOSING_COMMENTS.exec(tail)?.[1];
  if (!block) return null;
  const figures = new Map<string, number>();
  for (const [, key, value] of block.matchAll(COMMENT))
    if (key && value && /^\d{1,9}$/.test(value)) figures.set(key, Number(value));
  const [tests, pass, fail, cancelled, skipped, todo] = ["tests", "pass", "fail", "cancelled", "skipped", "todo"].map(
    (key) => figures.get(key),
  );
  if (
    tests === undefined ||
    pass === undefined ||
    fail === undefined ||
    cancelled === undefined ||
    skipped === undefined ||
    todo === undefined
  )
    return null;
  return { tests, pass, fail, cancelled, skipped, todo };
}
