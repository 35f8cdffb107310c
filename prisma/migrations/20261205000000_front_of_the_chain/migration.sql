-- The front of the chain: objectives anchored need -> metric, first-meeting health checks,
-- service packages, and proposals (quotes) numbered in their own series and accepted in the portal.

-- Objectives: the cost of the pain in any unit, the business goal, the target's percentile, the
-- library translation used, an SLA clause as the source of the actual, an order.
ALTER TABLE "Objective" ADD COLUMN "costValue" DECIMAL(20,6);
ALTER TABLE "Objective" ADD COLUMN "costUnit" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Objective" ADD COLUMN "businessGoal" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Objective" ADD COLUMN "translationKey" TEXT;
ALTER TABLE "Objective" ADD COLUMN "targetPercentile" DECIMAL(7,4);
ALTER TABLE "Objective" ADD COLUMN "slaClauseId" TEXT;
ALTER TABLE "Objective" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_slaClauseId_fkey" FOREIGN KEY ("slaClauseId") REFERENCES "SlaClause"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_one_source" CHECK ("requirementId" IS NULL OR "slaClauseId" IS NULL);

-- Health checks.
CREATE TABLE "HealthCheck" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "actorUserId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HealthCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "HealthCheck_organisationId_engagementId_at_idx" ON "HealthCheck"("organisationId", "engagementId", "at");
ALTER TABLE "HealthCheck" ADD CONSTRAINT "HealthCheck_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "HealthCheck" ADD CONSTRAINT "HealthCheck_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Service packages.
CREATE TYPE "ServiceBusiness" AS ENUM ('saas_subscription', 'private_deployment', 'audit_performance');
CREATE TYPE "ServiceTier" AS ENUM ('open_source', 'custom', 'maintenance');
CREATE TABLE "ServicePackage" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "business" "ServiceBusiness" NOT NULL,
    "tier" "ServiceTier" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "pricing" JSONB NOT NULL,
    "milestones" JSONB NOT NULL,
    "slaClauses" JSONB NOT NULL DEFAULT '[]',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ServicePackage_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ServicePackage_organisationId_name_key" ON "ServicePackage"("organisationId", "name");
ALTER TABLE "ServicePackage" ADD CONSTRAINT "ServicePackage_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Proposals, numbered in their own series.
ALTER TABLE "Organisation" ADD COLUMN "proposalNumberPattern" TEXT NOT NULL DEFAULT 'Q-{YYYY}-{NNNN}';
CREATE TYPE "ProposalStatus" AS ENUM ('draft', 'sent', 'accepted', 'declined', 'superseded', 'withdrawn');
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "taxRateBp" INTEGER NOT NULL,
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "startDate" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "offer" JSONB NOT NULL,
    "priceMinor" BIGINT NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'draft',
    "sentAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedByUserId" TEXT,
    "decisionComment" TEXT NOT NULL DEFAULT '',
    "engagementId" TEXT,
    "revisesId" TEXT,
    "createdByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Proposal_engagementId_key" ON "Proposal"("engagementId");
CREATE UNIQUE INDEX "Proposal_revisesId_key" ON "Proposal"("revisesId");
CREATE UNIQUE INDEX "Proposal_organisationId_number_key" ON "Proposal"("organisationId", "number");
CREATE INDEX "Proposal_organisationId_status_createdAt_idx" ON "Proposal"("organisationId", "status", "createdAt");
CREATE INDEX "Proposal_organisationId_clientId_idx" ON "Proposal"("organisationId", "clientId");
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_packageId_fkey" FOREIGN KEY ("packageId") REFERENCES "ServicePackage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_revisesId_fkey" FOREIGN KEY ("revisesId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A notice about a proposal has no engagement yet.
ALTER TABLE "Notification" ALTER COLUMN "engagementId" DROP NOT NULL;
ALTER TABLE "Notification" ADD COLUMN "proposalId" TEXT;
