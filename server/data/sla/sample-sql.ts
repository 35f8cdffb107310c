import type { ParsedMeasurements } from "../../domain/sla/measurements";
import type { Tx } from "../prisma-client";
import { fromEpochMs, numberList } from "./window-sql";

// Samples go in with one INSERT … SELECT over unnest()ed arrays, each array one text parameter
// (numbers as JS writes them, which float8 and bigint read back exactly): 100,000 rows are one
// statement, not 100,000, and the same SQL runs on PGlite and PostgreSQL.

export interface SampleOwner {
  organisationId: string;
  clauseId: string;
  batchId: string;
}

const list = (position: number, type: "bigint" | "float8") => `string_to_array($${position}, ',')::${type}[]`;

export async function storeSamples(tx: Tx, owner: SampleOwner, measurements: ParsedMeasurements): Promise<void> {
  const { organisationId, clauseId, batchId } = owner;
  switch (measurements.kind) {
    case "values": {
      if (measurements.samples.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO "SlaSample" ("organisationId", "clauseId", "batchId", "at", "value")
         SELECT $1, $2, $3, ${fromEpochMs("t.at")}, t.value FROM unnest(${list(4, "bigint")}, ${list(5, "float8")}) AS t(at, value)`,
        organisationId,
        clauseId,
        batchId,
        numberList(measurements.samples.map((s) => s.at)),
        numberList(measurements.samples.map((s) => s.value)),
      );
      return;
    }
    case "error_rate": {
      if (measurements.samples.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO "SlaSample" ("organisationId", "clauseId", "batchId", "at", "errors", "requests")
         SELECT $1, $2, $3, ${fromEpochMs("t.at")}, t.errors, t.requests
         FROM unnest(${list(4, "bigint")}, ${list(5, "bigint")}, ${list(6, "bigint")}) AS t(at, errors, requests)`,
        organisationId,
        clauseId,
        batchId,
        numberList(measurements.samples.map((s) => s.at)),
        numberList(measurements.samples.map((s) => s.errors)),
        numberList(measurements.samples.map((s) => s.requests)),
      );
      return;
    }
    case "checks": {
      if (measurements.checks.length === 0) return;
      // digests are free text: they travel as JSON, not as a comma list
      await tx.$executeRawUnsafe(
        `INSERT INTO "SlaSample" ("organisationId", "clauseId", "batchId", "at", "value", "expected", "observed")
         SELECT $1, $2, $3, ${fromEpochMs("t.at")}, CASE WHEN t.expected = t.observed THEN 1 ELSE 0 END, t.expected, t.observed
         FROM jsonb_to_recordset($4::jsonb) AS t(at bigint, expected text, observed text)`,
        organisationId,
        clauseId,
        batchId,
        JSON.stringify(measurements.checks),
      );
      return;
    }
    case "downtime": {
      if (measurements.downtime.length === 0) return;
      await tx.$executeRawUnsafe(
        `INSERT INTO "SlaDowntime" ("id", "organisationId", "clauseId", "batchId", "from", "to")
         SELECT $3 || '-' || t.n, $1, $2, $3, ${fromEpochMs("t.f")}, ${fromEpochMs("t.t")}
         FROM unnest(${list(4, "bigint")}, ${list(5, "bigint")}) WITH ORDINALITY AS t(f, t, n)`,
        organisationId,
        clauseId,
        batchId,
        numberList(measurements.downtime.map((d) => d.from)),
        numberList(measurements.downtime.map((d) => d.to)),
      );
      return;
    }
  }
}
