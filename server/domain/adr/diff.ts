import { DRAFT_FIELDS, fieldLines, type AdrDraft, type DraftField } from "./draft";

// Line diffs between two revisions of an ADR, field by field, by longest common subsequence.
// Fields are bounded (20,000 characters), but a pathological pair is still capped: past
// MAX_CELLS the field is shown as removed and added whole rather than spending the CPU.

export type DiffLine = { op: "same" | "add" | "remove"; text: string };
export interface FieldDiff {
  field: DraftField;
  lines: DiffLine[];
}

const MAX_CELLS = 4_000_000;

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB -= 1;
    endA -= 1;
  }
  const head: DiffLine[] = before.slice(0, start).map((text) => ({ op: "same", text }));
  const tail: DiffLine[] = before.slice(endB).map((text) => ({ op: "same", text }));
  const b = before.slice(start, endB);
  const a = after.slice(start, endA);
  if (b.length * a.length > MAX_CELLS) {
    return [
      ...head,
      ...b.map((text): DiffLine => ({ op: "remove", text })),
      ...a.map((text): DiffLine => ({ op: "add", text })),
      ...tail,
    ];
  }
  // lcs[i][j]: length of the longest common subsequence of b[i..] and a[j..]
  const width = a.length + 1;
  const lcs = new Uint32Array((b.length + 1) * width);
  for (let i = b.length - 1; i >= 0; i -= 1) {
    for (let j = a.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        b[i] === a[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < b.length && j < a.length) {
    if (b[i] === a[j]) {
      middle.push({ op: "same", text: b[i]! });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      middle.push({ op: "remove", text: b[i]! });
      i += 1;
    } else {
      middle.push({ op: "add", text: a[j]! });
      j += 1;
    }
  }
  for (; i < b.length; i += 1) middle.push({ op: "remove", text: b[i]! });
  for (; j < a.length; j += 1) middle.push({ op: "add", text: a[j]! });
  return [...head, ...middle, ...tail];
}

/** The fields that changed between two revisions, each with its line diff. */
export function draftDiff(before: AdrDraft, after: AdrDraft): FieldDiff[] {
  return DRAFT_FIELDS.flatMap((field) => {
    const lines = diffLines(fieldLines(before, field), fieldLines(after, field));
    return lines.some((line) => line.op !== "same") ? [{ field, lines }] : [];
  });
}
