import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { attestationSha256, type AttestationRecord } from "../domain/attestation";
import { countAuditEvents, idOf, milestoneRow, sessionFor, testDatabaseKinds } from "../data/testing";
import { useTestDatabase } from "../test-support/database";
import type { SessionClaims } from "../auth";
import { postAttestationRest } from "./rest/attestations";
import { createCaller } from "./root";

// The default template's annual upgrade rights are paid in advance once the client attests
// "access to the upgrade channel granted": by the client's approver, in those words, once.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const STATEMENT = "access to the upgrade channel granted";

async function attest(session: SessionClaims | null, milestoneId: string, body: Record<string, unknown>) {
  const response = await postAttestationRest(
    session,
    milestoneId,
    new Request("http://tollgate.test/api/v1/milestones/x/attestations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { error?: string; reasons?: string[] },
  };
}

describe.each(testDatabaseKinds())("attestations on %s", (kind) => {
  useTestDatabase(kind);

  it(
    "refuse the wrong party (403), a viewer (403), other words (422, naming the gate's) and strangers (404), " +
      "keeping nothing",
    async () => {
      const upgrade = await idOf("milestone", { title: EASTBANK, key: "upgrade" });
      const owner = await attest(await sessionFor("owner@northwind.test"), upgrade, {
        statement: STATEMENT,
        idempotencyKey: randomUUID(),
      });
      expect(owner).toMatchObject({
        status: 403,
        body: { error: "WRONG_PARTY", reasons: ["this attestation is for the client's approver to give"] },
      });
      expect(
        await attest(await sessionFor("viewer@eastbank.test"), upgrade, {
          statement: STATEMENT,
          idempotencyKey: randomUUID(),
        }),
      ).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
      const wrong = await attest(await sessionFor("approver@eastbank.test"), upgrade, {
        statement: "access granted",
        idempotencyKey: randomUUID(),
      });
      expect(wrong).toEqual({
        status: 422,
        body: { error: "WRONG_STATEMENT", reasons: [`the gate asks for exactly: "${STATEMENT}"`] },
      });
      expect(
        await attest(await sessionFor("approver@lakeside.test"), upgrade, {
          statement: STATEMENT,
          idempotencyKey: randomUUID(),
        }),
      ).toMatchObject({ status: 404 });
      expect(await attest(null, upgrade, { statement: STATEMENT, idempotencyKey: randomUUID() })).toMatchObject({
        status: 401,
      });
      // a gate that asks for no attestation
      const review = await idOf("milestone", { title: EASTBANK, key: "review" });
      expect(
        await attest(await sessionFor("approver@eastbank.test"), review, {
          statement: STATEMENT,
          idempotencyKey: randomUUID(),
        }),
      ).toMatchObject({ status: 409, body: { error: "NOT_ATTESTABLE" } });
      expect((await milestoneRow(upgrade)).version).toBe(0);
      expect(await countAuditEvents("evidence.attached", upgrade)).toBe(0);
    },
  );

  it(
    "are kept as evidence (record, SHA-256, audit), replayed for a reused key, and let the prepaid milestone be " +
      "invoiced",
    async () => {
      const upgrade = await idOf("milestone", { title: EASTBANK, key: "upgrade" });
      const approver = await sessionFor("approver@eastbank.test");
      const key = randomUUID();
      const first = await attest(approver, upgrade, { statement: STATEMENT, idempotencyKey: key });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        party: "client",
        statement: STATEMENT,
        attestedBy: { name: "Wang Lei" },
        milestoneId: upgrade,
      });
      const { evidenceId, sha256, ...record } = first.body as unknown as AttestationRecord & {
        evidenceId: string;
        sha256: string;
      };
      expect(sha256).toBe(attestationSha256(record));

      // the same request again: the same attestation, nothing new; the key with other words: 422
      expect(await attest(approver, upgrade, { statement: STATEMENT, idempotencyKey: key })).toEqual(first);
      expect(await attest(approver, upgrade, { statement: "something else", idempotencyKey: key })).toMatchObject({
        status: 422,
        body: { error: "IDEMPOTENCY_MISMATCH" },
      });
      expect(await countAuditEvents("evidence.attached", upgrade)).toBe(1);

      const owner = createCaller({ session: await sessionFor("owner@northwind.test") });
      const engagement = await owner.engagement.get({ id: await idOf("engagement", { title: EASTBANK }) });
      const milestone = engagement.milestones.find((m) => m.id === upgrade)!;
      expect(milestone.gate.open).toBe(true);
      expect(milestone.evidence.find((e) => e.id === evidenceId)).toMatchObject({ kind: "attestation", sha256 });
      expect(await owner.milestone.transition({ milestoneId: upgrade, action: "invoice" })).toMatchObject({
        state: "invoiced",
      });
    },
  );

  it("let a consultant attest what the gate asks a consultant to", async () => {
    const owner = createCaller({ session: await sessionFor("owner@contoso.test") });
    const clientId = (await owner.client.list())[0]!.id;
    const { id } = await owner.engagement.create({
      clientId,
      title: "Hand-over attested by the consultant",
      currency: "EUR",
      feeMinor: 100_000,
      taxRateBp: 0,
      startDate: "2026-12-01",
      milestones: [
        {
          key: "handover",
          title: "Hand-over",
          kind: "prepaid",
          shareBp: 10_000,
          requirements: [{ kind: "attestation", params: { party: "consultant", statement: "runbook handed over" } }],
        },
      ],
    });
    const milestoneId = (await owner.engagement.get({ id })).milestones[0]!.id;
    const done = await attest(await sessionFor("owner@contoso.test"), milestoneId, {
      statement: "runbook handed over",
      idempotencyKey: randomUUID(),
    });
    expect(done).toMatchObject({ status: 201, body: { party: "consultant" } });
    expect(
      await attest(await sessionFor("approver@fabrikam.test"), milestoneId, {
        statement: "runbook handed over",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ status: 403, body: { error: "WRONG_PARTY" } });
  });
});
