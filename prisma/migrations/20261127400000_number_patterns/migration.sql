-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "creditNoteNumberPattern" TEXT NOT NULL DEFAULT 'CN-{YYYY}-{NNNN}',
ADD COLUMN     "invoiceNumberPattern" TEXT NOT NULL DEFAULT 'INV-{YYYY}-{NNNN}';


-- A series no longer carries its counter's width, so widening the padding continues numbering:
-- counters taken so far move to the new key. Issued documents keep the series they printed.
UPDATE "InvoiceSequence" SET "series" = regexp_replace("series", '\{N+\}', '{N}');
