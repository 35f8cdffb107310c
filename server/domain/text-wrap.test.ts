import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wrapText } from "./text-wrap";

// A stand-in font: CJK and full-width punctuation 1 em, everything else half an em, at 10 pt.
const wide = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/u;
const widthOf = (text: string) => Array.from(text).reduce((sum, ch) => sum + (wide.test(ch) ? 10 : 5), 0);
const squash = (text: string) => text.replace(/\s/g, "");

const piece = fc.constantFrom(
  "区",
  "块",
  "链",
  "，",
  "。",
  "（",
  "）",
  "milestone",
  "WWW",
  "a",
  " ",
  "  ",
  "9f2c".repeat(20),
  "—",
  "1,000.00",
);
const text = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(""));

describe("wrapText", () => {
  it("keeps every character, in order, and every line inside the column", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 400 }), (t, width) => {
        const lines = wrapText(t, width, widthOf);
        expect(squash(lines.join(""))).toBe(squash(t));
        for (const line of lines) if (Array.from(line).length > 1) expect(widthOf(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it("fills each line: the next line's first character would not have fitted", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("区", "块", "链", "数", "据"), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 10, max: 300 }),
        (chars, width) => {
          const lines = wrapText(chars.join(""), width, widthOf);
          lines.slice(0, -1).forEach((line, i) => expect(widthOf(line + lines[i + 1]![0])).toBeGreaterThan(width));
        },
      ),
    );
  });

  it("never starts a line with closing punctuation or ends one with opening punctuation", () => {
    fc.assert(
      // without spaces, so that every punctuation mark has a neighbour to stay with
      fc.property(
        text.map((t) => t.replace(/\s/g, "")),
        fc.integer({ min: 60, max: 200 }),
        (t, width) => {
          // (a character with its marks wider than the column has to break somewhere)
          fc.pre(!/[，。（）]{3}/.test(t));
          const lines = wrapText(t, width, widthOf);
          for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。）]/);
          for (const line of lines.slice(0, -1)) {
            expect(line).not.toMatch(/（$/);
          }
        },
      ),
    );
  });

  it("breaks at spaces, between CJK characters, and inside a word only when it is wider than the column", () => {
    expect(wrapText("milestone delivery review", 50, widthOf)).toEqual(["milestone", "delivery", "review"]);
    expect(wrapText("区块链数据", 30, widthOf)).toEqual(["区块链", "数据"]);
    expect(wrapText("区块，链数据", 30, widthOf)).toEqual(["区块，", "链数据"]);
    const digest = "9f2c".repeat(16);
    expect(wrapText(`sha ${digest}`, 100, widthOf)).toEqual([
      "sha",
      digest.slice(0, 20),
      digest.slice(20, 40),
      digest.slice(40, 60),
      digest.slice(60),
    ]);
  });

  it("keeps paragraphs and gives empty text one line", () => {
    expect(wrapText("a\n\nb", 100, widthOf)).toEqual(["a", "", "b"]);
    expect(wrapText("", 100, widthOf)).toEqual([""]);
    expect(wrapText("  padded  ", 100, widthOf)).toEqual(["padded"]);
  });
});
