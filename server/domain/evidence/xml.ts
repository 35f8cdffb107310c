import { EvidenceInputError, type EvidenceLimits } from "./errors";
import { openArtifact, type ByteSource } from "./stream";
import { XmlScanner, type XmlAttributes, type XmlHandlers } from "./xml-scanner";

// Streaming XML for coverage and test reports (see xml-scanner.ts): nothing external is ever
// fetched; a DOCTYPE that declares entities (billion laughs, XXE) is refused as hostile; depth and
// element count are capped.

export type { XmlAttributes, XmlHandlers } from "./xml-scanner";

export async function parseXml(source: ByteSource, limits: EvidenceLimits, handlers: XmlHandlers): Promise<void> {
  const scanner = new XmlScanner(limits, handlers);
  for await (const chunk of openArtifact(source, limits)) scanner.write(chunk);
  scanner.end();
}

export function intAttribute(attributes: XmlAttributes, name: string, line: number): number {
  const value = attributes.int(name);
  if (value === undefined || Number.isNaN(value))
    throw new EvidenceInputError(
      "MALFORMED",
      `attribute ${name}="${attributes.get(name) ?? ""}" is not a whole number`,
      line,
    );
  return value;
}
