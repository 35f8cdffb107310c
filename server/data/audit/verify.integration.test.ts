import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../domain/audit";
import { blobStore } from "../../services/storage/blob-store";
import { loadAuditChain, verifyAllAuditChains } from "./chain";
import {
  attemptsToAlterAuditEvent,
  auditHeadOf,
  createAuditedOrganisation,
  deleteNewestAuditEvents,
  forgeAuditEventAndRehash,
  isolateAuditKeyAndHeads,
  lastAuditSeq,
  tamperWithAuditEvent,
} from "./testing";
import { organisationIdOf, testDatabaseKinds } from "../testing";
import { useTestDatabase } from "../../test-support/database";

// The attacker of these tests can write the database (even switch its triggers off) but has
// neither the audit key nor the blob store holding the heads.

/** The organisation's result, checking the untouched demo organisations stay intact beside it. */
async function resultOf(organisationId: string) {
  const reports = await verifyAllAuditChains();
  const demo = reports.filter(
    (report) => report.id !== organisationId && ["Northwind Consulting", "Contoso Advisory"].includes(report.name),
  );
  expect(demo.filter((report) => !report.result.ok)).toEqual([]);
  return reports.find((report) => report.id === organisationId)?.result;
}

describe.each(testDatabaseKinds())("audit:verify on %s", (kind) => {
  let isolation: Awaited<ReturnType<typeof isolateAuditKeyAndHeads>>;
  beforeAll(async () => {
    isolation = await isolateAuditKeyAndHeads({ keyInEnv: true });
  });
  afterAll(() => isolation.restore());
  useTestDatabase(kind);

  it("reports every organisation's chain intact up to the head kept in the blob store", async () => {
    const reports = await verifyAllAuditChains();
    expect(reports.map((r) => [r.name, r.result.ok])).toEqual([
      ["Northwind Consulting", true],
      ["Contoso Advisory", true],
    ]);
    const contoso = await organisationIdOf("owner@contoso.test");
    const chain = await loadAuditChain(contoso);
    expect(await auditHeadOf(contoso)).toEqual({ organisationId: contoso, seq: chain.length, mac: chain.at(-1)?.mac });
  });

  it("has the database refuse every change and deletion of an event", async () => {
    const northwind = await organisationIdOf("owner@northwind.test");
    const outcomes = await attemptsToAlterAuditEvent(northwind, 2);
    expect(Object.keys(outcomes)).toEqual(["update", "delete", "updateRaw", "deleteRaw", "replaceMac", "truncate"]);
    for (const [attempt, outcome] of Object.entries(outcomes))
      expect([attempt, outcome]).toEqual([attempt, expect.stringMatching(/append-only/)]);
    expect(await resultOf(northwind)).toMatchObject({ ok: true });
  });

  it("names an event edited alone by its hash", async () => {
    const victim = await createAuditedOrganisation("Edited Alone", 5);
    await tamperWithAuditEvent(victim, 3);
    expect(await resultOf(victim)).toEqual({ ok: false, brokenAtSeq: 3, reason: "content was altered" });
  });

  it("names an event edited and re-hashed forward without the key by its MAC", async () => {
    const victim = await createAuditedOrganisation("Rehashed", 6);
    await forgeAuditEventAndRehash(victim, 4);
    const chain = await loadAuditChain(victim);
    expect(chain.find((event) => event.seq === 4)?.action).toBe("forged");
    // the hashes alone no longer tell
    expect(verifyAuditChain(chain)).toEqual({ ok: true, events: 6 });
    expect(await resultOf(victim)).toEqual({
      ok: false,
      brokenAtSeq: 4,
      reason: "MAC does not match: altered and re-hashed, or another key",
    });
  });

  it("names the first deleted event when the newest events are deleted", async () => {
    const victim = await createAuditedOrganisation("Truncated", 8);
    await deleteNewestAuditEvents(victim, 3);
    expect(await lastAuditSeq(victim)).toBe(5);
    expect(verifyAuditChain(await loadAuditChain(victim))).toEqual({ ok: true, events: 5 });
    expect(await resultOf(victim)).toEqual({
      ok: false,
      brokenAtSeq: 6,
      reason: "missing: the chain ends at #5, its recorded head is #8",
    });
  });

  it("fails an organisation whose events have no head record", async () => {
    const victim = await createAuditedOrganisation("Headless", 2);
    await blobStore().deleteRecord(`audit-heads/${victim}.json`);
    expect(await resultOf(victim)).toMatchObject({
      ok: false,
      brokenAtSeq: null,
      reason: expect.stringMatching(/no head record/),
    });
  });
});
