-- Tech debt priced in money and the ROI model: debt items with ranges, status, links and history;
-- the engagement's day rate; milestones planned for a month; ADRs labelled with their P&L account;
-- the system map (components and dependencies); the ROI settings, cached simulations and shares.

CREATE TYPE "DebtStatus" AS ENUM ('open', 'scheduled', 'fixed');

-- Debt items: the single figures seeded so far become ranges whose three points are equal.
ALTER TABLE "DebtItem" RENAME COLUMN "costPerQuarterMinor" TO "costPerQuarterLikelyMinor";
ALTER TABLE "DebtItem" RENAME COLUMN "fixEffortDays" TO "fixDaysLikely";
ALTER TABLE "DebtItem" ADD COLUMN "costPerQuarterLowMinor" BIGINT;
ALTER TABLE "DebtItem" ADD COLUMN "costPerQuarterHighMinor" BIGINT;
ALTER TABLE "DebtItem" ADD COLUMN "fixDaysLow" DECIMAL(8,2);
ALTER TABLE "DebtItem" ADD COLUMN "fixDaysHigh" DECIMAL(8,2);
UPDATE "DebtItem" SET
  "costPerQuarterLowMinor" = "costPerQuarterLikelyMinor",
  "costPerQuarterHighMinor" = "costPerQuarterLikelyMinor",
  "fixDaysLow" = "fixDaysLikely",
  "fixDaysHigh" = "fixDaysLikely";
ALTER TABLE "DebtItem" ALTER COLUMN "costPerQuarterLowMinor" SET NOT NULL;
ALTER TABLE "DebtItem" ALTER COLUMN "costPerQuarterHighMinor" SET NOT NULL;
ALTER TABLE "DebtItem" ALTER COLUMN "fixDaysLow" SET NOT NULL;
ALTER TABLE "DebtItem" ALTER COLUMN "fixDaysHigh" SET NOT NULL;
ALTER TABLE "DebtItem" ADD COLUMN "plAccount" TEXT NOT NULL DEFAULT '';
ALTER TABLE "DebtItem" ADD COLUMN "status" "DebtStatus" NOT NULL DEFAULT 'open';
ALTER TABLE "DebtItem" ADD COLUMN "scheduledMonth" DATE;
ALTER TABLE "DebtItem" ADD COLUMN "fixedOn" DATE;
ALTER TABLE "DebtItem" ADD COLUMN "objectiveIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "DebtItem" ADD COLUMN "adrIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "DebtItem" ADD COLUMN "requirementIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "DebtItem" ADD COLUMN "componentId" TEXT;
ALTER TABLE "DebtItem" ADD COLUMN "source" TEXT;
ALTER TABLE "DebtItem" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "DebtItemRevision" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "debtItemId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "fields" JSONB NOT NULL,
    "actorUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DebtItemRevision_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DebtItemRevision_debtItemId_revision_key" ON "DebtItemRevision"("debtItemId", "revision");
ALTER TABLE "DebtItemRevision" ADD CONSTRAINT "DebtItemRevision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DebtItemRevision" ADD CONSTRAINT "DebtItemRevision_debtItemId_fkey" FOREIGN KEY ("debtItemId") REFERENCES "DebtItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The day rate, the planned month, the P&L label.
ALTER TABLE "Engagement" ADD COLUMN "dayRateMinor" BIGINT;
ALTER TABLE "Milestone" ADD COLUMN "plannedOn" DATE;
ALTER TABLE "Adr" ADD COLUMN "plAccount" TEXT;
ALTER TABLE "Adr" ADD COLUMN "plAmountMinor" BIGINT;
ALTER TABLE "Adr" ADD COLUMN "plRecurrence" TEXT;
ALTER TABLE "Adr" ADD COLUMN "plEffect" TEXT;

-- The system map.
CREATE TABLE "SystemComponent" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'service',
    "milestoneIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "SystemComponent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SystemComponent_engagementId_name_key" ON "SystemComponent"("engagementId", "name");
CREATE INDEX "SystemComponent_organisationId_engagementId_idx" ON "SystemComponent"("organisationId", "engagementId");
ALTER TABLE "SystemComponent" ADD CONSTRAINT "SystemComponent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SystemComponent" ADD CONSTRAINT "SystemComponent_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SystemDependency" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SystemDependency_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SystemDependency_fromId_toId_key" ON "SystemDependency"("fromId", "toId");
CREATE INDEX "SystemDependency_organisationId_engagementId_idx" ON "SystemDependency"("organisationId", "engagementId");
ALTER TABLE "SystemDependency" ADD CONSTRAINT "SystemDependency_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SystemDependency" ADD CONSTRAINT "SystemDependency_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SystemDependency" ADD CONSTRAINT "SystemDependency_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "SystemComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SystemDependency" ADD CONSTRAINT "SystemDependency_toId_fkey" FOREIGN KEY ("toId") REFERENCES "SystemComponent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "DebtItem" ADD CONSTRAINT "DebtItem_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "SystemComponent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SlaClause" ADD COLUMN "componentId" TEXT;
ALTER TABLE "SlaClause" ADD CONSTRAINT "SlaClause_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "SystemComponent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Objective" ADD COLUMN "componentId" TEXT;
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_componentId_fkey" FOREIGN KEY ("componentId") REFERENCES "SystemComponent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ROI: settings, cached simulations, shares.
CREATE TABLE "RoiModel" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "discountRateBp" INTEGER NOT NULL DEFAULT 800,
    "horizonMonths" INTEGER NOT NULL DEFAULT 36,
    "seed" INTEGER NOT NULL,
    "draws" INTEGER NOT NULL DEFAULT 10000,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RoiModel_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RoiModel_engagementId_key" ON "RoiModel"("engagementId");
ALTER TABLE "RoiModel" ADD CONSTRAINT "RoiModel_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoiModel" ADD CONSTRAINT "RoiModel_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RoiSimulation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "inputsHash" CHAR(64) NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoiSimulation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RoiSimulation_engagementId_inputsHash_key" ON "RoiSimulation"("engagementId", "inputsHash");
ALTER TABLE "RoiSimulation" ADD CONSTRAINT "RoiSimulation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoiSimulation" ADD CONSTRAINT "RoiSimulation_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "RoiShare" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "inputsHash" CHAR(64) NOT NULL,
    "pdfEnSha256" CHAR(64) NOT NULL,
    "pdfEnKey" TEXT NOT NULL,
    "pdfZhSha256" CHAR(64) NOT NULL,
    "pdfZhKey" TEXT NOT NULL,
    "sharedByUserId" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoiShare_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RoiShare_organisationId_engagementId_createdAt_idx" ON "RoiShare"("organisationId", "engagementId", "createdAt");
ALTER TABLE "RoiShare" ADD CONSTRAINT "RoiShare_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoiShare" ADD CONSTRAINT "RoiShare_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
