import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "../../data/organisation/api-tokens";
import { resolveOrgScope, type OrgScope } from "../../data/scope";
import { countAuditEvents, idOf, milestoneRow, sessionFor, testDatabaseKinds } from "../../data/testing";
import { installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { useTestDatabase } from "../../test-support/database";
import { createCaller } from "../root";
import { errorCodeOf } from "../test-support/error-code";
import { submitEvidenceWithToken } from "./evidence-upload";

const fixtures = path.resolve(import.meta.dirname, "../../domain/evidence/fixtures");
const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

function post(
  token: string | null,
  fields: Record<string, string>,
  file?: Buffer,
  headers: Record<string, string> = {},
) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (file) data.set("file", new Blob([new Uint8Array(file)]), "report.xml");
  return submitEvidenceWithToken(
    new Request("http://tollgate.test/api/v1/evidence", {
      method: "POST",
      body: data,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    }),
  );
}

describe.each(testDatabaseKinds())("CI evidence API on %s", (kind) => {
  useTestDatabase(kind);
  let owner: OrgScope;
  let token: string;
  let poc: string;

  beforeAll(async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-blobs-"))));
    owner = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const engagementId = await idOf("engagement", { title: EASTBANK });
    token = (await createApiToken(owner, engagementId, "github actions"))!.token;
    poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
  });

  it("verifies a test report posted by a pipeline and attaches it, recorded as the token's act", async () => {
    const response = await post(
      token,
      { milestoneId: poc, kind: "junit" },
      readFileSync(path.join(fixtures, "node-junit.xml")),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      verifications: { verdict: string; reasons: string[]; metrics: unknown }[];
    };
    expect(body.verifications).toEqual([
      {
        requirementId: expect.any(String),
        verdict: "fail",
        reasons: ["1 of 5 tests failed"],
        metrics: { tests: 5, failures: 1, errors: 0, skipped: 1, passed: 3 },
      },
    ]);
    expect((await milestoneRow(poc)).version).toBeGreaterThan(0);
    expect(await countAuditEvents("evidence.attached", poc)).toBe(1);
  });

  it("answers 401 to a missing, malformed, unknown or revoked token", async () => {
    const file = readFileSync(path.join(fixtures, "node-junit.xml"));
    expect((await post(null, { milestoneId: poc, kind: "junit" }, file)).status).toBe(401);
    expect((await post("not-a-token", { milestoneId: poc, kind: "junit" }, file)).status).toBe(401);
    expect((await post(`tg_000000000000_${"a".repeat(43)}`, { milestoneId: poc, kind: "junit" }, file)).status).toBe(
      401,
    );
    const revoked = (await createApiToken(owner, await idOf("engagement", { title: EASTBANK }), "old"))!;
    await revokeApiToken(owner, revoked.view.id);
    expect((await post(revoked.token, { milestoneId: poc, kind: "junit" }, file)).status).toBe(401);
  });

  it("answers 404 for a milestone outside the token's engagement, 413 for an oversized body", async () => {
    const other = await idOf("milestone", { title: "Checkout latency review", key: "poc" });
    const file = readFileSync(path.join(fixtures, "node-junit.xml"));
    expect((await post(token, { milestoneId: other, kind: "junit" }, file)).status).toBe(404);
    expect(
      (await post(token, { milestoneId: poc, kind: "junit" }, file, { "content-length": String(500 * 1024 * 1024) }))
        .status,
    ).toBe(413);
  });

  it("makes tokens that expire after a year by default, and answers 401 once one has expired", async () => {
    const engagementId = await idOf("engagement", { title: EASTBANK });
    const made = await createApiToken(owner, engagementId, "nightly");
    const days = (new Date(made.view.expiresAt!).getTime() - new Date(made.view.createdAt).getTime()) / 86_400_000;
    expect(days).toBe(365);
    const file = readFileSync(path.join(fixtures, "node-junit.xml"));
    const past = await createApiToken(owner, engagementId, "made long ago", 30, new Date(Date.now() - 31 * 86_400_000));
    expect((await post(past.token, { milestoneId: poc, kind: "junit" }, file)).status).toBe(401);
  });

  it("revokes an engagement's tokens when it is cancelled, and makes no new ones for it", async () => {
    const engagementId = await idOf("engagement", { title: "Checkout latency review" });
    const delivery = await idOf("milestone", { title: "Checkout latency review", key: "delivery" });
    const live = await createApiToken(owner, engagementId, "checkout pipeline");
    const file = readFileSync(path.join(fixtures, "node-junit.xml"));
    expect((await post(live.token, { milestoneId: delivery, kind: "junit" }, file)).status).toBe(201);

    const api = createCaller({ session: await sessionFor("owner@northwind.test") });
    // completing needs every milestone paid or cancelled
    expect(await errorCodeOf(api.engagement.end({ engagementId, status: "completed", reason: "delivered" }))).toBe(
      "CONFLICT",
    );
    expect(
      await api.engagement.end({ engagementId, status: "cancelled", reason: "the retailer stopped the project" }),
    ).toEqual({ status: "cancelled", tokensRevoked: 1 });

    expect((await post(live.token, { milestoneId: delivery, kind: "junit" }, file)).status).toBe(401);
    expect((await api.apiToken.list({ engagementId })).every((t) => t.revokedAt !== null)).toBe(true);
    expect(await errorCodeOf(api.apiToken.create({ engagementId, name: "another" }))).toBe("CONFLICT");
    expect(await errorCodeOf(api.engagement.end({ engagementId, status: "cancelled", reason: "again" }))).toBe(
      "CONFLICT",
    );
    expect(await countAuditEvents("engagement.cancelled", engagementId)).toBe(1);
  });
});
