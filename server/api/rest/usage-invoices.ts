import type { z } from "zod";
import type { SessionClaims } from "../../auth";
import type { InvoiceView } from "../../data/invoice/read";
import { organisationLocale } from "../../data/organisation/settings";
import { issueUsageInvoice } from "../../data/usage/invoice";
import { pdfIssuer } from "../../services/pdf/invoice-issuer";
import { withOverdue } from "../routers/invoice/invoice.schema";
import { ZUsageInvoiceBody, type ZUsageInvoiceResponse } from "./contracts/usage-invoices";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json } from "./respond";
import { restInvoice } from "./invoices";
import { restConsultantScope } from "./session-scope";

// POST /api/v1/engagements/{id}/usage/invoices: the consultant invoices a closed usage period.
// Refusals (an open period, a period already invoiced, nothing to invoice) answer 409 with reasons.

const MAX_BODY_BYTES = 4 * 1024;

type UsageInvoiceBody = z.infer<typeof ZUsageInvoiceResponse>;

function restUsageInvoice(invoice: InvoiceView, period: string): UsageInvoiceBody {
  const i = withOverdue(invoice);
  return {
    // the consultant who issued it sees its figures
    ...restInvoice(i, true),
    usagePeriod: period,
    lines: i.lines.map((line) => ({
      description: line.description,
      amountMinor: line.amountMinor,
      ...(line.usage ? { usage: line.usage } : {}),
    })),
  };
}

export async function issueUsageInvoiceRest(session: SessionClaims | null, id: string, request: Request) {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restConsultantScope(session, "only the consultant issues usage invoices");
  if (!scope) return response;
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseRequest(ZUsageInvoiceBody, body.value, "body");
  if (!parsed.ok) return parsed.response;
  try {
    const invoice = await issueUsageInvoice(
      scope,
      { engagementId: params.data.id, ...parsed.data },
      pdfIssuer(await organisationLocale(scope)),
    );
    return json(restUsageInvoice(invoice, parsed.data.period), 201);
  } catch (error) {
    return errorResponse(error);
  }
}
