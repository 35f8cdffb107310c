// Line breaking for text a document draws itself (the invoice's table is painted line by line,
// not laid out by react-pdf): greedy, measured with the font's own advances. Lines break at
// spaces and between CJK characters; closing punctuation stays with the character before it and
// opening punctuation with the one after (no "，" or "）" starts a line); a word wider than the
// column (a SHA-256, a long identifier) breaks between characters, without a hyphen.

/** Width in points of a text set at `size` in the document's regular or bold font. */
export type TextMeasure = (text: string, size: number, bold?: boolean) => number;

const CJK = "\\u2e80-\\u2fff\\u3040-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff";
const OPENING = "（〔［｛〈《「『【‘“";
const CLOSING = "，。、；：？！）〕］｝〉》」』】’”…·";
// (a closing mark only starts a token where nothing precedes it: a paragraph's start, a space)
const TOKEN = new RegExp(
  `[${OPENING}${CLOSING}]*[${CJK}][${CLOSING}]*|\\s+|` +
    `[${OPENING}${CLOSING}]*[^\\s${CJK}${OPENING}${CLOSING}]+[${CLOSING}]*|[${OPENING}${CLOSING}]+`,
  "gu",
);
const isClosing = (ch: string) => CLOSING.includes(ch);
const isOpening = (ch: string) => OPENING.includes(ch);

/**
 * Where to break before `next`: moved back over closing marks and opening ones, unless that leaves nothing or the
 * carried part would not fit.
 */
function breakAt(piece: string[], next: string, width: number, widthOf: (text: string) => number): number {
  let at = piece.length;
  while (at > 0 && (isClosing(at === piece.length ? next : piece[at]!) || isOpening(piece[at - 1]!))) at -= 1;
  if (at === 0 || widthOf(piece.slice(at).join("") + next) > width) return piece.length;
  return at;
}

function breakWord(word: string, width: number, widthOf: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let used = 0;
  for (const ch of word) {
    const w = widthOf(ch);
    if (piece.length > 0 && used + w > width) {
      const carried = piece.splice(breakAt(piece, ch, width, widthOf));
      pieces.push(piece.join(""));
      piece = carried;
      used = widthOf(carried.join(""));
    }
    piece.push(ch);
    used += w;
  }
  return [...pieces, piece.join("")];
}

function wrapParagraph(paragraph: string, width: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  const finish = () => {
    lines.push(line.trimEnd());
    line = "";
    used = 0;
  };
  for (const token of paragraph.match(TOKEN) ?? []) {
    if (/^\s/.test(token)) {
      if (line !== "") {
        line += " ";
        used += widthOf(" ");
      }
      continue;
    }
    const w = widthOf(token);
    if (used + w <= width) {
      line += token;
      used += w;
      continue;
    }
    if (line !== "") finish();
    if (w <= width) {
      line = token;
      used = w;
      continue;
    }
    const pieces = breakWord(token, width, widthOf);
    for (const piece of pieces.slice(0, -1)) lines.push(piece);
    line = pieces.at(-1)!;
    used = widthOf(line);
  }
  lines.push(line.trimEnd());
  return lines;
}

/** The lines `text` takes in a column `width` points wide; every paragraph takes at least one. */
export function wrapText(text: string, width: number, widthOf: (text: string) => number): string[] {
  return text.split("\n").flatMap((paragraph) => wrapParagraph(paragraph, width, widthOf));
}
