import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../data/organisation/api-tokens";
import { findEvidenceForReverify } from "../../data/evidence/reverify";
import { findMilestoneRequirements } from "../../data/milestone/requirements";
import { resolveOrgScope, type OrgScope } from "../../data/scope";
import { databaseFingerprint, idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { installBlobStore, LocalBlobStore } from "../../services/storage/blob-store";
import { useTestDatabase } from "../../test-support/database";
import type { SessionClaims } from "../../auth";
import { benchmarkReportResponse } from "./benchmark-report";
import { createCaller } from "../root";
import { submitEvidenceWithToken, uploadEvidence } from "./evidence-upload";
import { verifyStoredEvidence } from "../../services/evidence/verify-stored";

// Go benchmark files made by `go test -bench=. -count=6 -benchmem` (server/domain/evidence/fixtures/README.md): v1 ->
// v2
// is a real speed-up of BenchmarkEncodeRows, v2 -> v3 a real slowdown.

const fixtures = path.resolve(import.meta.dirname, "../../domain/evidence/fixtures");
const bench = (version: string) => readFileSync(path.join(fixtures, `bench-rowdigest-${version}.txt`));
const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

function form(fields: Record<string, string>, file: Buffer, filename = "bench.txt") {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  data.set("file", new Blob([new Uint8Array(file)]), filename);
  return data;
}

async function upload(session: SessionClaims, milestoneId: string, fields: Record<string, string>, file: Buffer) {
  const response = await uploadEvidence(
    session,
    milestoneId,
    new Request("http://tollgate.test/", { method: "POST", body: form(fields, file) }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function report(session: SessionClaims | null, milestoneId: string, format = "json", acceptLanguage?: string) {
  const headers = acceptLanguage ? { "accept-language": acceptLanguage } : undefined;
  return benchmarkReportResponse(
    session,
    milestoneId,
    new Request(`http://tollgate.test/api/v1/milestones/${milestoneId}/benchmark-report?format=${format}`, { headers }),
  );
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-bench-pdf-"));
  writeFileSync(path.join(dir, "doc.pdf"), bytes);
  const out = spawnSync("pdftotext", ["-layout", path.join(dir, "doc.pdf"), "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

type Verification = {
  requirementId: string | null;
  verdict: string;
  reasons: string[];
  metrics: Record<string, unknown>;
};

describe.each(testDatabaseKinds())("benchmark gates and the comparison report on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let ownerScope: OrgScope;
  let poc: string;
  let review: string;
  let delivery: string;
  let token: string;
  const sha = { baselineV1: "", baselineV2: "", currentV3: "" };

  beforeAll(async () => {
    installBlobStore(new LocalBlobStore(await mkdtemp(path.join(tmpdir(), "tollgate-blobs-"))));
    owner = await sessionFor("owner@northwind.test");
    ownerScope = (await resolveOrgScope(owner.userId))!;
    poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    review = await idOf("milestone", { title: EASTBANK, key: "review" });
    delivery = await idOf("milestone", { title: EASTBANK, key: "delivery" });
    const engagementId = await idOf("engagement", { title: EASTBANK });
    token = (await createApiToken(ownerScope, engagementId, "bench pipeline"))!.token;
    // the demo POC's go-bench requirement, pointed at the fixtures' benchmark
    const api = createCaller({ session: owner });
    const engagement = await api.engagement.get({ id: engagementId });
    await api.engagement.updatePlan({
      engagementId,
      plan: {
        clientId: engagement.client.id,
        title: engagement.title,
        currency: "CNY",
        feeMinor: engagement.feeMinor,
        taxRateBp: engagement.taxRateBp,
        startDate: engagement.startDate,
        paymentTermsDays: engagement.paymentTermsDays,
        milestones: engagement.milestones.map((m) => ({
          key: m.key,
          title: m.title,
          kind: m.kind,
          shareBp: m.shareBp,
          requirements: m.gate.checks.map((check) =>
            check.kind === "go-bench"
              ? { kind: "go-bench" as const, params: { benchmark: "EncodeRows", compareToBaseline: true } }
              : ({ kind: check.kind, params: check.params } as never),
          ),
        })),
      },
    });
  });

  it(
    "fails a gate that compares with a baseline when the engagement has none, and the report says which file is " +
      "missing",
    async () => {
      const result = await upload(owner, poc, { kind: "go-bench" }, bench("v2"));
      expect(result.status).toBe(201);
      const goBench = (result.body.verifications as Verification[]).find(
        (v) => v.metrics.benchmark === "BenchmarkEncodeRows",
      );
      expect(goBench).toMatchObject({
        verdict: "fail",
        reasons: [
          "no baseline to compare BenchmarkEncodeRows with: mark a go-bench evidence item of this engagement as " +
            'the baseline (role "baseline")',
        ],
      });
      const missing = await report(owner, poc);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: "NOT_FOUND",
        reasons: ['the engagement has no go-bench baseline (attach a go-bench file with role "baseline")'],
      });
    },
  );

  it("refuses a role on other kinds and unknown roles, from the app and from pipelines, keeping nothing", async () => {
    // a pipeline's request records when its token was last used; nothing else may change
    const fingerprint = async () => (await databaseFingerprint()).replace(/ApiToken:\w+;/, "");
    const before = await fingerprint();
    const lcov = await upload(
      owner,
      poc,
      { kind: "lcov", role: "baseline" },
      readFileSync(path.join(fixtures, "calc.info")),
    );
    expect(lcov).toEqual({
      status: 400,
      body: { error: "BAD_REQUEST", reasons: ['role "baseline" is only for go-bench evidence, not lcov'] },
    });
    const unknown = await upload(owner, poc, { kind: "go-bench", role: "reference" }, bench("v1"));
    expect(unknown.body).toEqual({ error: "BAD_REQUEST", reasons: ['role must be "baseline" (or absent)'] });
    const viaToken = await submitEvidenceWithToken(
      new Request("http://tollgate.test/api/v1/evidence", {
        method: "POST",
        body: form(
          { milestoneId: poc, kind: "junit", role: "baseline" },
          readFileSync(path.join(fixtures, "node-junit.xml")),
        ),
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(viaToken.status).toBe(400);
    const malformed = await upload(
      owner,
      poc,
      { kind: "go-bench", role: "baseline" },
      Buffer.from("PASS\nok  \texample\t0.1s\n"),
    );
    expect(malformed.status).toBe(422);
    expect(await fingerprint()).toBe(before);
  });

  it("compares with the engagement's newest baseline, wherever on the engagement it was attached", async () => {
    // a pipeline attaches the first baseline to the architecture review
    const first = await submitEvidenceWithToken(
      new Request("http://tollgate.test/api/v1/evidence", {
        method: "POST",
        body: form({ milestoneId: review, kind: "go-bench", role: "baseline" }, bench("v1")),
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as { sha256: string; role: string; verifications: unknown[] };
    expect(firstBody).toMatchObject({ role: "baseline", verifications: [] });
    sha.baselineV1 = firstBody.sha256;

    const faster = await upload(owner, poc, { kind: "go-bench" }, bench("v2"));
    const fasterCheck = (faster.body.verifications as Verification[]).find(
      (v) => v.metrics.benchmark === "BenchmarkEncodeRows",
    );
    expect(fasterCheck?.verdict).toBe("pass");
    expect(fasterCheck?.metrics).toMatchObject({
      comparison: { verdict: "faster", deltaPct: -97.19, p: 0.002165 },
      baseline: { sha256: sha.baselineV1 },
    });

    // a newer baseline (v2, on the POC itself) replaces it; v3 is a real slowdown from v2
    const second = await upload(owner, poc, { kind: "go-bench", role: "baseline" }, bench("v2"));
    expect(second.body).toMatchObject({ role: "baseline", verifications: [] });
    sha.baselineV2 = second.body.sha256 as string;
    const slower = await upload(owner, poc, { kind: "go-bench" }, bench("v3"));
    sha.currentV3 = slower.body.sha256 as string;
    const slowerCheck = (slower.body.verifications as Verification[]).find(
      (v) => v.metrics.benchmark === "BenchmarkEncodeRows",
    );
    expect(slowerCheck).toMatchObject({
      verdict: "fail",
      reasons: ["BenchmarkEncodeRows is slower than the baseline: +339.04%, p=0.002165"],
      metrics: { baseline: { sha256: sha.baselineV2 } },
    });

    const gate = (
      await createCaller({ session: owner }).engagement.get({ id: await idOf("engagement", { title: EASTBANK }) })
    ).milestones.find((m) => m.id === poc)!.gate;
    expect(gate.checks.find((c) => c.kind === "go-bench")).toMatchObject({
      met: false,
      reasons: ["BenchmarkEncodeRows is slower than the baseline: +339.04%, p=0.002165"],
    });
  });

  it("re-verifies stored evidence against the newest baseline and leaves a baseline unjudged", async () => {
    const requirements = await findMilestoneRequirements(ownerScope, poc);
    const current = await findEvidenceForReverify(
      ownerScope,
      ((await report(owner, poc).then((r) => r.json())) as { files: { current: { evidenceId: string } } }).files.current
        .evidenceId,
    );
    const again = await verifyStoredEvidence(
      ownerScope,
      { kind: current.kind, milestoneId: current.milestoneId, role: current.role, storageKey: current.storageKey },
      requirements,
    );
    expect(again.find((v) => v.requirementId !== null)).toMatchObject({
      verdict: "fail",
      metrics: { baseline: { sha256: sha.baselineV2 } },
    });
    expect(
      await verifyStoredEvidence(
        ownerScope,
        { kind: "go-bench", milestoneId: poc, role: "baseline", storageKey: current.storageKey },
        requirements,
      ),
    ).toEqual([]);
  });

  it("answers the report as JSON with a row per benchmark and metric", async () => {
    const response = await report(owner, poc);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & {
      benchmarks: { name: string; metric: string; verdict: string }[];
    };
    expect(body.milestone).toEqual({ id: poc, title: expect.any(String) });
    expect(body.files).toMatchObject({
      baseline: { sha256: sha.baselineV2, milestoneId: poc },
      current: { sha256: sha.currentV3, milestoneId: poc },
    });
    expect(body.benchmarks[0]).toEqual({
      name: "BenchmarkEncodeRows",
      metric: "ns/op",
      baseline: { median: 9850, min: 8674, max: 15744, n: 6 },
      current: { median: 43245.5, min: 27867, max: 55496, n: 6 },
      deltaPct: 339.04,
      p: 0.002165,
      verdict: "slower",
    });
    expect(body.benchmarks.map((row) => [row.name, row.metric, row.verdict])).toEqual([
      ["BenchmarkEncodeRows", "ns/op", "slower"],
      ["BenchmarkEncodeRows", "B/op", "slower"],
      ["BenchmarkEncodeRows", "allocs/op", "slower"],
      ["BenchmarkChecksum", "ns/op", "no significant change"],
      ["BenchmarkChecksum", "B/op", "no significant change"],
      ["BenchmarkChecksum", "allocs/op", "no significant change"],
    ]);
    expect(body.benchmarks[1]).toMatchObject({
      baseline: { median: 9472, min: 9472, max: 9472, n: 6 },
      current: { median: 17490, n: 6 },
      deltaPct: 84.65,
    });
  });

  it("renders the report as a PDF in the reader's language", async () => {
    const english = await report(owner, poc, "pdf");
    expect(english.status).toBe(200);
    expect(english.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await english.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = pdfText(bytes).replace(/\s+/g, " ");
    for (const expected of [
      "Go benchmark comparison report",
      "BenchmarkEncodeRows",
      "BenchmarkChecksum",
      "+339.04%",
      "Slower",
      "No significant change",
    ])
      expect(text).toContain(expected);

    // Li Na, the client's viewer, reads Chinese
    const chinese = await report(await sessionFor("viewer@eastbank.test"), poc, "pdf");
    expect(chinese.status).toBe(200);
    const zh = pdfText(new Uint8Array(await chinese.arrayBuffer())).replace(/\s+/g, " ");
    for (const expected of ["Go 基准测试对比报告", "结论", "基线中位数", "更慢", "无显著变化", "BenchmarkEncodeRows"])
      expect(zh).toContain(expected);
  });

  it("is the engagement's consultants' and own client's, 404 for anyone else, and names a missing current benchmark", async () => {
    expect((await report(await sessionFor("approver@eastbank.test"), poc)).status).toBe(200);
    for (const email of ["approver@lakeside.test", "owner@contoso.test"]) {
      const response = await report(await sessionFor(email), poc);
      expect(response.status, email).toBe(404);
      expect(await response.json()).toEqual({ error: "NOT_FOUND", reasons: ["milestone not found"] });
    }
    expect((await report(null, poc)).status).toBe(401);
    expect((await report(owner, poc, "csv")).status).toBe(400);
    const noCurrent = await report(owner, delivery);
    expect(noCurrent.status).toBe(404);
    expect(await noCurrent.json()).toEqual({
      error: "NOT_FOUND",
      reasons: ["the milestone has no go-bench evidence besides a baseline"],
    });
  });
});
