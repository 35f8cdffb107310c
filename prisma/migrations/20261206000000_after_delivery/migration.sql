-- After delivery: maintenance contracts renewed term by term, and usage metered per tenant and
-- billed per period (ADR 0018).

ALTER TABLE "Organisation" ADD COLUMN "renewalAutoIssue" BOOLEAN NOT NULL DEFAULT false;

-- Maintenance contracts and their terms.
CREATE TABLE "MaintenanceContract" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "termMonths" INTEGER NOT NULL DEFAULT 12,
    "startsOn" DATE NOT NULL,
    "feeMinor" BIGINT NOT NULL,
    "includes" TEXT NOT NULL DEFAULT '',
    "autoRenew" BOOLEAN NOT NULL DEFAULT true,
    "noticeDays" INTEGER NOT NULL DEFAULT 30,
    "releaseTagPattern" TEXT NOT NULL DEFAULT 'v*',
    "noticeGivenAt" TIMESTAMP(3),
    "noticeGivenById" TEXT,
    "endsOn" DATE,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "MaintenanceContract_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MaintenanceContract_termMonths_check" CHECK ("termMonths" BETWEEN 1 AND 60),
    CONSTRAINT "MaintenanceContract_noticeDays_check" CHECK ("noticeDays" BETWEEN 0 AND 365),
    CONSTRAINT "MaintenanceContract_feeMinor_check" CHECK ("feeMinor" >= 0)
);
CREATE INDEX "MaintenanceContract_organisationId_engagementId_idx" ON "MaintenanceContract"("organisationId", "engagementId");
ALTER TABLE "MaintenanceContract" ADD CONSTRAINT "MaintenanceContract_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MaintenanceContract" ADD CONSTRAINT "MaintenanceContract_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MaintenanceContract" ADD CONSTRAINT "MaintenanceContract_noticeGivenById_fkey" FOREIGN KEY ("noticeGivenById") REFERENCES "ClientUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "MaintenanceContractClause" (
    "contractId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    CONSTRAINT "MaintenanceContractClause_pkey" PRIMARY KEY ("contractId", "clauseId")
);
ALTER TABLE "MaintenanceContractClause" ADD CONSTRAINT "MaintenanceContractClause_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "MaintenanceContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MaintenanceContractClause" ADD CONSTRAINT "MaintenanceContractClause_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "MaintenanceTerm" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "feeMinor" BIGINT NOT NULL,
    "invoiceId" TEXT,
    "upgradeAccessAttestedAt" TIMESTAMP(3),
    "upgradeAccessAttestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MaintenanceTerm_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MaintenanceTerm_dates_check" CHECK ("endsOn" >= "startsOn")
);
CREATE UNIQUE INDEX "MaintenanceTerm_invoiceId_key" ON "MaintenanceTerm"("invoiceId");
CREATE UNIQUE INDEX "MaintenanceTerm_contractId_index_key" ON "MaintenanceTerm"("contractId", "index");
CREATE INDEX "MaintenanceTerm_organisationId_startsOn_idx" ON "MaintenanceTerm"("organisationId", "startsOn");
ALTER TABLE "MaintenanceTerm" ADD CONSTRAINT "MaintenanceTerm_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MaintenanceTerm" ADD CONSTRAINT "MaintenanceTerm_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "MaintenanceContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MaintenanceTerm" ADD CONSTRAINT "MaintenanceTerm_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MaintenanceTerm" ADD CONSTRAINT "MaintenanceTerm_upgradeAccessAttestedById_fkey" FOREIGN KEY ("upgradeAccessAttestedById") REFERENCES "ClientUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Usage meters, events and hourly rollups.
CREATE TABLE "Meter" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "meter" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "period" TEXT NOT NULL DEFAULT 'month',
    "timezone" TEXT NOT NULL,
    "freeQuantity" BIGINT NOT NULL,
    "tiers" JSONB NOT NULL,
    "activeFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Meter_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Meter_freeQuantity_check" CHECK ("freeQuantity" >= 0)
);
CREATE UNIQUE INDEX "Meter_engagementId_meter_key" ON "Meter"("engagementId", "meter");
CREATE INDEX "Meter_organisationId_engagementId_idx" ON "Meter"("organisationId", "engagementId");
ALTER TABLE "Meter" ADD CONSTRAINT "Meter_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Meter" ADD CONSTRAINT "Meter_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- No foreign keys on the events: a batch of 10,000 is one INSERT whose engagement and meters were
-- checked in the same transaction, and a per-row key check would cost a fifth of the insert. Meters
-- are never deleted and engagements are cancelled, never deleted; reports read the rollups, which
-- go with their meter.
CREATE TABLE "UsageEvent" (
    "engagementId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "meterId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "quantity" BIGINT NOT NULL,
    "tenant" TEXT NOT NULL DEFAULT '',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UsageEvent_pkey" PRIMARY KEY ("engagementId", "idempotencyKey")
);

CREATE TABLE "UsageRollup" (
    "meterId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "tenant" TEXT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "events" INTEGER NOT NULL,
    CONSTRAINT "UsageRollup_pkey" PRIMARY KEY ("meterId", "period", "hour", "tenant")
);
ALTER TABLE "UsageRollup" ADD CONSTRAINT "UsageRollup_meterId_fkey" FOREIGN KEY ("meterId") REFERENCES "Meter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Usage invoice lines: one per meter and period, ever.
ALTER TABLE "InvoiceLine" ADD COLUMN "meterId" TEXT;
ALTER TABLE "InvoiceLine" ADD COLUMN "usagePeriod" TEXT;
ALTER TABLE "InvoiceLine" ADD COLUMN "usage" JSONB;
CREATE UNIQUE INDEX "InvoiceLine_meterId_usagePeriod_key" ON "InvoiceLine"("meterId", "usagePeriod");
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_meterId_fkey" FOREIGN KEY ("meterId") REFERENCES "Meter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
