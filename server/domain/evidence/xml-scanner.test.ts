import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, EvidenceInputError } from "./errors";
import { XmlScanner } from "./xml-scanner";

// The scanner against saxes, a conformant XML parser: on random well-formed documents both report
// the same tags, attributes and depths whatever the chunking; every truncation of such a document
// is refused by both.

type Event = string;

function withScanner(doc: string, chunk: number): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner(DEFAULT_LIMITS, {
    open: (name, attributes, depth) => events.push(`open ${name} ${depth} ${JSON.stringify(attributes.toRecord())}`),
    close: (name, depth) => events.push(`close ${name} ${depth}`),
  });
  const bytes = new TextEncoder().encode(doc);
  for (let at = 0; at < bytes.length; at += chunk) scanner.write(bytes.subarray(at, at + chunk));
  scanner.end();
  return events;
}

function withSaxes(doc: string): Event[] | "error" {
  const events: Event[] = [];
  const parser = new SaxesParser();
  let failed = false;
  let depth = 0;
  parser.on("error", () => {
    failed = true;
  });
  parser.on("opentag", (tag) => {
    depth += 1;
    const attributes = Object.fromEntries(Object.entries(tag.attributes as Record<string, string>));
    events.push(`open ${tag.name} ${depth} ${JSON.stringify(attributes)}`);
  });
  parser.on("closetag", (tag) => {
    events.push(`close ${tag.name} ${depth}`);
    depth -= 1;
  });
  parser.write(doc).close();
  return failed ? "error" : events;
}

const name = fc.constantFrom("coverage", "class", "line", "a", "ns:tag", "x-y.z", "_u", "名前");
const value = fc
  .array(fc.constantFrom("a", "1", " ", "&amp;", "&lt;", "&#65;", "&#x4e2d;", "'", "é", "\n", ">"), { maxLength: 6 })
  .map((parts) => parts.join(""));
const text = fc
  .array(fc.constantFrom("x", " ", "\n", "&gt;", "&quot;", "中", "<!-- c -->", "<![CDATA[<raw> & ]]>", "<?pi data?>"), {
    maxLength: 4,
  })
  .map((parts) => parts.join(""));

const element: fc.Memo<string> = fc.memo((n) =>
  fc
    .tuple(
      name,
      fc.uniqueArray(fc.tuple(fc.constantFrom("number", "hits", "filename", "b", "c"), value), {
        selector: ([key]) => key,
        maxLength: 3,
      }),
      text,
      n > 1 ? fc.array(element(n - 1), { maxLength: 3 }) : fc.constant([]),
      fc.boolean(),
    )
    .map(([tag, attributes, inner, children, empty]) => {
      const attrs = attributes.map(([key, v]) => ` ${key}="${v.replace(/"/g, "&quot;")}"`).join("");
      return empty && children.length === 0
        ? `<${tag}${attrs}/>`
        : `<${tag}${attrs}>${inner}${children.join("")}</${tag}>`;
    }),
);

/** a document and where its root element ends (a cut after that leaves a complete document) */
const documentsWithRootEnd = fc
  .tuple(fc.boolean(), element(4), fc.constantFrom("", "\n", "<!-- end -->\n"))
  .map(([decl, root, tail]) => {
    const prolog = decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : "";
    return { doc: `${prolog}${root}${tail}`, rootEnd: prolog.length + root.length };
  });
const documents = documentsWithRootEnd.map(({ doc }) => doc);

describe("XmlScanner against saxes", () => {
  it("reports the same events on well-formed documents, whatever the chunking", () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 1, max: 50 }), (doc, chunk) => {
        const expected = withSaxes(doc);
        expect(expected).not.toBe("error");
        expect(withScanner(doc, chunk)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every truncation of a document", () => {
    fc.assert(
      fc.property(documentsWithRootEnd, fc.nat(), fc.integer({ min: 1, max: 50 }), ({ doc, rootEnd }, cut, chunk) => {
        const truncated = doc.slice(0, cut % rootEnd);
        expect(() => withScanner(truncated, chunk)).toThrow(EvidenceInputError);
      }),
      { numRuns: 300 },
    );
  });

  it("names the line of a mismatched end tag and refuses stray markup", () => {
    const refuse = (doc: string) => {
      try {
        withScanner(doc, 3);
      } catch (error) {
        return error as EvidenceInputError;
      }
      throw new Error(`accepted: ${doc}`);
    };
    expect(refuse("<a>\n<b>\n</a>")).toMatchObject({ code: "MALFORMED", line: 3 });
    expect(refuse('<a x="1" x="2"/>').message).toContain("appears twice");
    expect(refuse('<a x="1"y="2"/>').message).toContain("separated by white space");
    expect(refuse("<a>&nbsp;</a>").message).toContain("undefined entity");
    expect(refuse("<a>AT&T</a>").message).toContain("does not start a reference");
    expect(refuse("<a/><b/>").message).toContain("second root");
    expect(refuse("text<a/>").message).toContain("before the root");
    expect(refuse("<a x=1/>").message).toContain("quoted");
    expect(refuse('<a x="<"/>').message).toContain("inside an attribute value");
    expect(refuse("<a><!-- open").code).toBe("TRUNCATED");
  });
});
