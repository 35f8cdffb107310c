import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditKey } from "../../audit-key";
import { appendAuditEvent, loadAuditChain, sealLegacyAuditEvents, verifyAllAuditChains } from "./chain";
import {
  appendTestAuditEvents,
  auditHeadOf,
  createAuditedOrganisation,
  isolateAuditKeyAndHeads,
  makeAuditChainLegacy,
  stripAuditMacs,
  tamperWithAuditEvent,
} from "./testing";
import { beforeCommit, prisma, transaction } from "../prisma-client";
import { testDatabaseKinds } from "../testing";
import { useTestDatabase } from "../../test-support/database";

const event = (organisationId: string, action = "test.event") => ({
  organisationId,
  actorKind: "system" as const,
  actorId: null,
  action,
  entityType: "test",
  entityId: "t",
});

async function resultOf(organisationId: string) {
  return (await verifyAllAuditChains()).find((report) => report.id === organisationId)?.result;
}

async function headSeq(organisationId: string) {
  return (await auditHeadOf(organisationId))?.seq;
}

describe.each(testDatabaseKinds())("appending to the keyed audit chain on %s", (kind) => {
  let isolation: Awaited<ReturnType<typeof isolateAuditKeyAndHeads>>;
  beforeAll(async () => {
    // no AUDIT_KEY: the key is generated into the (temporary) data directory
    isolation = await isolateAuditKeyAndHeads({ keyInEnv: false });
  });
  afterAll(() => isolation.restore());
  useTestDatabase(kind, { seed: false });

  it("generates the key once into DATA_DIR/audit-key, readable by the app alone", async () => {
    const organisationId = await createAuditedOrganisation("Key File", 1);
    const file = path.join(isolation.dataDir, "audit-key");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(auditKey()).toBe(auditKey());
    expect(auditKey().length).toBeGreaterThanOrEqual(32);
    expect(await resultOf(organisationId)).toEqual({ ok: true, events: 1 });
  });

  it("advances the head with each commit, and not for a transaction that rolls back", async () => {
    const organisationId = await createAuditedOrganisation("Rollbacks", 3);
    expect(await headSeq(organisationId)).toBe(3);
    await expect(
      transaction(async (tx) => {
        await appendAuditEvent(tx, event(organisationId));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await headSeq(organisationId)).toBe(3);
    await transaction(async (tx) => {
      await appendAuditEvent(tx, event(organisationId));
      await appendAuditEvent(tx, event(organisationId));
    });
    expect(await headSeq(organisationId)).toBe(5);
    expect(await resultOf(organisationId)).toEqual({ ok: true, events: 5 });
  });

  it("puts the previous head back when the commit fails after the head moved", async () => {
    const organisationId = await createAuditedOrganisation("Failed Commit", 2);
    const before = await auditHeadOf(organisationId);
    await expect(
      transaction(
        async (tx) => {
          await appendAuditEvent(tx, event(organisationId));
          // runs after the head step: the transaction has expired when Prisma commits
          beforeCommit(tx, "slow", {
            apply: () => new Promise((resolve) => setTimeout(resolve, 1_500)),
            undo: async () => undefined,
          });
        },
        { timeout: 1_000 },
      ),
    ).rejects.toThrow();
    expect(await auditHeadOf(organisationId)).toEqual(before);
    expect(await resultOf(organisationId)).toEqual({ ok: true, events: 2 });
  });

  it("keeps the head on the last of many concurrent appends", async () => {
    const organisationId = await createAuditedOrganisation("Concurrent", 1);
    await Promise.all(
      Array.from({ length: 12 }, () => transaction((tx) => appendAuditEvent(tx, event(organisationId)))),
    );
    expect(await headSeq(organisationId)).toBe(13);
    expect(await resultOf(organisationId)).toEqual({ ok: true, events: 13 });
  });

  it("refuses to append in a transaction the head cannot follow", async () => {
    const organisationId = await createAuditedOrganisation("Raw Transaction", 1);
    await expect(prisma().$transaction((tx) => appendAuditEvent(tx, event(organisationId)))).rejects.toThrow(
      /inside transaction\(\)/,
    );
    expect((await loadAuditChain(organisationId)).length).toBe(1);
  });

  it("seals a chain written before MACs existed once, and then has nothing left to seal", async () => {
    const organisationId = await createAuditedOrganisation("Legacy", 4);
    await makeAuditChainLegacy(organisationId);
    expect(await resultOf(organisationId)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: expect.stringMatching(/no MAC/),
    });

    expect(await sealLegacyAuditEvents()).toEqual({ sealed: [{ organisationId, events: 4 }], refused: [] });
    expect(await headSeq(organisationId)).toBe(4);
    expect(await resultOf(organisationId)).toEqual({ ok: true, events: 4 });
    expect(await sealLegacyAuditEvents()).toEqual({ sealed: [], refused: [] });
  });

  it("seals a legacy chain before appending to it", async () => {
    const organisationId = await createAuditedOrganisation("Legacy Append", 3);
    await makeAuditChainLegacy(organisationId);
    await appendTestAuditEvents(organisationId, 1);
    expect(await headSeq(organisationId)).toBe(4);
    expect(await resultOf(organisationId)).toEqual({ ok: true, events: 4 });
  });

  it("refuses to seal MACs stripped beside a recorded head, or a chain whose hashes are broken", async () => {
    const stripped = await createAuditedOrganisation("Stripped", 3);
    await stripAuditMacs(stripped);
    const broken = await createAuditedOrganisation("Broken Legacy", 3);
    await makeAuditChainLegacy(broken);
    await tamperWithAuditEvent(broken, 2);

    const report = await sealLegacyAuditEvents();
    expect(report.sealed).toEqual([]);
    expect(report.refused).toEqual(
      expect.arrayContaining([
        { organisationId: stripped, reason: expect.stringMatching(/already has a recorded head/) },
        { organisationId: broken, reason: expect.stringMatching(/event #2: content was altered/) },
      ]),
    );
    expect(await resultOf(stripped)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: expect.stringMatching(/no MAC/),
    });
    expect(await resultOf(broken)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: expect.stringMatching(/no MAC/),
    });
    await expect(appendTestAuditEvents(stripped, 1)).rejects.toThrow(/cannot be sealed/);
  });
});
