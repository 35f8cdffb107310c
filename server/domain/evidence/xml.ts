import { SaxesParser } from "saxes";
import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { openArtifact, type ByteSource } from "./stream";

// Streaming XML for coverage and test reports. Nothing external is ever fetched; a DOCTYPE that
// declares entities (billion laughs, XXE) is refused as hostile; depth and element count are capped.

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, depth: number, line: number): void;
  close?(name: string, depth: number): void;
}

export async function parseXml(source: ByteSource, limits: EvidenceLimits, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser({ position: true });
  let failure: EvidenceInputError | null = null;
  let depth = 0;
  let elements = 0;
  let sawRoot = false;
  const fail = (error: EvidenceInputError) => {
    failure ??= error;
  };

  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail(new EvidenceInputError("HOSTILE", "the document declares entities in its DOCTYPE; refused", parser.line));
  });
  parser.on("opentag", (tag) => {
    if (failure) return;
    sawRoot = true;
    depth += 1;
    elements += 1;
    if (depth > limits.maxXmlDepth) return fail(new EvidenceInputError("HOSTILE", `elements nest deeper than ${limits.maxXmlDepth}`, parser.line));
    if (elements > limits.maxEntries) return fail(new EvidenceInputError("TOO_MANY_ENTRIES", `more than ${limits.maxEntries} elements`, parser.line));
    try {
      handlers.open(tag.name, tag.attributes as Record<string, string>, depth, parser.line);
    } catch (error) {
      if (error instanceof EvidenceInputError) fail(error);
      else throw error;
    }
  });
  parser.on("closetag", (tag) => {
    if (failure) return;
    handlers.close?.(tag.name, depth);
    depth -= 1;
  });
  parser.on("error", (error) => {
    fail(new EvidenceInputError("MALFORMED", `not well-formed XML: ${error.message.replace(/^.*?:\d+:\d+: /, "")}`, parser.line));
  });

  const decoder = new TextDecoder("utf-8");
  for await (const chunk of openArtifact(source, limits)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new EvidenceInputError("MALFORMED", "no XML element in the file");
  if (depth !== 0) throw new EvidenceInputError("TRUNCATED", "the document ends before its elements are closed");
}

export function intAttribute(attributes: Record<string, string>, name: string, line: number): number {
  const text = attributes[name];
  if (text === undefined || !/^\d+$/.test(text)) throw new EvidenceInputError("MALFORMED", `attribute ${name}="${text ?? ""}" is not a whole number`, line);
  return Number(text);
}
