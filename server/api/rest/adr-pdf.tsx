import { adrDocument, type AdrDocumentSource } from "../../domain/adr/adr-document";
import type { AdrView } from "../../data/adr/read";
import { renderPdf } from "../../services/pdf/render";
import type { SessionClaims } from "../../auth";
import { AdrDocumentPdf } from "../../../templates/adr-document";
import { safeFilename } from "./evidence-download";
import { localeFor } from "../locale";
import { adrsFor } from "./adrs";
import { ZAdrPdfQuery } from "./contracts/adrs";
import { parseRequest, queryOf } from "./contracts/shared";
import { attachment, refused } from "./respond";

// GET /api/v1/engagements/{id}/adrs/pdf[?number=N]: the whole ADR log, or one ADR, as PDF, with
// the same access rules as the pages (clients get the accepted ADRs they can read).

function documentSource(adr: AdrView): AdrDocumentSource {
  const link = adr.validationLink;
  return {
    ...adr,
    validationLink: link
      ? {
          label: link.kind === "sla" ? `${link.label} (${link.target})` : link.label,
          verdict: link.verdict,
          checkedAt: link.checkedAt,
          detail:
            link.kind === "sla"
              ? link.value
              : link.evidenceSha256
                ? `SHA-256 ${link.evidenceSha256.slice(0, 12)}` +
                  `${link.reasons.length > 0 ? ` · ${link.reasons.join("; ")}` : ""}`
                : null,
        }
      : null,
  };
}

export async function adrPdfRest(
  session: SessionClaims | null,
  engagementId: string,
  request: Request,
): Promise<Response> {
  const result = await adrsFor(session, engagementId);
  if (!result.found) return result.response;
  const query = parseRequest(ZAdrPdfQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  // numbering may start at 0 (MADR's own decisions do)
  const number = query.data.number ?? null;
  const adrs = number === null ? result.found.adrs : result.found.adrs.filter((a) => a.number === number);
  if (number !== null && adrs.length === 0) return refused(404, "NOT_FOUND", [`ADR ${number} not found`]);
  const locale = await localeFor(session, request.headers.get("accept-language"));
  const doc = adrDocument(
    { engagement: result.found.engagementTitle, adrs: adrs.map(documentSource), single: number !== null },
    locale,
    new Date().toISOString().slice(0, 10),
  );
  const pdf = await renderPdf(<AdrDocumentPdf doc={doc} />);
  const name = number === null ? `adrs-${result.found.engagementTitle}` : `ADR-${String(number).padStart(3, "0")}`;
  return attachment(new Uint8Array(pdf), {
    type: "application/pdf",
    filename: `${safeFilename(name, engagementId)}.pdf`,
  });
}
