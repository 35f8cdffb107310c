-- Sessions end when a user's password changes or the user is deactivated.
ALTER TABLE "User" ADD COLUMN     "sessionEpoch" INTEGER NOT NULL DEFAULT 0;

-- Deemed acceptance counts from when its rule was set. Rules set before this column existed count
-- from the upgrade: no milestone is deemed accepted for time nobody can say the rule covered.
ALTER TABLE "Engagement" ADD COLUMN     "deemedAcceptanceSince" TIMESTAMP(3);
UPDATE "Engagement" SET "deemedAcceptanceSince" = CURRENT_TIMESTAMP WHERE "deemedAcceptanceDays" IS NOT NULL;

-- Why an approval was voided (newer evidence, a changed amount).
ALTER TABLE "Approval" ADD COLUMN     "voidReason" JSONB;

-- Idempotency keys belong to (organisation, actor, key). Older records name no actor: they match
-- no request any more.
DROP INDEX "IdempotencyRecord_organisationId_key_key";
ALTER TABLE "IdempotencyRecord" ADD COLUMN     "actorId" TEXT NOT NULL DEFAULT '';
ALTER TABLE "IdempotencyRecord" ALTER COLUMN "actorId" DROP DEFAULT;
CREATE UNIQUE INDEX "IdempotencyRecord_organisationId_actorId_key_key" ON "IdempotencyRecord"("organisationId", "actorId", "key");

-- Secrets of an outbox message (an invitation link), encrypted outside the database's reach.
ALTER TABLE "OutboxMessage" ADD COLUMN     "sealed" TEXT;

-- API tokens expire: a year after they were made unless set otherwise.
UPDATE "ApiToken" SET "expiresAt" = "createdAt" + INTERVAL '1 year' WHERE "expiresAt" IS NULL;

-- The keyed chain: each event's MAC covers the previous MAC and the event (see docs/adr).
ALTER TABLE "AuditEvent" ADD COLUMN     "mac" CHAR(64);

-- The audit trail is append-only: no code path may change or delete an event. Only the MAC may be
-- set once, on events written before MACs existed.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."mac" IS NULL AND NEW."mac" IS NOT NULL
     AND ROW(NEW."id", NEW."organisationId", NEW."seq", NEW."at", NEW."actorKind", NEW."actorId", NEW."action",
             NEW."entityType", NEW."entityId", NEW."engagementId", NEW."before"::text, NEW."after"::text,
             NEW."data"::text, NEW."prevHash", NEW."hash")
         IS NOT DISTINCT FROM
         ROW(OLD."id", OLD."organisationId", OLD."seq", OLD."at", OLD."actorKind", OLD."actorId", OLD."action",
             OLD."entityType", OLD."entityId", OLD."engagementId", OLD."before"::text, OLD."after"::text,
             OLD."data"::text, OLD."prevHash", OLD."hash") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: they cannot be changed or deleted' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE FUNCTION "audit_event_refuse_truncate"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: they cannot be truncated' USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_truncate"();

-- Owners invite consultants the way consultants invite client users: an invitation without a
-- client, for the role "consultant".
ALTER TABLE "Invitation" ALTER COLUMN "clientId" DROP NOT NULL;
ALTER TABLE "Invitation" ALTER COLUMN "role" TYPE TEXT USING "role"::text;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_role_matches_client" CHECK (
  ("clientId" IS NOT NULL AND "role" IN ('approver', 'viewer')) OR ("clientId" IS NULL AND "role" = 'consultant')
);
