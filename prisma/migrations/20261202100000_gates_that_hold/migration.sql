-- ADRs imported from the wild: no date (unknown, never invented), MADR's consulted and informed,
-- and a status outside ours kept as written.
ALTER TABLE "Adr" ALTER COLUMN "decidedOn" DROP NOT NULL;
ALTER TABLE "Adr" ADD COLUMN     "consulted" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Adr" ADD COLUMN     "informed" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Adr" ADD COLUMN     "importedStatus" TEXT;

-- A go-bench evidence item may be the engagement's baseline for benchmark comparisons.
ALTER TABLE "Evidence" ADD COLUMN     "role" TEXT;
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_role_known" CHECK ("role" IS NULL OR ("role" = 'baseline' AND "kind" = 'go-bench'));
CREATE INDEX "Evidence_organisationId_role_idx" ON "Evidence"("organisationId", "role") WHERE "role" IS NOT NULL;
