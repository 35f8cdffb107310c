import { getSlaClause } from "../../../data/sla/clauses";
import { ingestMeasurements, MeasurementRefusal } from "../../../data/sla/ingest";
import { parseK6Summary, parseMeasurementCsv } from "../../../domain/sla/measurement-files";
import { orgProcedure } from "../../trpc";
import { ZUploadMeasurementsInput, ZUploadOut } from "./sla.schema";

/** A CSV of measurements (the REST body's columns) or a k6 summary, ingested like the REST API's. */
export const uploadMeasurements = orgProcedure
  .input(ZUploadMeasurementsInput)
  .output(ZUploadOut)
  .mutation(async ({ ctx, input }) => {
    const clause = await getSlaClause(ctx.scope, input.clauseId);
    const checked =
      input.format === "csv"
        ? parseMeasurementCsv(clause.metric, input.text)
        : await parseK6Summary(input.text, input.at ? Date.parse(input.at) : Date.now());
    if (!checked.ok) throw new MeasurementRefusal("UNPROCESSABLE", checked.reasons);
    return ingestMeasurements(
      { kind: "user", scope: ctx.scope },
      {
        clauseId: clause.id,
        idempotencyKey: input.idempotencyKey,
        source: input.format,
        measurements: checked.measurements,
      },
    );
  });
