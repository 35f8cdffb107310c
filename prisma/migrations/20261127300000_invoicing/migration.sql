-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "address" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "legalName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "paymentInstructions" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "taxId" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '';


-- An issued invoice or credit note never changes: only its payment status may move, and the
-- stored PDF digest may be set once. Lines never change. Enforced here so no code path can.
CREATE FUNCTION "invoice_is_immutable"() RETURNS trigger AS $$
BEGIN
  IF NEW."number" IS DISTINCT FROM OLD."number" OR NEW."series" IS DISTINCT FROM OLD."series"
     OR NEW."sequence" IS DISTINCT FROM OLD."sequence" OR NEW."kind" IS DISTINCT FROM OLD."kind"
     OR NEW."engagementId" IS DISTINCT FROM OLD."engagementId" OR NEW."organisationId" IS DISTINCT FROM OLD."organisationId"
     OR NEW."creditedInvoiceId" IS DISTINCT FROM OLD."creditedInvoiceId" OR NEW."currency" IS DISTINCT FROM OLD."currency"
     OR NEW."taxRateBp" IS DISTINCT FROM OLD."taxRateBp" OR NEW."subtotalMinor" IS DISTINCT FROM OLD."subtotalMinor"
     OR NEW."taxMinor" IS DISTINCT FROM OLD."taxMinor" OR NEW."totalMinor" IS DISTINCT FROM OLD."totalMinor"
     OR NEW."issueDate" IS DISTINCT FROM OLD."issueDate" OR NEW."dueDate" IS DISTINCT FROM OLD."dueDate"
     OR NEW."reason" IS DISTINCT FROM OLD."reason" OR NEW."idempotencyKey" IS DISTINCT FROM OLD."idempotencyKey"
     OR (OLD."pdfSha256" IS NOT NULL AND NEW."pdfSha256" IS DISTINCT FROM OLD."pdfSha256") THEN
    RAISE EXCEPTION 'an issued invoice cannot be changed; issue a credit note' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Invoice_immutable" BEFORE UPDATE ON "Invoice" FOR EACH ROW EXECUTE FUNCTION "invoice_is_immutable"();

CREATE FUNCTION "invoice_line_is_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'invoice lines cannot be changed or deleted' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "InvoiceLine_immutable" BEFORE UPDATE OR DELETE ON "InvoiceLine" FOR EACH ROW EXECUTE FUNCTION "invoice_line_is_immutable"();
