-- SLA clauses become measured, judged and paid: exact terms (metric, window, period, time zone,
-- exclusions, credit, triggers), a version history, raw samples with a per-window cache, reported
-- downtime, action items raised by triggers, and SLA credit notes credited once per period.

-- The clause's terms. Earlier clauses (seeded, never measured) are carried over to the nearest terms.
ALTER TABLE "SlaClause" ADD COLUMN "percentile" DECIMAL(7,4);
ALTER TABLE "SlaClause" ADD COLUMN "windowMinutes" INTEGER;
ALTER TABLE "SlaClause" ADD COLUMN "period" TEXT;
ALTER TABLE "SlaClause" ADD COLUMN "timezone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "SlaClause" ADD COLUMN "exclusions" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "SlaClause" ADD COLUMN "credit" JSONB;
ALTER TABLE "SlaClause" ADD COLUMN "triggers" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "SlaClause" ADD COLUMN "probeUrl" TEXT;
ALTER TABLE "SlaClause" ADD COLUMN "probeEveryMinutes" INTEGER;
ALTER TABLE "SlaClause" ADD COLUMN "probeLastAt" TIMESTAMP(3);
ALTER TABLE "SlaClause" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "SlaClause" ADD COLUMN "retiredAt" TIMESTAMP(3);

UPDATE "SlaClause" SET
  "metric" = CASE
    WHEN "metric" IN ('latency_percentile', 'error_rate', 'availability', 'integrity', 'gauge_max') THEN "metric"
    WHEN "metric" LIKE '%integrity%' THEN 'integrity'
    WHEN "metric" LIKE '%availability%' THEN 'availability'
    WHEN "metric" LIKE '%error%' THEN 'error_rate'
    WHEN "metric" LIKE '%p99%' OR "metric" LIKE '%latency%' OR "metric" LIKE '%delay%' THEN 'latency_percentile'
    ELSE 'gauge_max' END,
  "comparator" = CASE WHEN "comparator" = 'eq' THEN 'gte'::"Comparator" ELSE "comparator" END,
  "period" = CASE WHEN "window" = 'P1Y' THEN 'year' WHEN "window" = 'P3M' THEN 'quarter' ELSE 'month' END;
UPDATE "SlaClause" SET "percentile" = 99, "windowMinutes" = 5 WHERE "metric" = 'latency_percentile';
UPDATE "SlaClause" SET "windowMinutes" = 5 WHERE "metric" IN ('error_rate', 'gauge_max');
UPDATE "SlaClause" SET "unit" = '%' WHERE "metric" IN ('error_rate', 'availability', 'integrity');
UPDATE "SlaClause" SET "credit" = CASE
  WHEN "metric" IN ('availability', 'integrity') THEN jsonb_build_object(
    'type', 'tiered', 'baseMinor', COALESCE("creditCapMinor", 0),
    'tiers', jsonb_build_array(jsonb_build_object('below', "target", 'creditPct', 100)),
    'capPerPeriodMinor', "creditCapMinor")
  ELSE jsonb_build_object(
    'type', 'per_incident', 'perBreachedWindowMinor', 0,
    'capPerIncidentMinor', COALESCE("creditCapMinor", 0), 'capPerPeriodMinor', NULL) END;
ALTER TABLE "SlaClause" ALTER COLUMN "period" SET NOT NULL;
ALTER TABLE "SlaClause" ALTER COLUMN "credit" SET NOT NULL;
ALTER TABLE "SlaClause" DROP COLUMN "window";
ALTER TABLE "SlaClause" DROP COLUMN "creditRule";
ALTER TABLE "SlaClause" DROP COLUMN "creditCapMinor";
CREATE INDEX "SlaClause_probeUrl_probeLastAt_idx" ON "SlaClause"("probeUrl", "probeLastAt");

-- The old one-row-per-period measurements were never written by the application.
DROP TABLE "SlaMeasurement";

CREATE TABLE "SlaClauseVersion" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "terms" JSONB NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveTo" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlaClauseVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SlaClauseVersion_clauseId_version_key" ON "SlaClauseVersion"("clauseId", "version");
ALTER TABLE "SlaClauseVersion" ADD CONSTRAINT "SlaClauseVersion_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every carried-over clause gets its first version.
INSERT INTO "SlaClauseVersion" ("id", "organisationId", "clauseId", "version", "terms", "effectiveFrom")
SELECT 'v1' || "id", "organisationId", "id", 1, jsonb_build_object(
    'title', "title", 'metric', "metric", 'percentile', "percentile", 'comparator', "comparator"::text,
    'target', "target", 'unit', "unit", 'windowMinutes', "windowMinutes", 'period', "period",
    'timezone', "timezone", 'exclusions', "exclusions", 'credit', "credit", 'triggers', "triggers",
    'measurementMethod', "measurementMethod", 'probe', NULL),
  "createdAt"
FROM "SlaClause";

CREATE TABLE "SlaMeasurementBatch" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestSha256" CHAR(64) NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "count" INTEGER NOT NULL,
    "firstAt" TIMESTAMP(3),
    "lastAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlaMeasurementBatch_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SlaMeasurementBatch_clauseId_idempotencyKey_key" ON "SlaMeasurementBatch"("clauseId", "idempotencyKey");
CREATE INDEX "SlaMeasurementBatch_clauseId_createdAt_idx" ON "SlaMeasurementBatch"("clauseId", "createdAt");
ALTER TABLE "SlaMeasurementBatch" ADD CONSTRAINT "SlaMeasurementBatch_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SlaSample" (
    "id" BIGSERIAL NOT NULL,
    "organisationId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION,
    "errors" BIGINT,
    "requests" BIGINT,
    "expected" TEXT,
    "observed" TEXT,
    CONSTRAINT "SlaSample_pkey" PRIMARY KEY ("id")
);
-- INCLUDE "value": a period's percentile reads the values of a time range from the index alone once
-- (auto)vacuum has marked the pages all-visible, without visiting the table.
CREATE INDEX "SlaSample_clauseId_at_idx" ON "SlaSample"("clauseId", "at") INCLUDE ("value");
ALTER TABLE "SlaSample" ADD CONSTRAINT "SlaSample_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SlaWindow" (
    "clauseId" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "samples" INTEGER NOT NULL,
    "errors" BIGINT,
    "requests" BIGINT,
    CONSTRAINT "SlaWindow_pkey" PRIMARY KEY ("clauseId", "start")
);
ALTER TABLE "SlaWindow" ADD CONSTRAINT "SlaWindow_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SlaDowntime" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "from" TIMESTAMPTZ(3) NOT NULL,
    "to" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "SlaDowntime_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SlaDowntime_clauseId_from_idx" ON "SlaDowntime"("clauseId", "from");
ALTER TABLE "SlaDowntime" ADD CONSTRAINT "SlaDowntime_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ActionItem" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "clauseId" TEXT,
    "triggerIndex" INTEGER,
    "episodeFrom" TIMESTAMP(3),
    "episodeTo" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ActionItem_clauseId_triggerIndex_episodeFrom_key" ON "ActionItem"("clauseId", "triggerIndex", "episodeFrom");
CREATE INDEX "ActionItem_organisationId_engagementId_createdAt_idx" ON "ActionItem"("organisationId", "engagementId", "createdAt");
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "SlaClause"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An SLA credit note names the period it credits; an engagement's period is credited at most once.
ALTER TABLE "Invoice" ADD COLUMN "slaPeriod" TEXT;
CREATE UNIQUE INDEX "Invoice_engagementId_slaPeriod_key" ON "Invoice"("engagementId", "slaPeriod");
