import { z } from "zod";
import {
  MEASUREMENT_LIMITS,
  ZDowntime,
  ZErrorRateSample,
  ZIntegrityCheck,
  ZMeasurementEnvelope,
  ZValueSample,
} from "../../../domain/sla/measurements";
import { jsonResponse, refusalResponse, type RestOperation } from "./shared";

// POST /api/v1/sla/measurements: a monitoring system's or pipeline's measurements for one SLA clause
// (an engagement API token), or a consultant's (session). The handler reads the envelope, then
// checks each item against the clause's metric (ZMeasurementEnvelope, checkMeasurements).

export const MAX_MEASUREMENT_BODY_BYTES = MEASUREMENT_LIMITS.maxBytes;

/** The body as documented: the envelope, with the item shapes each metric takes. */
const ZMeasurementBodyDocumented = ZMeasurementEnvelope.safeExtend({
  samples: z
    .array(z.union([ZValueSample, ZErrorRateSample]))
    .max(MEASUREMENT_LIMITS.maxItems)
    .optional()
    .meta({ description: "latency_percentile and gauge_max: [{at, value}]; error_rate: [{at, errors, requests}]" }),
  downtime: z.array(ZDowntime).max(MEASUREMENT_LIMITS.maxItems).optional().meta({ description: "availability" }),
  checks: z.array(ZIntegrityCheck).max(MEASUREMENT_LIMITS.maxItems).optional().meta({ description: "integrity" }),
});

export const ZMeasurementResponse = z.object({
  batchId: z.string(),
  clauseId: z.string(),
  accepted: z.int().meta({ description: "samples, downtime intervals or checks stored" }),
  firstAt: z.iso.datetime().nullable(),
  lastAt: z.iso.datetime().nullable(),
  replayed: z.boolean().meta({ description: "true: the idempotency key was used before; nothing was added" }),
});
export type MeasurementResponse = z.infer<typeof ZMeasurementResponse>;

export const slaMeasurementOperations: RestOperation[] = [
  {
    operationId: "postSlaMeasurements",
    method: "post",
    path: "/api/v1/sla/measurements",
    summary: "Record measurements for an SLA clause",
    description:
      "Samples for a latency, gauge or error-rate clause, reported downtime for an availability clause, digest " +
      "checks for an integrity clause. Times are ISO-8601 with an offset. At most 100,000 items or 5 MB per " +
      "request. Every item is checked first; one bad item refuses the whole request (422, naming the first bad " +
      "index) and nothing is stored. Reusing an idempotency key returns the first answer (200, replayed) and adds " +
      "nothing; the same key with another body is refused.",
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    requestBody: { content: { "application/json": ZMeasurementBodyDocumented } },
    responses: {
      "200": jsonResponse(ZMeasurementResponse, "A replay: the first answer, nothing added"),
      "201": jsonResponse(ZMeasurementResponse, "Stored"),
      "400": refusalResponse("Not JSON, or the envelope is malformed (clauseId, idempotencyKey, one list)"),
      "401": refusalResponse("No valid token and no session"),
      "403": refusalResponse("A client user: only consultants and tokens record measurements"),
      "404": refusalResponse("Unknown clause, or one outside the token's engagement or the caller's organisation"),
      "409": refusalResponse("CLAUSE_RETIRED"),
      "413": refusalResponse("More than 5 MB (counted while the body streams) or more than 100,000 items"),
      "415": refusalResponse("The body is not sent as application/json"),
      "422": refusalResponse(
        "UNPROCESSABLE: an item does not fit the clause's metric (the first reason names it, e.g. " +
          "samples[12].value); IDEMPOTENCY_MISMATCH: the key was used for another body",
      ),
    },
  },
];
