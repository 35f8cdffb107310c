import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_REPOSITORY } from "@/prisma/demo-data";
import { idOf, milestoneRow, sessionFor, testDatabaseKinds } from "../data/testing";
import { demoRepositoriesRoot, ensureDemoRepository } from "../services/probes/demo-repository";
import { useTestDatabase } from "../test-support/database";
import { createCaller } from "./root";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";

async function localRepository(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tollgate-git-"));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "t",
    GIT_AUTHOR_EMAIL: "t@t",
    GIT_COMMITTER_NAME: "t",
    GIT_COMMITTER_EMAIL: "t@t",
  };
  execFileSync("git", ["init", "-q", "work"], { cwd: dir, env });
  execFileSync("git", ["commit", "-q", "--allow-empty", "-m", "release"], { cwd: path.join(dir, "work"), env });
  execFileSync("git", ["tag", "v1.0.0"], { cwd: path.join(dir, "work"), env });
  return `file://${path.join(dir, "work")}`;
}

describe.each(testDatabaseKinds())("checking release tags on %s", (kind) => {
  useTestDatabase(kind);
  const previous = process.env.TOLLGATE_ALLOW_LOCAL_NETWORK;
  afterAll(() => {
    if (previous === undefined) delete process.env.TOLLGATE_ALLOW_LOCAL_NETWORK;
    else process.env.TOLLGATE_ALLOW_LOCAL_NETWORK = previous;
  });

  it("attaches a failing result with the reason when the demo's repository has not been made", async () => {
    delete process.env.TOLLGATE_ALLOW_LOCAL_NETWORK;
    rmSync(path.join(demoRepositoriesRoot(), `${DEMO_REPOSITORY.name}.git`), { recursive: true, force: true });
    const api = createCaller({ session: await sessionFor("owner@northwind.test") });
    const delivery = await idOf("milestone", { title: EASTBANK, key: "delivery" });
    const [outcome] = await api.milestone.runProbes({ milestoneId: delivery });
    expect(outcome).toMatchObject({
      kind: "git-tag",
      verdict: "fail",
      reasons: ["the repository is not one of the demo's own"],
    });
    const detail = await api.engagement.get({ id: await idOf("engagement", { title: EASTBANK }) });
    const gate = detail.milestones.find((m) => m.key === "delivery")?.gate.checks.find((c) => c.kind === "git-tag");
    expect(gate).toMatchObject({ met: false, reasons: ["the repository is not one of the demo's own"] });
  });

  it("reaches the demo's own repository without opening the local network, and finds its release tag", async () => {
    delete process.env.TOLLGATE_ALLOW_LOCAL_NETWORK;
    const made = ensureDemoRepository(DEMO_REPOSITORY.name, DEMO_REPOSITORY.files, DEMO_REPOSITORY.tags);
    expect(made?.commit).toMatch(/^[0-9a-f]{40}$/);
    const api = createCaller({ session: await sessionFor("owner@northwind.test") });
    const delivery = await idOf("milestone", { title: EASTBANK, key: "delivery" });
    const [outcome] = await api.milestone.runProbes({ milestoneId: delivery });
    expect(outcome).toMatchObject({ kind: "git-tag", verdict: "pass", reasons: [] });
    const detail = await api.engagement.get({ id: await idOf("engagement", { title: EASTBANK }) });
    expect(
      detail.milestones.find((m) => m.key === "delivery")?.gate.checks.find((c) => c.kind === "git-tag"),
    ).toMatchObject({ met: true });
  });

  it("passes once the tag exists in an allowed repository, and the gate check is met", async () => {
    process.env.TOLLGATE_ALLOW_LOCAL_NETWORK = "1";
    const api = createCaller({ session: await sessionFor("owner@northwind.test") });
    const engagementId = await idOf("engagement", { title: "Checkout latency review" });
    const before = await api.engagement.get({ id: engagementId });
    await api.engagement.updatePlan({
      engagementId,
      plan: {
        clientId: before.client.id,
        title: before.title,
        currency: "EUR",
        feeMinor: before.feeMinor,
        taxRateBp: before.taxRateBp,
        startDate: before.startDate,
        paymentTermsDays: 30,
        milestones: [
          {
            key: "delivery",
            title: "Delivery",
            kind: "standard",
            shareBp: 10_000,
            requirements: [{ kind: "git-tag", params: { repositoryUrl: await localRepository(), tag: "v1.0.0" } }],
          },
        ],
      },
    });
    const delivery = await idOf("milestone", { title: "Checkout latency review", key: "delivery" });
    const [outcome] = await api.milestone.runProbes({ milestoneId: delivery });
    expect(outcome).toMatchObject({ kind: "git-tag", verdict: "pass", reasons: [] });
    const after = await api.engagement.get({ id: engagementId });
    expect(after.milestones[0]?.gate).toMatchObject({ open: true });
    expect((await milestoneRow(delivery)).state).toBe("planned");
  });

  it("probes an observability endpoint named by the gate and attaches the checks", async () => {
    process.env.TOLLGATE_ALLOW_LOCAL_NETWORK = "1";
    const server = createServer((req, res) => {
      res.writeHead(req.url === "/metrics" ? 200 : 404, { "content-type": "text/plain" });
      res.end(req.url === "/metrics" ? "# TYPE up gauge\nup 1\n" : "");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const api = createCaller({ session: await sessionFor("owner@contoso.test") });
      const engagementId = await idOf("engagement", { title: "Claims platform performance audit" });
      const before = await api.engagement.get({ id: engagementId });
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await api.engagement.updatePlan({
        engagementId,
        plan: {
          clientId: before.client.id,
          title: before.title,
          currency: "USD",
          feeMinor: before.feeMinor,
          taxRateBp: 0,
          startDate: before.startDate,
          paymentTermsDays: 30,
          milestones: [
            {
              key: "review",
              title: "Review",
              kind: "standard",
              shareBp: 10_000,
              requirements: [{ kind: "http-probe", params: { baseUrl } }],
            },
          ],
        },
      });
      const review = await idOf("milestone", { title: "Claims platform performance audit", key: "review" });
      expect(await api.milestone.runProbes({ milestoneId: review })).toEqual([
        { requirementId: expect.any(String), kind: "http-probe", verdict: "pass", reasons: [] },
      ]);
      const evidence = (await api.engagement.get({ id: engagementId })).milestones[0]?.evidence[0];
      expect(evidence?.verifications[0]?.metrics).toMatchObject({
        checks: [
          { path: "metrics", ok: true },
          { path: "debug/pprof/", status: 404 },
          { path: "debug/pprof/heap", status: 404 },
        ],
      });
    } finally {
      server.close();
    }
  });

  it("answers NOT_FOUND for another organisation's milestone", async () => {
    const api = createCaller({ session: await sessionFor("owner@contoso.test") });
    await expect(
      api.milestone.runProbes({ milestoneId: await idOf("milestone", { title: EASTBANK, key: "delivery" }) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
