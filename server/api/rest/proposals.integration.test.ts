import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createProposal } from "../../data/proposal/draft";
import { sendProposal } from "../../data/proposal/send";
import { prisma } from "../../data/prisma-client";
import { resolveOrgScope, type OrgScope } from "../../data/scope";
import { idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import { addDays } from "../../domain/invoice";
import { todayIso } from "../../domain/proposal/standing";
import { useTestDatabase } from "../../test-support/database";
import type { SessionClaims } from "../../auth";
import { seedDemoPackages } from "../demo-packages";
import { seedDemoProposal } from "../demo-proposals";
import { acceptProposalRest, declineProposalRest, listProposalsRest, proposalPdfRest } from "./proposals";

// The proposals over REST: the list's field names, the PDF in both languages, the approver's
// decision and the 409 body of a closed proposal.

const URL_BASE = "http://tollgate.test";
const NOTICES = { origin: URL_BASE, smtpConfigured: false };
const get = (query = "") => new Request(`${URL_BASE}/api/v1/proposals${query}`);
const post = (body: unknown) =>
  new Request(`${URL_BASE}/api/v1/proposals/x/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const pdfText = async (bytes: Uint8Array): Promise<string> => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "proposal-pdf-")), "proposal.pdf");
  await writeFile(file, bytes);
  return execFileSync("/usr/bin/pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
};

describe.each(testDatabaseKinds())("proposals over REST on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let ownerScope: OrgScope;
  let approver: SessionClaims;
  let demo: string;
  let packages: { privateDeployment: string };

  const sentToEastbank = async (title: string) => {
    const today = todayIso(new Date());
    const created = await createProposal(ownerScope, {
      clientId: await idOf("client", { name: "Eastbank" }),
      packageId: packages.privateDeployment,
      title,
      quantities: {},
      taxRateBp: 600,
      paymentTermsDays: 30,
      startDate: addDays(today, 7),
      validUntil: addDays(today, 14),
      objectives: [],
    });
    return sendProposal(ownerScope, created.id, NOTICES);
  };

  beforeAll(async () => {
    owner = await sessionFor("owner@northwind.test");
    ownerScope = (await resolveOrgScope(owner.userId))!;
    approver = await sessionFor("approver@lakeside.test");
    packages = await seedDemoPackages(ownerScope);
    demo = await seedDemoProposal(ownerScope, packages);
  });

  it("lists with the REST contract's field names; a client user sees its client's sent ones only", async () => {
    const response = await listProposalsRest(owner, get("?limit=10"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { proposals: Record<string, unknown>[]; nextCursor: string | null };
    expect(Object.keys(body).sort()).toEqual(["nextCursor", "proposals"]);
    expect(Object.keys(body.proposals[0]!).sort()).toEqual(
      [
        "id",
        "number",
        "title",
        "client",
        "status",
        "standing",
        "currency",
        "priceMinor",
        "validUntil",
        "sentAt",
        "decidedAt",
        "engagementId",
      ].sort(),
    );
    expect(body.proposals[0]).toMatchObject({
      id: demo,
      status: "sent",
      standing: "sent",
      currency: "CNY",
      client: { name: "Lakeside Retail" },
      // 200,000 + 4 x 50,000 + 3.5 x 20,000 + 7 x 10,000
      priceMinor: 54_000_000,
    });
    const lakeside = (await (await listProposalsRest(approver, get())).json()) as { proposals: { id: string }[] };
    expect(lakeside.proposals.map((p) => p.id)).toEqual([demo]);
    const eastbank = await sessionFor("approver@eastbank.test");
    const none = (await (await listProposalsRest(eastbank, get())).json()) as { proposals: unknown[] };
    expect(none.proposals).toEqual([]);
    expect((await listProposalsRest(owner, get("?limit=201"))).status).toBe(400);
    expect((await listProposalsRest(null, get())).status).toBe(401);
  });

  it("renders the PDF in English and Chinese, the same bytes each time", async () => {
    const english = await proposalPdfRest(owner, demo, get("/x/pdf?lang=en"));
    expect(english.status).toBe(200);
    expect(english.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await english.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 4)).toString("latin1")).toBe("%PDF");
    const words = await pdfText(bytes);
    expect(words).toContain("Proposal Q-");
    expect(words).toContain("Nodes: 4 nodes × CN¥50,000.00 = CN¥200,000.00");
    expect(words).toContain("Availability ≥ 99.95 % over the year");
    expect(words).toContain("Reports are slow → report_latency P99 < 800 ms");
    expect(words).toContain("accept it in the client portal on or before");
    const again = new Uint8Array(await (await proposalPdfRest(owner, demo, get("/x/pdf?lang=en"))).arrayBuffer());
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    const chinese = await proposalPdfRest(approver, demo, get("/x/pdf?lang=zh-CN"));
    expect(chinese.status).toBe(200);
    const zh = new Uint8Array(await chinese.arrayBuffer());
    expect(Buffer.from(zh.subarray(0, 4)).toString("latin1")).toBe("%PDF");
    expect(await pdfText(zh)).toContain("报价单");
    expect((await proposalPdfRest(owner, demo, get("/x/pdf?lang=fr"))).status).toBe(400);
    const contoso = await sessionFor("owner@contoso.test");
    expect((await proposalPdfRest(contoso, demo, get("/x/pdf"))).status).toBe(404);
  });

  it("accepts for the approver (200 with the engagement) and answers 409 with reasons after", async () => {
    expect((await acceptProposalRest(owner, demo, post({}))).status).toBe(403);
    const accepted = await acceptProposalRest(approver, demo, post({ comment: "Go ahead" }));
    expect(accepted.status).toBe(200);
    const body = (await accepted.json()) as { id: string; status: string; engagementId: string };
    expect(body).toEqual({ id: demo, status: "accepted", engagementId: expect.any(String) });
    expect(await prisma().engagement.count({ where: { id: body.engagementId } })).toBe(1);
    const again = await acceptProposalRest(approver, demo, post({}));
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: "PROPOSAL_CLOSED", reasons: ["already accepted"] });
  });

  it("declines with a comment only; a viewer is forbidden; another client's proposal is not found", async () => {
    const sent = await sentToEastbank("Declined over REST");
    const eastbank = await sessionFor("approver@eastbank.test");
    expect((await declineProposalRest(eastbank, sent.id, post({}))).status).toBe(400);
    const viewer = await sessionFor("viewer@eastbank.test");
    expect((await declineProposalRest(viewer, sent.id, post({ comment: "no" }))).status).toBe(403);
    expect((await declineProposalRest(approver, sent.id, post({ comment: "no" }))).status).toBe(404);
    const declined = await declineProposalRest(eastbank, sent.id, post({ comment: "Not this year" }));
    expect(declined.status).toBe(200);
    expect(await declined.json()).toEqual({ id: sent.id, status: "declined", engagementId: null });
    const closed = await acceptProposalRest(eastbank, sent.id, post({}));
    expect(await closed.json()).toEqual({ error: "PROPOSAL_CLOSED", reasons: ["declined"] });
    const big = post({ comment: "x".repeat(20_000) });
    expect((await acceptProposalRest(eastbank, sent.id, big)).status).toBe(413);
  });
});
