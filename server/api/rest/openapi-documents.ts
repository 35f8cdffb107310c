import { fileResponse, idParam, refusalResponse } from "./openapi-shared";

// The OpenAPI paths of the engagement's documents: approval log, invoices and ADRs.

export const documentPaths = {
    "/api/v1/engagements/{id}/approvals": {
      get: {
        summary: "The engagement's approval log: every decision with who, when, comment and the evidence SHA-256 set",
        parameters: [
          idParam,
          { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv", "pdf"], default: "json" } },
        ],
        responses: {
          "200": {
            description: "JSON, or an attachment (CSV with formula-like cells neutralised; PDF)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    engagement: { type: "string" },
                    client: { type: "string" },
                    entries: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          milestoneTitle: { type: "string" },
                          type: { type: "string", enum: ["approved", "changes_requested", "deemed"] },
                          by: { type: ["string", "null"] },
                          comment: { type: "string" },
                          evidenceHashes: { type: "array", items: { type: "string" } },
                          voided: { type: "boolean" },
                          voidReason: {
                            description: "why a voided decision no longer stands; amounts are null for readers who may not see amounts",
                            oneOf: [
                              { type: "null" },
                              { type: "object", required: ["kind"], properties: { kind: { const: "evidence_changed" } } },
                              {
                                type: "object",
                                required: ["kind", "fromMinor", "toMinor", "changeOrderReason"],
                                properties: { kind: { const: "amount_changed" }, fromMinor: { type: ["integer", "null"] }, toMinor: { type: ["integer", "null"] }, changeOrderReason: { type: "string" } },
                              },
                            ],
                          },
                          createdAt: { type: "string", format: "date-time" },
                        },
                      },
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
              "application/pdf": { schema: { type: "string", format: "binary" } },
            },
          },
          "400": refusalResponse("Unknown format"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/invoices": {
      get: {
        summary: "Invoices and credit notes the caller may see (a consultant's organisation, a client user's client)",
        parameters: [{ name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv"], default: "json" } }],
        responses: {
          "200": {
            description: "Amounts in integer minor units (CSV: decimal strings; formula-like cells neutralised)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    invoices: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          id: { type: "string", description: "for /api/v1/invoices/{id}/pdf" },
                          number: { type: "string" },
                          kind: { type: "string", enum: ["invoice", "credit_note"] },
                          credits: { type: ["string", "null"] },
                          engagement: { type: "string" },
                          client: { type: "string" },
                          status: { type: "string", enum: ["issued", "partially_paid", "paid", "void"] },
                          overdue: { type: "boolean" },
                          currency: { type: "string" },
                          subtotalMinor: { type: ["integer", "null"], description: "null for a client viewer when the engagement hides amounts from viewers (likewise below)" },
                          taxMinor: { type: ["integer", "null"] },
                          totalMinor: { type: ["integer", "null"] },
                          paidMinor: { type: ["integer", "null"] },
                          issueDate: { type: "string", format: "date" },
                          dueDate: { type: "string", format: "date" },
                          pdfSha256: { type: ["string", "null"] },
                        },
                      },
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "400": refusalResponse("Unknown format"),
          "401": refusalResponse("No session"),
        },
      },
    },
    "/api/v1/invoices/{id}/pdf": {
      get: {
        summary: "The issued PDF, byte for byte as stored when the invoice was issued (its SHA-256 is in the audit log)",
        parameters: [idParam],
        responses: {
          "200": fileResponse("application/pdf", "The PDF as an attachment"),
          "401": refusalResponse("No session"),
          "403": refusalResponse("A client viewer, when the engagement hides amounts from viewers"),
          "404": refusalResponse("Unknown invoice, or one the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs": {
      get: {
        summary: "The engagement's architecture decision records (client users: the accepted ones)",
        parameters: [idParam],
        responses: {
          "200": {
            description: "ADRs in number order",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    adrs: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          number: { type: "integer" },
                          title: { type: "string" },
                          status: { type: "string", enum: ["proposed", "accepted", "rejected", "deprecated", "superseded"] },
                          importedStatus: { type: ["string", "null"], description: "an imported status outside ours, as written (the ADR takes the nearest of ours)" },
                          date: { type: ["string", "null"], format: "date", description: "null: unknown (an imported file gave none)" },
                          supersededBy: { type: ["integer", "null"] },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs/export": {
      get: {
        summary: "The ADRs as MADR markdown files (NNNN-title-slug.md under docs/decisions/) in a zip",
        parameters: [idParam],
        responses: {
          "200": fileResponse("application/zip", "A zip archive"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs/import": {
      post: {
        summary: "Import ADR files (MADR 2 to 4, adr-tools or log4brains, named NNNN-title.md or YYYYMMDD-title.md): a zip, or a folder's files as multipart parts",
        description:
          "Numbers are kept (numbering may start at 0); files named by date (log4brains) are numbered after the engagement's last ADR, in file order. A missing or unreadable date imports as unknown (null), never made up. A status outside ours (proposed, accepted, rejected, deprecated, superseded) takes the nearest of ours and keeps its words as importedStatus; no status imports as proposed. Supersede links are made where the files state them (front matter superseded-by/supersedes, the status, a Status or Links line), by number or by file name. A number the engagement already has is reported for that file. One budget covers the whole request, counted while bodies stream and archives inflate: at most 8 MiB of body, 500 files and archive entries, and 8 MiB unpacked across every part and archive (413 past any of them); a file over 1 MiB or a path outside its root refuses its archive whole (400). A zip inside a zip is reported, not unpacked.",
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            "application/zip": { schema: { type: "string", format: "binary" } },
            "multipart/form-data": { schema: { type: "object", properties: { files: { type: "array", items: { type: "string", format: "binary" } } } } },
          },
        },
        responses: {
          "200": {
            description: "The ADR numbers imported; for each imported file, what was assumed or moved in reading it (an ADR not listed there came in as written); each file or link that was not imported, with the reason",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    imported: { type: "array", items: { type: "integer" } },
                    assumptions: { type: "array", items: { type: "object", properties: { file: { type: "string" }, number: { type: "integer" }, what: { type: "string" } } } },
                    problems: { type: "array", items: { type: "object", properties: { file: { type: "string" }, reason: { type: "string" } } } },
                  },
                },
              },
            },
          },
          "400": refusalResponse("Not a zip or multipart body, or an archive refused (a path outside its root, a file over 1 MiB, not a readable zip)"),
          "401": refusalResponse("No session"),
          "403": refusalResponse("Client users do not import ADRs"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
          "413": refusalResponse("Over the request's budget: body over 8 MiB, more than 500 files and entries, or more than 8 MiB unpacked"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs/pdf": {
      get: {
        summary: "The ADR log (contents, supersede links, each ADR with its validation verdict) or one ADR as PDF",
        parameters: [
          idParam,
          { name: "number", in: "query", required: false, schema: { type: "integer", minimum: 0 }, description: "one ADR instead of the whole log" },
        ],
        responses: {
          "200": fileResponse("application/pdf", "A PDF"),
          "400": refusalResponse("number is not a positive integer"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown engagement or ADR, or one the caller may not see"),
        },
      },
    },
    "/api/v1/milestones/{id}/benchmark-report": {
      get: {
        summary: "The milestone's Go benchmark comparison: its newest go-bench evidence against the engagement's newest baseline, per benchmark and metric",
        parameters: [
          idParam,
          { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "pdf"], default: "json" } },
        ],
        responses: {
          "200": {
            description: "JSON, or the report as a PDF attachment in the caller's language",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["milestone", "files", "benchmarks", "onlyInBaseline", "onlyInCurrent"],
                  properties: {
                    engagement: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
                    milestone: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
                    files: {
                      type: "object",
                      description: "the two go-bench evidence items compared",
                      properties: Object.fromEntries(
                        ["baseline", "current"].map((side) => [
                          side,
                          {
                            type: "object",
                            properties: {
                              evidenceId: { type: "string" },
                              sha256: { type: "string" },
                              filename: { type: ["string", "null"] },
                              createdAt: { type: "string", format: "date-time" },
                              milestoneId: { type: "string", description: "the baseline may sit on another milestone of the engagement" },
                              milestoneTitle: { type: "string" },
                            },
                          },
                        ]),
                      ),
                    },
                    benchmarks: {
                      type: "array",
                      items: {
                        type: "object",
                        required: ["name", "metric", "baseline", "current", "deltaPct", "p", "verdict"],
                        properties: {
                          name: { type: "string", example: "BenchmarkEncodeRows" },
                          metric: { type: "string", enum: ["ns/op", "B/op", "allocs/op"] },
                          ...Object.fromEntries(
                            ["baseline", "current"].map((side) => [
                              side,
                              { type: "object", required: ["median", "min", "max", "n"], properties: { median: { type: "number" }, min: { type: "number" }, max: { type: "number" }, n: { type: "integer", description: "runs" } } },
                            ]),
                          ),
                          deltaPct: { type: ["number", "null"], description: "current median against the baseline median in percent (2 decimals); null when the baseline median is 0 and the current is not" },
                          p: { type: "number", description: "two-sided Mann-Whitney U test of the runs, 4 significant digits" },
                          verdict: {
                            type: "string",
                            enum: ["faster", "slower", "no significant change", "too few runs"],
                            description: "significant below p 0.05; for B/op and allocs/op faster means fewer; too few runs: under 4 on either side",
                          },
                        },
                      },
                    },
                    onlyInBaseline: { type: "array", items: { type: "string" }, description: "benchmarks not compared" },
                    onlyInCurrent: { type: "array", items: { type: "string" }, description: "benchmarks not compared" },
                  },
                },
              },
              "application/pdf": { schema: { type: "string", format: "binary" } },
            },
          },
          "400": refusalResponse("Unknown format"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id or a milestone the caller may not see; or no baseline on the engagement, or no current go-bench evidence on the milestone (the reasons say which)"),
        },
      },
    },
} as const;
