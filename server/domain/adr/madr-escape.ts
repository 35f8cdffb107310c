import { leavesFenceOpen } from "./markdown-outline";

// What the MADR writer escapes so that text reads back as the same text: a line that would start
// a heading, an HTML comment (the reader drops template comments), a fence a field leaves open
// (it would swallow the sections after it), a title that would read as adr-tools' "N. Title",
// and a heading's trailing " #" (closing hashes are not part of a heading's text).

const HEADING_START = /^( {0,3})(#{1,6}(?:[ \t]|$))/gm;
const ESCAPED_HEADING = /^( {0,3})\\(#{1,6}(?:[ \t]|$))/gm;
const FENCE_START = /^( {0,3})(`{3,}|~{3,})/gm;
const ESCAPED_FENCE = /^( {0,3})\\(`{3,}|~{3,})/gm;

/** Multi-line text as a section body. */
export function escapeBlock(text: string): string {
  const escaped = text.replace(HEADING_START, "$1\\$2").replace(/<!--/g, "<\\!--");
  return leavesFenceOpen(text) ? escaped.replace(FENCE_START, "$1\\$2") : escaped;
}

export function unescapeBlock(text: string): string {
  return text
    .replace(ESCAPED_HEADING, "$1$2")
    .replace(ESCAPED_FENCE, "$1$2")
    .replace(/<\\!--/g, "<!--");
}

/** One line: a list item, or a heading's text. */
export function escapeLine(text: string): string {
  return text.replace(/<!--/g, "<\\!--").replace(/([ \t])(#+)$/, "$1\\$2");
}

/** The ADR's title line. */
export function escapeTitle(text: string): string {
  return escapeLine(text).replace(/^(\d{1,4})\. /, "$1\\. ");
}

export function unescapeLine(text: string): string {
  return text
    .replace(/<\\!--/g, "<!--")
    .replace(/([ \t])\\(#+)$/, "$1$2")
    .replace(/^(\d{1,4})\\\. /, "$1. ");
}
