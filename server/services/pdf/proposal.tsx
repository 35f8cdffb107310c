import type { Locale } from "../../domain/locale";
import { proposalDocument, type ProposalDocumentSource } from "../../domain/proposal/document";
import { ProposalPdf } from "../../../templates/proposal";
import { renderPdf } from "./render";

// A proposal as a PDF in one language, rendered on demand from its snapshot: the same proposal
// gives the same document (its date is the proposal's, never the time of rendering).

export async function renderProposalPdf(source: ProposalDocumentSource, locale: Locale): Promise<Buffer> {
  return renderPdf(
    <ProposalPdf doc={proposalDocument(source, locale)} createdAt={new Date(source.proposal.createdAt)} />,
  );
}
