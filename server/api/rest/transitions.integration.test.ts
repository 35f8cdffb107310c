import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { verifyAuditChain } from "../../domain/audit";
import { loadAuditChain } from "../../data/audit/chain";
import {
  attachVerifiedEvidence,
  countAuditEvents,
  createTestDatabase,
  idOf,
  listEvidenceHashes as evidenceHashes,
  milestoneRow,
  organisationIdOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../../data/testing";
import type { SessionClaims } from "../../auth";
import { postTransitionRest } from "./transitions";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const OWNER = "owner@northwind.test";
const JSON_TYPE = { "content-type": "application/json" };

async function post(session: SessionClaims | null, milestoneId: string, body: unknown) {
  const response = await postTransitionRest(
    session,
    milestoneId,
    new Request("http://tollgate.test/", { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) }),
  );
  return {
    status: response.status,
    body: (await response.json()) as { state?: string; error?: string; reasons?: string[] },
  };
}

const act = (action: string, extra: Record<string, unknown> = {}) => ({
  action,
  idempotencyKey: randomUUID(),
  ...extra,
});

describe.each(testDatabaseKinds())("milestone transitions over REST on %s", (kind) => {
  let db: TestDatabase;
  let owner: SessionClaims;
  let approver: SessionClaims;
  let review: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    owner = await sessionFor(OWNER);
    approver = await sessionFor("approver@eastbank.test");
    review = await idOf("milestone", { title: EASTBANK, key: "review" });
  });
  afterAll(() => db.drop());

  it("walks review from planned to invoiced, refusing each step whose guard fails, with reasons", async () => {
    expect(await post(owner, review, act("start"))).toEqual({
      status: 200,
      body: expect.objectContaining({ state: "in_progress" }),
    });
    expect(await post(owner, review, act("submit"))).toMatchObject({ status: 200, body: { state: "submitted" } });

    const closed = await post(owner, review, act("verify"));
    expect(closed).toEqual({
      status: 409,
      body: { error: "GATE_CLOSED", reasons: ["no sha256 evidence attached", "no manifest-review evidence attached"] },
    });

    await attachVerifiedEvidence(OWNER, review, "sha256", "pass");
    await attachVerifiedEvidence(OWNER, review, "manifest-review", "fail", [
      "go.mod pins golang.org/x/crypto v0.1.0 with known CVEs",
    ]);
    expect(await post(owner, review, act("verify"))).toEqual({
      status: 409,
      body: { error: "GATE_CLOSED", reasons: ["go.mod pins golang.org/x/crypto v0.1.0 with known CVEs"] },
    });

    await attachVerifiedEvidence(OWNER, review, "manifest-review", "pass");
    expect(await post(owner, review, act("verify"))).toMatchObject({ status: 200, body: { state: "verified" } });

    const hashes = await evidenceHashes(review);
    expect(await post(approver, review, act("approve", { evidenceSha256: hashes }))).toMatchObject({
      status: 200,
      body: { state: "approved" },
    });
    expect(await post(owner, review, act("invoice"))).toMatchObject({ status: 200, body: { state: "invoiced" } });
    expect((await milestoneRow(review)).invoicedAmountMinor).toBe(15_000_000n);

    const again = await post(owner, review, act("invoice"));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("INVALID_TRANSITION");
    expect(again.body.reasons?.[0]).toContain("invoiced");
  });

  it("records every transition in the intact audit chain with before and after states", async () => {
    const chain = await loadAuditChain(await organisationIdOf(OWNER));
    expect(verifyAuditChain(chain).ok).toBe(true);
    const invoice = chain.find((e) => e.action === "milestone.invoice" && e.entityId === review);
    expect(invoice).toMatchObject({
      before: { state: "approved" },
      after: { state: "invoiced", invoicedAmountMinor: 15_000_000 },
      actorId: owner.userId,
    });
    expect(await countAuditEvents("milestone.invoice", review)).toBe(1);
  });

  it("answers 403 for actions outside the caller's role", async () => {
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    expect(await post(approver, poc, act("start"))).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
    expect(await post(await sessionFor("viewer@eastbank.test"), poc, act("approve"))).toMatchObject({
      status: 403,
      body: { error: "FORBIDDEN" },
    });
    expect(await post(owner, poc, act("approve"))).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
  });

  it("binds an approval to the evidence shown, and new evidence voids it", async () => {
    const delivery = await idOf("milestone", { title: EASTBANK, key: "delivery" });
    await post(owner, delivery, act("start"));
    await attachVerifiedEvidence(OWNER, delivery, "git-tag", "pass");
    await attachVerifiedEvidence(OWNER, delivery, "junit", "pass");
    await post(owner, delivery, act("submit"));
    await post(owner, delivery, act("verify"));
    const shown = await evidenceHashes(delivery);

    const stale = await post(approver, delivery, act("approve", { evidenceSha256: shown.slice(1) }));
    expect(stale).toMatchObject({ status: 409, body: { error: "EVIDENCE_CHANGED" } });
    expect(await post(approver, delivery, act("approve", { evidenceSha256: shown }))).toMatchObject({
      status: 200,
      body: { state: "approved" },
    });

    await attachVerifiedEvidence(OWNER, delivery, "junit", "pass");
    const row = await milestoneRow(delivery);
    expect(row.state).toBe("submitted");
    expect(row.approvals.filter((a) => a.type === "approved").every((a) => a.voidedAt !== null)).toBe(true);
    expect(await post(owner, delivery, act("invoice"))).toMatchObject({
      status: 409,
      body: { error: "INVALID_TRANSITION" },
    });
  });

  it("requires a comment to request changes", async () => {
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    await post(owner, poc, act("start"));
    await post(owner, poc, act("submit"));
    expect(await post(approver, poc, act("request_changes", { comment: " " }))).toMatchObject({
      status: 400,
      body: { error: "COMMENT_REQUIRED" },
    });
    expect(await post(approver, poc, act("request_changes", { comment: "Coverage report is missing" }))).toMatchObject({
      status: 200,
      body: { state: "changes_requested" },
    });
  });

  it("invoices a prepaid milestone on its own gate", async () => {
    const upgrade = await idOf("milestone", { title: EASTBANK, key: "upgrade" });
    expect(await post(owner, upgrade, act("invoice"))).toEqual({
      status: 409,
      body: { error: "GATE_CLOSED", reasons: ["no attestation evidence attached"] },
    });
    await attachVerifiedEvidence(OWNER, upgrade, "attestation", "pass");
    expect(await post(owner, upgrade, act("invoice"))).toMatchObject({ status: 200, body: { state: "invoiced" } });
  });

  it("replays the first answer for a reused idempotency key and refuses it with another body", async () => {
    const lakeside = await idOf("milestone", { title: "Checkout latency review", key: "review" });
    const key = randomUUID();
    const first = await post(owner, lakeside, { action: "start", idempotencyKey: key });
    expect(first).toMatchObject({ status: 200, body: { state: "in_progress" } });
    await post(owner, lakeside, act("submit"));
    expect(await post(owner, lakeside, { action: "start", idempotencyKey: key })).toEqual(first);
    expect(await post(owner, lakeside, { action: "cancel", idempotencyKey: key })).toMatchObject({
      status: 422,
      body: { error: "IDEMPOTENCY_MISMATCH" },
    });
    expect((await milestoneRow(lakeside)).state).toBe("submitted");
  });

  it("answers 401, 404 and 400 with reasons, changing nothing", async () => {
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    const before = (await milestoneRow(poc)).version;
    expect(await post(null, poc, act("start"))).toMatchObject({ status: 401, body: { error: "UNAUTHORIZED" } });
    for (const email of ["owner@contoso.test", "approver@lakeside.test", "approver@fabrikam.test"]) {
      expect(await post(await sessionFor(email), poc, act("start")), email).toMatchObject({
        status: 404,
        body: { error: "NOT_FOUND" },
      });
    }
    expect(await post(owner, poc, { action: "start", idempotencyKey: randomUUID(), state: "paid" })).toMatchObject({
      status: 400,
      body: { error: "BAD_REQUEST" },
    });
    expect(await post(owner, poc, { action: "teleport", idempotencyKey: randomUUID() })).toMatchObject({ status: 400 });
    expect(await post(owner, poc, { action: "start" })).toMatchObject({ status: 400 });
    expect(await post(owner, poc, { ...act("start"), comment: "x".repeat(20_000) })).toMatchObject({
      status: 413,
      body: { error: "PAYLOAD_TOO_LARGE" },
    });
    const notJson = await postTransitionRest(
      owner,
      poc,
      new Request("http://tollgate.test/", { method: "POST", headers: JSON_TYPE, body: "{action:" }),
    );
    expect(notJson.status).toBe(400);
    expect((await milestoneRow(poc)).version).toBe(before);
  });

  it("answers 415 to a body that does not say it is JSON, and changes nothing", async () => {
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    const before = (await milestoneRow(poc)).version;
    for (const headers of [
      {},
      { "content-type": "text/plain" },
      { "content-type": "application/x-www-form-urlencoded" },
    ] as Record<string, string>[]) {
      const response = await postTransitionRest(
        owner,
        poc,
        new Request("http://tollgate.test/", { method: "POST", headers, body: JSON.stringify(act("start")) }),
      );
      expect(response.status, JSON.stringify(headers)).toBe(415);
      expect(await response.json()).toMatchObject({
        error: "UNSUPPORTED_MEDIA_TYPE",
        reasons: [expect.stringContaining("application/json")],
      });
    }
    expect((await milestoneRow(poc)).version).toBe(before);
  });

  it("refuses a chunked body over the limit with 413 as soon as it passes it, without reading the rest", async () => {
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    let pulled = 0;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    // 1,000 chunks of 64 KiB (62.5 MiB) if anyone read it all; no content-length
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://tollgate.test/", {
      method: "POST",
      headers: JSON_TYPE,
      body,
      duplex: "half",
    } as RequestInit);
    const response = await postTransitionRest(owner, poc, request);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "PAYLOAD_TOO_LARGE" });
    expect(pulled).toBeLessThan(5);
  });

  it("keeps a refused attempt's key: the same key with another body answers 422 and executes nothing", async () => {
    const delivery = await idOf("milestone", { title: "Checkout latency review", key: "upgrade" });
    const key = randomUUID();
    // refused: the prepaid milestone's gate is closed (an invoice refusal, which once left the key unused)
    const refusal = await post(owner, delivery, { action: "invoice", idempotencyKey: key });
    expect(refusal).toMatchObject({ status: 409, body: { error: "GATE_CLOSED" } });
    // the same request again answers the same refusal
    expect(await post(owner, delivery, { action: "invoice", idempotencyKey: key })).toEqual(refusal);
    // the key cannot be spent on another action
    const before = await milestoneRow(delivery);
    expect(await post(owner, delivery, { action: "start", idempotencyKey: key })).toMatchObject({
      status: 422,
      body: { error: "IDEMPOTENCY_MISMATCH" },
    });
    expect(await post(owner, delivery, { action: "cancel", idempotencyKey: key })).toMatchObject({
      status: 422,
      body: { error: "IDEMPOTENCY_MISMATCH" },
    });
    const after = await milestoneRow(delivery);
    expect({ state: after.state, version: after.version }).toEqual({ state: before.state, version: before.version });
    expect(await countAuditEvents("milestone.start", delivery)).toBe(0);
  });

  it("keeps idempotency keys per actor: another user's identical key neither replays nor blocks", async () => {
    const lakeside = await idOf("milestone", { title: "Checkout latency review", key: "delivery" });
    const key = randomUUID();
    expect(await post(owner, lakeside, { action: "start", idempotencyKey: key })).toMatchObject({
      status: 200,
      body: { state: "in_progress" },
    });
    // a colleague with the same key gets their own answer, not the owner's replay
    // (a client's approver may not submit: the answer is theirs, a 403, not the owner's key at work)
    expect(
      await post(await sessionFor("approver@lakeside.test"), lakeside, { action: "submit", idempotencyKey: key }),
    ).toMatchObject({ status: 403, body: { error: "FORBIDDEN" } });
    expect(await post(owner, lakeside, { action: "submit", idempotencyKey: randomUUID() })).toMatchObject({
      status: 200,
      body: { state: "submitted" },
    });
  });
});
