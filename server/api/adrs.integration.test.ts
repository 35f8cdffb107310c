import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { AdrContent } from "../domain/adr/adr";
import { numberFromFilename, parseAdr } from "../domain/adr/madr";
import { loadAuditChain } from "../data/audit";
import { attachVerifiedEvidence, createTestDatabase, idOf, organisationIdOf, seedForTests, sessionFor, testDatabaseKinds, type TestDatabase } from "../data/testing";
import { errorCodeOf } from "./test-support/error-code";
import { exportAdrsRest, listAdrsRest } from "./rest/adrs";
import { createCaller } from "./root";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

/** The MADR-expressible part of an ADR as listed (what a file carries). */
function contentOf(adr: AdrContent & Record<string, unknown>): AdrContent {
  const { number, title, status, date, deciders, context, decisionDrivers, consideredOptions, decisionOutcome, consequences, validation, supersededBy, supersedes } = adr;
  return { number, title, status, date, deciders, context, decisionDrivers, consideredOptions, decisionOutcome, consequences, validation, supersededBy, supersedes };
}

const DRAFT = {
  title: "Cache Merkle roots per block range",
  date: "2026-11-20",
  deciders: ["Nora Lindqvist"],
  context: "Integrity checks recompute roots for every range.\nThat costs 40% of a sync cycle.",
  decisionDrivers: ["sync delay P99 <= 1.5 s"],
  consideredOptions: [{ title: "Cache in SQLite", pros: ["no new service"], cons: ["invalidation on reorg"] }],
  decisionOutcome: "Cache in SQLite, keyed by range and tip hash.",
  consequences: "Reorgs invalidate the cached ranges above the fork.",
  validation: "",
};

describe.each(testDatabaseKinds())("ADRs over the API on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  it("lists the demo's ADR-007 for the consultant and the client, and nothing to other tenants", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const adrs = await createCaller({ session: owner }).adr.list({ engagementId });
    expect(adrs.find((a) => a.number === 7)).toMatchObject({ title: "Use embedded SQLite storage", status: "accepted" });
    const rest = (await (await listAdrsRest(owner, engagementId)).json()) as { adrs: { number: number; status: string }[] };
    expect(rest.adrs).toContainEqual({ number: 7, title: "Use embedded SQLite storage", status: "accepted", supersededBy: null });

    const approver = await sessionFor("approver@eastbank.test");
    const portal = await createCaller({ session: approver }).portal.adr.list({ engagementId });
    expect(portal.every((a) => a.status === "accepted")).toBe(true);
    expect(portal.map((a) => a.number)).toContain(7);

    for (const email of ["approver@lakeside.test", "owner@contoso.test"]) {
      expect((await listAdrsRest(await sessionFor(email), engagementId)).status).toBe(404);
      expect((await exportAdrsRest(await sessionFor(email), engagementId)).status).toBe(404);
    }
  });

  it("exports MADR files under adr-tools names that read back to the same records", async () => {
    const owner = await sessionFor("owner@northwind.test");
    const response = await exportAdrsRest(owner, engagementId);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const names = Object.keys(files);
    expect(names).toContain("docs/decisions/0007-use-embedded-sqlite-storage.md");
    const listed = (await createCaller({ session: owner }).adr.list({ engagementId })).map(contentOf);
    const read = names.map((name) => parseAdr(strFromU8(files[name]!), numberFromFilename(name))).sort((a, b) => a.number - b.number);
    expect(read).toEqual(listed);
  });

  it("numbers new ADRs, keeps every edit of a proposed one with a diff, and refuses a stale edit", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const created = await owner.adr.create({ engagementId, draft: DRAFT });
    expect(created.number).toBe(8);
    const edited = await owner.adr.edit({ adrId: created.id, revision: 1, draft: { ...DRAFT, context: "Integrity checks recompute roots for every range.\nThat costs 45% of a sync cycle." } });
    expect(edited.revision).toBe(2);
    expect(await errorCodeOf(owner.adr.edit({ adrId: created.id, revision: 1, draft: DRAFT }))).toBe("CONFLICT");
    const history = await owner.adr.history({ adrId: created.id });
    expect(history.map((h) => h.revision)).toEqual([2, 1]);
    expect(history[0]!.by).toBe("Nora Lindqvist");
    expect(history[0]!.changes).toEqual([
      {
        field: "context",
        lines: [
          { op: "same", text: "Integrity checks recompute roots for every range." },
          { op: "remove", text: "That costs 40% of a sync cycle." },
          { op: "add", text: "That costs 45% of a sync cycle." },
        ],
      },
    ]);
    expect(await errorCodeOf(owner.adr.create({ engagementId, draft: { ...DRAFT, date: "2026-02-30" } }))).toBe("BAD_REQUEST");
    expect((await owner.adr.list({ engagementId })).map((a) => a.number)).toEqual([6, 7, 8]);
  });

  it("freezes accepted ADRs: they change only by superseding, which links both ways", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const adr8 = (await owner.adr.list({ engagementId })).find((a) => a.number === 8)!;
    expect(await errorCodeOf(owner.adr.setStatus({ adrId: adr8.id, status: "superseded" }))).toBe("CONFLICT");
    await owner.adr.setStatus({ adrId: adr8.id, status: "accepted" });
    expect(await errorCodeOf(owner.adr.edit({ adrId: adr8.id, revision: adr8.revision, draft: DRAFT }))).toBe("CONFLICT");
    expect(await errorCodeOf(owner.adr.setStatus({ adrId: adr8.id, status: "proposed" }))).toBe("CONFLICT");

    const replacement = await owner.adr.supersede({ adrId: adr8.id, draft: { ...DRAFT, title: "Cache Merkle roots in memory per node" } });
    expect(replacement.number).toBe(9);
    const after = await owner.adr.list({ engagementId });
    expect(after.find((a) => a.number === 8)).toMatchObject({ status: "superseded", supersededBy: 9 });
    expect(after.find((a) => a.number === 9)).toMatchObject({ status: "accepted", supersedes: 8 });
    expect(await errorCodeOf(owner.adr.supersede({ adrId: adr8.id, draft: DRAFT }))).toBe("CONFLICT");
    const actions = (await loadAuditChain(await organisationIdOf("owner@northwind.test"))).filter((e) => e.entityId === adr8.id).map((e) => e.action);
    expect(actions).toEqual(["adr.created", "adr.edited", "adr.status_changed", "adr.superseded"]);
  });

  it("shows the latest verdict of the gate requirement that validates an ADR", async () => {
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    const adr7 = (await owner.adr.list({ engagementId })).find((a) => a.number === 7)!;
    expect(adr7.validationLink).toMatchObject({ kind: "requirement", label: "Proof of concept: go-bench", verdict: "none" });
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    await attachVerifiedEvidence("owner@northwind.test", poc, "go-bench", "fail", ["BenchmarkSyncBlock: 61 ms > 50 ms"]);
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.validationLink).toMatchObject({ verdict: "fail", reasons: ["BenchmarkSyncBlock: 61 ms > 50 ms"] });
    const sha = await attachVerifiedEvidence("owner@northwind.test", poc, "go-bench", "pass");
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.validationLink).toMatchObject({ verdict: "pass", evidenceSha256: sha });

    const targets = await owner.adr.validationTargets({ engagementId });
    const sla = targets.find((t) => t.kind === "sla")!;
    await owner.adr.linkValidation({ adrId: adr7.id, target: { kind: "sla", id: sla.id } });
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.validationLink).toMatchObject({ kind: "sla", label: sla.label, verdict: "none" });
    const otherEngagement = await idOf("engagement", { title: "Checkout latency review" });
    const foreign = (await owner.adr.validationTargets({ engagementId: otherEngagement }))[0]!;
    expect(await errorCodeOf(owner.adr.linkValidation({ adrId: adr7.id, target: { kind: foreign.kind, id: foreign.id } }))).toBe("NOT_FOUND");
    const bench = targets.find((t) => t.label === "Proof of concept: go-bench")!;
    await owner.adr.linkValidation({ adrId: adr7.id, target: { kind: bench.kind, id: bench.id } });
  });

  it("records an approver's acknowledgement with the content hash they read; viewers and other clients cannot", async () => {
    const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
    const adr7 = (await approver.portal.adr.list({ engagementId })).find((a) => a.number === 7)!;
    expect(await errorCodeOf(approver.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: "0".repeat(64) }))).toBe("CONFLICT");
    const ack = await approver.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 });
    expect(ack.contentSha256).toBe(adr7.contentSha256);
    // acknowledging twice is the same acknowledgement
    expect((await approver.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 })).acknowledgedAt).toBe(ack.acknowledgedAt);
    const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
    expect((await owner.adr.list({ engagementId })).find((a) => a.number === 7)!.acknowledgements).toEqual([{ by: "Wang Lei", at: ack.acknowledgedAt, contentSha256: adr7.contentSha256, current: true }]);

    const viewer = createCaller({ session: await sessionFor("viewer@eastbank.test") });
    expect(await errorCodeOf(viewer.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 }))).toBe("FORBIDDEN");
    const lakeside = createCaller({ session: await sessionFor("approver@lakeside.test") });
    expect(await errorCodeOf(lakeside.portal.adr.acknowledge({ adrId: adr7.id, contentSha256: adr7.contentSha256 }))).toBe("NOT_FOUND");
    const superseded = (await owner.adr.list({ engagementId })).find((a) => a.number === 6)!;
    expect(await errorCodeOf(approver.portal.adr.acknowledge({ adrId: superseded.id, contentSha256: superseded.contentSha256 }))).toBe("NOT_FOUND");
  });
});
