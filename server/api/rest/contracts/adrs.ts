import { z } from "zod";
import { ADR_STATUSES } from "../../../domain/adr/adr";
import { ZBinary, ZIdParams, fileResponse, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements/{id}/adrs, /adrs/export, /adrs/pdf and POST /adrs/import

export const ZAdrListResponse = z.object({
  adrs: z.array(
    z.object({
      number: z.int(),
      title: z.string(),
      status: z.enum(ADR_STATUSES),
      importedStatus: z
        .string()
        .nullable()
        .meta({ description: "an imported status outside ours, as written (the ADR takes the nearest of ours)" }),
      date: z.iso.date().nullable().meta({ description: "null: unknown (an imported file gave none)" }),
      supersededBy: z.int().nullable(),
    }),
  ),
});
export type AdrListResponse = z.infer<typeof ZAdrListResponse>;

const WHOLE_NUMBER = { error: "must be a whole number, 0 or more" };
// a query value is text: only digits make a number (so "", "1e0" and "0x1" are refused)
const digitsToNumber = (value: unknown) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);

export const ZAdrPdfQuery = z.object({
  number: z
    .preprocess(digitsToNumber, z.int(WHOLE_NUMBER).min(0, WHOLE_NUMBER))
    .optional()
    .meta({ description: "one ADR instead of the whole log" }),
});

export const ZAdrImportResponse = z.object({
  imported: z.array(z.int()),
  assumptions: z.array(z.object({ file: z.string(), number: z.int(), what: z.string() })),
  problems: z.array(z.object({ file: z.string(), reason: z.string() })),
});
export type AdrImportResponse = z.infer<typeof ZAdrImportResponse>;

const notFound = refusalResponse("Unknown id, or an engagement the caller may not see");

export const adrOperations: RestOperation[] = [
  {
    operationId: "listAdrs",
    method: "get",
    path: "/api/v1/engagements/{id}/adrs",
    summary: "The engagement's architecture decision records (client users: the accepted ones)",
    params: ZIdParams,
    responses: {
      "200": jsonResponse(ZAdrListResponse, "ADRs in number order"),
      "400": refusalResponse("The id is not an id"),
      "401": refusalResponse("No session"),
      "404": notFound,
    },
  },
  {
    operationId: "exportAdrs",
    method: "get",
    path: "/api/v1/engagements/{id}/adrs/export",
    summary: "The ADRs as MADR markdown files (NNNN-title-slug.md under docs/decisions/) in a zip",
    params: ZIdParams,
    responses: {
      "200": fileResponse("application/zip", "A zip archive"),
      "400": refusalResponse("The id is not an id"),
      "401": refusalResponse("No session"),
      "404": notFound,
    },
  },
  {
    operationId: "importAdrs",
    method: "post",
    path: "/api/v1/engagements/{id}/adrs/import",
    summary:
      "Import ADR files (MADR 2 to 4, adr-tools or log4brains, named NNNN-title.md or YYYYMMDD-title.md): a zip, " +
      "or a folder's files as multipart parts",
    description:
      "Numbers are kept (numbering may start at 0); files named by date (log4brains) are numbered after the " +
      "engagement's last ADR, in file order. A missing or unreadable date imports as unknown (null), never made " +
      "up. A status outside ours (proposed, accepted, rejected, deprecated, superseded) takes the nearest of " +
      "ours and keeps its words as importedStatus; no status imports as proposed. Supersede links are made where " +
      "the files state them (front matter superseded-by/supersedes, the status, a Status or Links line), by " +
      "number or by file name. A number the engagement already has is reported for that file. One budget covers " +
      "the whole request, counted while bodies stream and archives inflate: at most 8 MiB of body, 500 files and " +
      "archive entries, and 8 MiB unpacked across every part and archive (413 past any of them); a file over 1 " +
      "MiB or a path outside its root refuses its archive whole (400). A zip inside a zip is reported, not " +
      "unpacked.",
    params: ZIdParams,
    requestBody: {
      content: { "application/zip": ZBinary, "multipart/form-data": z.object({ files: z.array(ZBinary).optional() }) },
    },
    responses: {
      "200": jsonResponse(
        ZAdrImportResponse,
        "The ADR numbers imported; for each imported file, what was assumed or moved in reading it (an ADR not " +
          "listed there came in as written); each file or link that was not imported, with the reason",
      ),
      "400": refusalResponse(
        "Not a zip or multipart body, or an archive refused (a path outside its root, a file over 1 MiB, not a " +
          "readable zip), or an id that is not an id",
      ),
      "401": refusalResponse("No session"),
      "403": refusalResponse("Client users do not import ADRs"),
      "404": notFound,
      "413": refusalResponse(
        "Over the request's budget: body over 8 MiB, more than 500 files and entries, or more than 8 MiB unpacked",
      ),
    },
  },
  {
    operationId: "getAdrPdf",
    method: "get",
    path: "/api/v1/engagements/{id}/adrs/pdf",
    summary: "The ADR log (contents, supersede links, each ADR with its validation verdict) or one ADR as PDF",
    params: ZIdParams,
    query: ZAdrPdfQuery,
    responses: {
      "200": fileResponse("application/pdf", "A PDF"),
      "400": refusalResponse("number is not a whole number, 0 or more"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement or ADR, or one the caller may not see"),
    },
  },
];
