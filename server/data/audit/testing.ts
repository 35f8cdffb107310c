import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Prisma } from "@prisma/client";
import { auditEventHash, GENESIS_HASH } from "../../domain/audit";
import { resetEnvForTests } from "../../env";
import { blobStore, installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { appendAuditEvent, loadAuditChain } from "./chain";
import { prisma, transaction } from "../prisma-client";
import { createOrganisationWithOwner } from "../organisation/create";

/**
 * Points this process's DATA_DIR (where the audit key is generated when AUDIT_KEY is unset) and
 * blob store (where heads are kept) at a temporary directory, never the app's ./data.
 */
export async function isolateAuditKeyAndHeads(options: { keyInEnv: boolean }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tollgate-audit-"));
  const saved = { DATA_DIR: process.env.DATA_DIR, AUDIT_KEY: process.env.AUDIT_KEY };
  process.env.DATA_DIR = dataDir;
  if (options.keyInEnv) process.env.AUDIT_KEY = randomBytes(32).toString("base64url");
  else delete process.env.AUDIT_KEY;
  resetEnvForTests();
  installBlobStore(new LocalBlobStore(path.join(dataDir, "blobs")));
  return {
    dataDir,
    /** what a child process needs to see the same key and heads */
    childEnv: { DATA_DIR: dataDir, AUDIT_KEY: process.env.AUDIT_KEY ?? "" },
    async restore() {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvForTests();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new organisation whose chain holds exactly `events` events; answers its id. */
export async function createAuditedOrganisation(name: string, events: number): Promise<string> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`;
  const { organisationId } = await createOrganisationWithOwner({
    name,
    slug,
    locale: "en",
    owner: { email: `owner@${slug}.test`, name: `${name} owner`, passwordHash: "not-a-login" },
  });
  await appendTestAuditEvents(organisationId, events - 1);
  return organisationId;
}

// What someone with write access to the database can do to the audit trail (tests only). The
// append-only trigger stops the app and honest mistakes; a database owner can switch it off.

async function withoutAppendOnlyTrigger(work: () => Promise<void>): Promise<void> {
  await prisma().$executeRaw`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`;
  try {
    await work();
  } finally {
    await prisma().$executeRaw`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`;
  }
}

/** Edits one event and nothing else. */
export async function tamperWithAuditEvent(organisationId: string, seq: number): Promise<void> {
  await withoutAppendOnlyTrigger(async () => {
    await prisma().$executeRaw`UPDATE "AuditEvent" SET action = 'forged'
      WHERE "organisationId" = ${organisationId} AND seq = ${seq}`;
  });
}

/** Edits one event and recomputes every SHA-256 hash from it to the end, as anyone can without the key. */
export async function forgeAuditEventAndRehash(organisationId: string, seq: number): Promise<void> {
  const chain = await loadAuditChain(organisationId);
  await withoutAppendOnlyTrigger(async () => {
    let prevHash = chain.find((event) => event.seq === seq - 1)?.hash ?? GENESIS_HASH;
    for (const event of chain.filter((e) => e.seq >= seq)) {
      const edited = event.seq === seq ? { ...event, action: "forged" } : event;
      const hash = auditEventHash(prevHash, edited);
      await prisma()
        .$executeRaw`UPDATE "AuditEvent" SET action = ${edited.action}, "prevHash" = ${prevHash}, hash = ${hash}
        WHERE "organisationId" = ${organisationId} AND seq = ${event.seq}`;
      prevHash = hash;
    }
  });
}

/** Deletes the organisation's `count` newest events. */
export async function deleteNewestAuditEvents(organisationId: string, count: number): Promise<void> {
  await withoutAppendOnlyTrigger(async () => {
    await prisma().$executeRaw`DELETE FROM "AuditEvent" WHERE "organisationId" = ${organisationId}
      AND seq > (SELECT max(seq) - ${count} FROM "AuditEvent" WHERE "organisationId" = ${organisationId})`;
  });
}

/** Removes every MAC of the organisation's events (as events written before MACs existed look). */
export async function stripAuditMacs(organisationId: string): Promise<void> {
  await withoutAppendOnlyTrigger(async () => {
    await prisma().$executeRaw`UPDATE "AuditEvent" SET mac = NULL WHERE "organisationId" = ${organisationId}`;
  });
}

/** Makes the organisation's chain look as it did before MACs existed: no MACs, no head. */
export async function makeAuditChainLegacy(organisationId: string): Promise<void> {
  await stripAuditMacs(organisationId);
  await blobStore().deleteRecord(`audit-heads/${organisationId}.json`);
}

export async function auditHeadOf(organisationId: string): Promise<{ seq: number; mac: string } | null> {
  const bytes = await blobStore().readRecord(`audit-heads/${organisationId}.json`);
  return bytes && (JSON.parse(Buffer.from(bytes).toString("utf8")) as { seq: number; mac: string });
}

export async function lastAuditSeq(organisationId: string): Promise<number> {
  return (await prisma().auditEvent.aggregate({ where: { organisationId }, _max: { seq: true } }))._max.seq ?? 0;
}

/** Appends `count` system events to the organisation's chain, one transaction each. */
export async function appendTestAuditEvents(organisationId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await transaction((tx) =>
      appendAuditEvent(tx, {
        organisationId,
        actorKind: "system",
        actorId: null,
        action: "test.event",
        entityType: "test",
        entityId: `e${i}`,
        data: { i },
      }),
    );
  }
}

/** The database's own words: on raw queries Prisma keeps them only in the error's meta. */
function rejectionText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const meta = (error as { meta?: unknown }).meta;
  return meta === undefined ? error.message : `${error.message} ${JSON.stringify(meta)}`;
}

/** What the app must never be able to do: change or delete an event (each answers the rejection, or null). */
export async function attemptsToAlterAuditEvent(organisationId: string, seq: number): Promise<Record<string, unknown>> {
  const where = { organisationId_seq: { organisationId, seq } };
  const attempts: Record<string, () => Promise<unknown>> = {
    update: () => prisma().auditEvent.update({ where, data: { action: "forged" } }),
    delete: () => prisma().auditEvent.delete({ where }),
    updateRaw: () =>
      prisma().$executeRaw`UPDATE "AuditEvent" SET data = '{"forged":true}'::jsonb
        WHERE "organisationId" = ${organisationId} AND seq = ${seq}`,
    deleteRaw: () => prisma().$executeRaw`DELETE FROM "AuditEvent" WHERE "organisationId" = ${organisationId}`,
    replaceMac: () => prisma().auditEvent.update({ where, data: { mac: "0".repeat(64) } }),
    truncate: () => prisma().$executeRaw(Prisma.sql`TRUNCATE "AuditEvent"`),
  };
  const outcomes: Record<string, unknown> = {};
  for (const [name, attempt] of Object.entries(attempts)) {
    outcomes[name] = await attempt().then(() => null, rejectionText);
  }
  return outcomes;
}
