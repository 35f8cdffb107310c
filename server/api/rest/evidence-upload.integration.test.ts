import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseFingerprint, idOf, milestoneRow, sessionFor, testDatabaseKinds } from "../../data/testing";
import { installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { useTestDatabase } from "../../test-support/database";
import type { SessionClaims } from "../../auth";
import { downloadEvidence } from "./evidence-download";
import { uploadEvidence } from "./evidence-upload";
import { createCaller } from "../root";

const fixtures = path.resolve(import.meta.dirname, "../../domain/evidence/fixtures");
const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

function form(kind: string | null, file: Buffer | null, filename = "report") {
  const data = new FormData();
  if (kind !== null) data.set("kind", kind);
  if (file) data.set("file", new Blob([new Uint8Array(file)]), filename);
  return data;
}

async function upload(session: SessionClaims | null, milestoneId: string, body: FormData | string) {
  const request = new Request("http://tollgate.test/", {
    method: "POST",
    body,
    headers: typeof body === "string" ? { "content-type": "text/plain" } : undefined,
  });
  const response = await uploadEvidence(session, milestoneId, request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(testDatabaseKinds())("evidence upload on %s", (kind) => {
  useTestDatabase(kind);
  let root: string;
  let poc: string;
  let owner: SessionClaims;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "tollgate-blobs-"));
    installBlobStore(new LocalBlobStore(root));
    poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    owner = await sessionFor("owner@northwind.test");
  });

  it("stores the file by SHA-256 and verifies it against the coverage requirement", async () => {
    const result = await upload(
      owner,
      poc,
      form("lcov", readFileSync(path.join(fixtures, "calc.info")), "coverage.info"),
    );
    expect(result.status).toBe(201);
    const sha256 = result.body.sha256 as string;
    expect(readdirSync(path.join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(result.body.verifications).toEqual([
      expect.objectContaining({
        verdict: "fail",
        reasons: ["lines coverage 83.33% < 85%"],
        metrics: expect.objectContaining({ lines: { covered: 15, total: 18, pct: (100 * 15) / 18 } }),
      }),
    ]);
    const row = await milestoneRow(poc);
    expect(row.version).toBeGreaterThan(0);
  });

  it("keeps one blob for the same bytes uploaded twice", async () => {
    const bytes = readFileSync(path.join(fixtures, "cover-count.out"));
    const first = await upload(owner, poc, form("go-cover", bytes));
    const second = await upload(owner, poc, form("go-cover", bytes));
    expect(first.status).toBe(201);
    expect(second.body.sha256).toBe(first.body.sha256);
    expect(second.body.evidenceId).not.toBe(first.body.evidenceId);
    expect((second.body.verifications as { reasons: string[] }[])[0]?.reasons).toEqual([
      "statements coverage 70.83% < 85%",
    ]);
  });

  it("refuses bad evidence with the parser's reason and keeps nothing", async () => {
    const before = await databaseFingerprint();
    const empty = await upload(owner, poc, form("lcov", Buffer.alloc(0)));
    expect(empty).toEqual({ status: 422, body: { error: "INVALID_EVIDENCE", reasons: ["the file is empty"] } });
    const malformed = await upload(owner, poc, form("lcov", Buffer.from("SF:/a.c\nDA:1\nend_of_record\n")));
    expect(malformed.body).toEqual({ error: "INVALID_EVIDENCE", reasons: ["line 2: DA needs a line and a count"] });
    expect(await databaseFingerprint()).toBe(before);
    expect(readdirSync(path.join(root, "staging"))).toEqual([]);
  });

  it("answers 401, 403, 404, 415 and 400 before storing anything", async () => {
    const file = readFileSync(path.join(fixtures, "calc.info"));
    expect((await upload(null, poc, form("lcov", file))).status).toBe(401);
    expect((await upload(await sessionFor("approver@eastbank.test"), poc, form("lcov", file))).status).toBe(403);
    expect((await upload(await sessionFor("owner@contoso.test"), poc, form("lcov", file))).status).toBe(404);
    expect((await upload(owner, poc, "not multipart")).status).toBe(415);
    expect((await upload(owner, poc, form(null, file))).body).toMatchObject({ error: "BAD_REQUEST" });
    expect((await upload(owner, poc, form("lcov", null))).body).toEqual({
      error: "BAD_REQUEST",
      reasons: ["no file in the upload"],
    });
  });
});

describe.each(testDatabaseKinds())("evidence download on %s", (kind) => {
  useTestDatabase(kind);

  it("serves the exact stored bytes as an attachment to the organisation and the client, 404 to others", async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-blobs-"))));
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    const bytes = readFileSync(path.join(fixtures, "calc.info"));
    const uploaded = await upload(
      await sessionFor("owner@northwind.test"),
      poc,
      form("lcov", bytes, '../../etc/co"verage.info'),
    );
    const evidenceId = uploaded.body.evidenceId as string;

    for (const email of ["owner@northwind.test", "approver@eastbank.test"]) {
      const response = await downloadEvidence(await sessionFor(email), evidenceId);
      expect(response.status, email).toBe(200);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="co_22verage.info"');
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    }
    for (const email of ["owner@contoso.test", "approver@lakeside.test"]) {
      expect((await downloadEvidence(await sessionFor(email), evidenceId)).status, email).toBe(404);
    }
    expect((await downloadEvidence(null, evidenceId)).status).toBe(401);
  });
});

describe.each(testDatabaseKinds())("re-verification on %s", (kind) => {
  useTestDatabase(kind);

  it("runs the verifier again on the stored file against the gate as it is now, keeping history", async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-blobs-"))));
    const owner = await sessionFor("owner@northwind.test");
    const api = createCaller({ session: owner });
    const engagementId = await idOf("engagement", { title: "Checkout latency review" });
    const before = await api.engagement.get({ id: engagementId });
    const plan = (minPct: number) => ({
      clientId: before.client.id,
      title: before.title,
      currency: "EUR" as const,
      feeMinor: before.feeMinor,
      taxRateBp: before.taxRateBp,
      startDate: before.startDate,
      paymentTermsDays: 30,
      milestones: [
        {
          key: "poc",
          title: "Proof of concept",
          kind: "standard" as const,
          shareBp: 10_000,
          requirements: [{ kind: "coverage" as const, params: { metric: "lines" as const, minPct } }],
        },
      ],
    });
    await api.engagement.updatePlan({ engagementId, plan: plan(90) });
    const poc = await idOf("milestone", { title: "Checkout latency review", key: "poc" });
    const uploaded = await upload(owner, poc, form("lcov", readFileSync(path.join(fixtures, "calc.info"))));
    expect((uploaded.body.verifications as { verdict: string }[])[0]?.verdict).toBe("fail");

    const evidenceId = uploaded.body.evidenceId as string;
    expect(await api.milestone.reverify({ evidenceId })).toEqual([
      { requirementId: expect.any(String), verdict: "fail", reasons: ["lines coverage 83.33% < 90%"] },
    ]);
    const detail = await api.engagement.get({ id: engagementId });
    expect(detail.milestones[0]?.evidence[0]?.verifications).toHaveLength(2);
    await expect(
      createCaller({ session: await sessionFor("owner@contoso.test") }).milestone.reverify({ evidenceId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
