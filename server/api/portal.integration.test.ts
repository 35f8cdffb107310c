import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { verifyAuditChain } from "../domain/audit";
import { loadAuditChain } from "../data/audit/chain";
import { applyDueDeemedAcceptances } from "../data/milestone/deemed-acceptance";
import { acceptInvitation } from "../data/invitation/accept";
import {
  attachVerifiedEvidence,
  createTestDatabase,
  idOf,
  databaseText,
  listEvidenceHashes,
  milestoneRow,
  notificationsFor,
  organisationIdOf,
  outboxFor,
  seedForTests,
  sessionFor,
  setDeemedAcceptanceSince,
  setMilestoneVerifiedAt,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import type { SessionClaims } from "../auth";
import { acceptInvitationRequest } from "./invitations-public";
import { approvalLogResponse } from "./rest/approval-log";
import { errorCodeOf } from "./test-support/error-code";
import { createCaller } from "./root";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const OWNER = "owner@northwind.test";
const ORIGIN = "https://tollgate.example";

const api = (session: SessionClaims | null) => createCaller({ session, origin: ORIGIN });
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

async function accept(token: string, name = "Zhou Min", password = "a long enough password") {
  const response = await acceptInvitationRequest(
    new Request("http://tollgate.test/api/invitations/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, name, password }),
    }),
  );
  return { status: response.status, body: (await response.json()) as { email?: string; reasons?: string[] } };
}

/** Start, submit and verify a milestone with passing evidence for every requirement. */
async function verifiedMilestone(key: string): Promise<string> {
  const owner = api(await sessionFor(OWNER));
  const id = await idOf("milestone", { title: EASTBANK, key });
  await owner.milestone.transition({ milestoneId: id, action: "start" });
  await owner.milestone.transition({ milestoneId: id, action: "submit" });
  const kinds =
    key === "review"
      ? ["sha256", "manifest-review"]
      : key === "delivery"
        ? ["git-tag", "junit"]
        : ["junit", "lcov", "go-bench"];
  for (const kind of kinds) await attachVerifiedEvidence(OWNER, id, kind, "pass");
  await owner.milestone.transition({ milestoneId: id, action: "verify" });
  return id;
}

describe.each(testDatabaseKinds())("client portal on %s", (kind) => {
  let db: TestDatabase;
  let owner: SessionClaims;
  let approver: SessionClaims;
  let viewer: SessionClaims;
  let eastbankId: string;
  let engagementId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    owner = await sessionFor(OWNER);
    approver = await sessionFor("approver@eastbank.test");
    viewer = await sessionFor("viewer@eastbank.test");
    eastbankId = await idOf("client", { name: "Eastbank" });
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  describe("invitations", () => {
    it("show the link once to the inviter, never store it readable (the outbox withholds it), and work once", async () => {
      const { invitation, link } = await api(owner).client.invite({
        clientId: eastbankId,
        email: "Zhou.Min@Eastbank.test",
        role: "approver",
      });
      expect(invitation).toMatchObject({ email: "zhou.min@eastbank.test", status: "pending", role: "approver" });
      expect(link).toMatch(new RegExp(`^${ORIGIN}/invite/inv_[A-Za-z0-9_-]{43}$`));
      const [email] = await outboxFor("zhou.min@eastbank.test");
      expect(email).toMatchObject({ status: "stored", kind: "invitation", sealed: null });
      expect(email!.body).toContain("[link withheld: shown once to whoever sent the invitation; resend for a new one]");
      expect(email!.body).not.toContain("/invite/");

      const token = tokenOf(link);
      const stored = await databaseText();
      expect(stored).not.toContain(token);
      expect(stored).not.toContain(token.slice(4));
      // nothing lists it again: the invitation list has no link
      expect(JSON.stringify(await api(owner).invitation.list({ clientId: eastbankId }))).not.toContain(token);

      expect(await accept(token)).toEqual({ status: 200, body: { email: "zhou.min@eastbank.test" } });
      const joined = await sessionFor("zhou.min@eastbank.test");
      expect(joined.role).toBe("approver");
      expect((await api(joined).portal.engagement.list()).map((e) => e.title)).toEqual([EASTBANK]);

      const again = await accept(token, "Someone Else");
      expect(again).toEqual({
        status: 410,
        body: { error: "GONE", reasons: ["this invitation was already used; sign in instead"] },
      });
      expect(
        (await api(owner).invitation.list({ clientId: eastbankId })).find((i) => i.email === "zhou.min@eastbank.test")
          ?.status,
      ).toBe("accepted");
    });

    it("refuse an expired, revoked or replaced link, and a pending duplicate", async () => {
      const { invitation: created, link: firstLink } = await api(owner).client.invite({
        clientId: eastbankId,
        email: "late@eastbank.test",
        role: "viewer",
      });
      const firstToken = tokenOf(firstLink);
      const eightDaysLater = new Date(Date.now() + 8 * 24 * 3600 * 1000);
      await expect(
        acceptInvitation(firstToken, { name: "Late", passwordHash: "x" }, eightDaysLater),
      ).rejects.toMatchObject({ status: "expired", code: "GONE" });

      expect(
        await errorCodeOf(
          api(owner).client.invite({ clientId: eastbankId, email: "late@eastbank.test", role: "viewer" }),
        ),
      ).toBe("CONFLICT");

      const resent = await api(owner).invitation.resend({ id: created.id });
      expect(resent.invitation.sentCount).toBe(2);
      const secondToken = tokenOf(resent.link);
      expect(secondToken).not.toBe(firstToken);
      expect((await accept(firstToken)).status).toBe(404);

      await api(owner).invitation.revoke({ id: created.id });
      expect(await accept(secondToken)).toMatchObject({
        status: 410,
        body: { reasons: ["this invitation was withdrawn"] },
      });
      expect(await errorCodeOf(api(owner).invitation.resend({ id: created.id }))).toBe("CONFLICT");
    });

    it("look the token up before hashing any password, and count the body while it streams", async () => {
      let hashed = 0;
      const counting = async (password: string) => {
        hashed += 1;
        return `hash-of-${password.length}`;
      };
      const request = (body: BodyInit, init: RequestInit = {}) =>
        new Request("http://tollgate.test/api/invitations/accept", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          ...init,
        });
      const unknown = await acceptInvitationRequest(
        request(JSON.stringify({ token: `inv_${"x".repeat(43)}`, name: "Nobody", password: "a long enough password" })),
        counting,
      );
      expect(unknown.status).toBe(404);
      const { invitation, link } = await api(owner).client.invite({
        clientId: eastbankId,
        email: "once@eastbank.test",
        role: "viewer",
      });
      await api(owner).invitation.revoke({ id: invitation.id });
      const revoked = await acceptInvitationRequest(
        request(JSON.stringify({ token: tokenOf(link), name: "Once", password: "a long enough password" })),
        counting,
      );
      expect(revoked.status).toBe(410);
      expect(hashed).toBe(0);

      let pulled = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(1024).fill(32));
        },
      });
      const tooLarge = await acceptInvitationRequest(request(endless, { duplex: "half" } as RequestInit), counting);
      expect(tooLarge.status).toBe(413);
      expect(pulled).toBeLessThan(10);
      const notJson = await acceptInvitationRequest(
        request("{}", { headers: { "content-type": "text/plain" } }),
        counting,
      );
      expect(notJson.status).toBe(415);
      expect(hashed).toBe(0);
    });

    it("refuse bad input and existing accounts without changing anything", async () => {
      expect((await accept("inv_short")).status).toBe(400);
      const { invitation: weak, link } = await api(owner).client.invite({
        clientId: eastbankId,
        email: "weak@eastbank.test",
        role: "viewer",
      });
      const token = tokenOf(link);
      expect(await accept(token, "Weak", "short")).toMatchObject({
        status: 400,
        body: { reasons: ["password: at least 10 characters"] },
      });
      expect((await api(owner).invitation.list({ clientId: eastbankId })).find((i) => i.id === weak.id)?.status).toBe(
        "pending",
      );
      expect(
        await errorCodeOf(
          api(owner).client.invite({ clientId: eastbankId, email: "approver@eastbank.test", role: "viewer" }),
        ),
      ).toBe("CONFLICT");
      expect(
        await errorCodeOf(api(owner).client.invite({ clientId: eastbankId, email: "not-an-email", role: "viewer" })),
      ).toBe("BAD_REQUEST");
    });

    it("a deactivated client user is refused at once", async () => {
      const outsider = await api(owner).client.invite({
        clientId: eastbankId,
        email: "leaver@eastbank.test",
        role: "viewer",
      });
      expect(outsider.invitation.status).toBe("pending");
      await accept(tokenOf(outsider.link), "Leaver");
      const leaver = await sessionFor("leaver@eastbank.test");
      expect(await api(leaver).portal.engagement.list()).toHaveLength(1);
      const clientUser = (await api(owner).client.get({ id: eastbankId })).users.find(
        (u) => u.email === "leaver@eastbank.test",
      )!;
      await api(owner).clientUser.deactivate({ id: clientUser.id });
      expect(await errorCodeOf(api(leaver).portal.engagement.list())).toBe("UNAUTHORIZED");
      expect(
        (await api(owner).client.get({ id: eastbankId })).users.find((u) => u.email === "leaver@eastbank.test")?.active,
      ).toBe(false);
    });
  });

  describe("review and approval", () => {
    let review: string;

    beforeAll(async () => {
      review = await verifiedMilestone("review");
    });

    it("shows the client what was verified, with hashes, and notifies the approvers", async () => {
      const page = await api(approver).portal.milestone.review({ id: review });
      expect(page.milestone).toMatchObject({ key: "review", state: "verified", amountMinor: 15_000_000 });
      expect(page.evidenceSha256.sort()).toEqual((await listEvidenceHashes(review)).sort());
      expect(page.evidence.map((e) => e.verifications[0]?.verdict)).toEqual(["pass", "pass"]);
      expect(page.gate.open).toBe(true);
      expect(page.canDecide).toBe(true);
      expect((await api(viewer).portal.milestone.review({ id: review })).canDecide).toBe(false);
      const notices = await notificationsFor("approver@eastbank.test");
      expect(notices.filter((n) => n.kind === "awaiting_review" && n.milestoneId === review)).toHaveLength(1);
      expect(
        (await outboxFor("approver@eastbank.test")).some(
          (m) =>
            m.kind === "milestone.awaiting_review" &&
            m.body.includes(`/portal/engagements/${engagementId}/milestones/${review}`),
        ),
      ).toBe(true);
      // the viewer is not an approver: no notice to review
      expect((await notificationsFor("viewer@eastbank.test")).filter((n) => n.kind === "awaiting_review")).toHaveLength(
        0,
      );
    });

    it("refuses a viewer's approval and an approval of evidence that changed while the page was open", async () => {
      const shown = (await api(approver).portal.milestone.review({ id: review })).evidenceSha256;
      expect(
        await errorCodeOf(
          api(viewer).portal.milestone.transition({ milestoneId: review, action: "approve", evidenceSha256: shown }),
        ),
      ).toBe("FORBIDDEN");

      await attachVerifiedEvidence(OWNER, review, "sha256", "pass");
      const stale = await api(approver)
        .portal.milestone.transition({ milestoneId: review, action: "approve", evidenceSha256: shown })
        .then(
          () => null,
          (error: TRPCError) => error,
        );
      expect(stale?.code).toBe("CONFLICT");
      expect((stale?.cause as { code?: string }).code).toBe("EVIDENCE_CHANGED");
      expect(stale?.message).toContain("the evidence changed while it was being reviewed");
      expect((await milestoneRow(review)).approvals).toHaveLength(0);
      await api(owner).milestone.transition({ milestoneId: review, action: "verify" });
    });

    it("records the approval with who, when, comment and the hash set, and tells the consultants", async () => {
      const shown = (await api(approver).portal.milestone.review({ id: review })).evidenceSha256;
      const comment = '=HYPERLINK("http://evil.test","click") <b>signed off</b> 签字确认';
      await api(approver).portal.milestone.transition({
        milestoneId: review,
        action: "approve",
        evidenceSha256: shown,
        comment,
        idempotencyKey: randomUUID(),
      });
      const row = await milestoneRow(review);
      expect(row.state).toBe("approved");
      expect(row.approvals).toEqual([
        expect.objectContaining({ type: "approved", comment, evidenceHashes: expect.arrayContaining(shown) }),
      ]);

      const notice = (await notificationsFor(OWNER)).find((n) => n.kind === "approved" && n.milestoneId === review);
      expect(notice?.params).toMatchObject({ who: "Wang Lei", comment });
      expect((await api(owner).notification.list())[0]).toMatchObject({ kind: "approved", read: false });
      // the demo's SLA trigger notice may be unread too: reading this one leaves one fewer
      const unread = await api(owner).notification.unreadCount();
      await api(owner).notification.markRead({ id: notice!.id });
      expect(await api(owner).notification.unreadCount()).toBe(unread - 1);
      expect((await outboxFor(OWNER)).some((m) => m.kind === "milestone.approved" && m.body.includes("Wang Lei"))).toBe(
        true,
      );
      expect(verifyAuditChain(await loadAuditChain(await organisationIdOf(OWNER))).ok).toBe(true);
    });

    it("exports the approval log as CSV with formulas neutralised and as PDF with the Chinese text", async () => {
      const csv = await approvalLogResponse(approver, engagementId, new Request(`http://tollgate.test/x?format=csv`));
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="approval-log-[\w.\- ]+\.csv"$/);
      const text = await csv.text();
      expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""click"") <b>signed off</b> 签字确认"`);
      expect(text).toContain("Wang Lei");
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);

      const pdf = await approvalLogResponse(
        approver,
        engagementId,
        new Request(`http://tollgate.test/x?format=pdf`, { headers: { "accept-language": "zh-CN" } }),
      );
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      const dir = mkdtempSync(path.join(tmpdir(), "tollgate-pdf-"));
      writeFileSync(path.join(dir, "log.pdf"), Buffer.from(await pdf.arrayBuffer()));
      const extracted = spawnSync("pdftotext", ["-layout", path.join(dir, "log.pdf"), "-"], { encoding: "utf8" });
      expect(extracted.status).toBe(0);
      expect(extracted.stdout).toContain("签字确认");
      expect(extracted.stdout).toContain("Wang Lei");
      expect(extracted.stdout).toContain("已批准");
      expect(extracted.stdout.replace(/\s+/g, "")).toContain(
        ((await milestoneRow(review)).approvals[0]?.evidenceHashes[0] ?? "missing").slice(0, 20),
      );

      // other clients and other organisations do not learn the engagement exists
      for (const email of ["approver@lakeside.test", "approver@fabrikam.test", "owner@contoso.test"]) {
        expect(
          (
            await approvalLogResponse(
              await sessionFor(email),
              engagementId,
              new Request(`http://tollgate.test/x?format=csv`),
            )
          ).status,
        ).toBe(404);
      }
      expect(
        (await approvalLogResponse(null, engagementId, new Request(`http://tollgate.test/x?format=csv`))).status,
      ).toBe(401);
    });
  });

  describe("deemed acceptance", () => {
    it("is announced in advance and applied as a distinct, system-made approval when the days have passed", async () => {
      await api(owner).engagement.portalSettings({
        engagementId,
        hideAmountsFromViewers: true,
        deemedAcceptanceDays: 5,
      });
      const poc = await verifiedMilestone("poc");
      const page = await api(approver).portal.milestone.review({ id: poc });
      const verifiedAt = (await milestoneRow(poc)).verifiedAt!;
      expect(page.deemedAcceptanceAt).toBe(new Date(verifiedAt.getTime() + 5 * 86_400_000).toISOString());
      expect((await api(viewer).portal.milestone.review({ id: poc })).milestone.amountMinor).toBeNull();

      expect(await applyDueDeemedAcceptances({ now: new Date(verifiedAt.getTime() + 4 * 86_400_000) })).toBe(0);
      // six days pass: the rule and the verification are both that old
      await setDeemedAcceptanceSince(engagementId, new Date(Date.now() - 7 * 86_400_000));
      await setMilestoneVerifiedAt(poc, new Date(Date.now() - 6 * 86_400_000));
      // the deemed-acceptance job applies what is due; reading the page never does
      expect((await api(approver).portal.milestone.review({ id: poc })).milestone.state).toBe("verified");
      expect(
        await applyDueDeemedAcceptances({ notices: { origin: "http://tollgate.test", smtpConfigured: false } }),
      ).toBe(1);
      const after = await api(approver).portal.milestone.review({ id: poc });
      expect(after.milestone.state).toBe("approved");
      expect(after.approvals).toEqual([expect.objectContaining({ type: "deemed", by: null })]);
      const chain = await loadAuditChain(await organisationIdOf(OWNER));
      expect(chain.find((e) => e.action === "milestone.deemed_accepted" && e.entityId === poc)).toMatchObject({
        actorKind: "system",
        before: { state: "verified" },
        after: { state: "approved" },
      });
      expect((await notificationsFor(OWNER)).some((n) => n.kind === "deemed" && n.milestoneId === poc)).toBe(true);
      // applying again changes nothing
      expect(await applyDueDeemedAcceptances({})).toBe(0);
    });

    it("counts from when the rule was set, so setting or changing it never approves a milestone retroactively", async () => {
      const delivery = await verifiedMilestone("delivery");
      await api(owner).engagement.portalSettings({
        engagementId,
        hideAmountsFromViewers: true,
        deemedAcceptanceDays: null,
      });
      const monthAgo = new Date(Date.now() - 30 * 86_400_000);
      await setMilestoneVerifiedAt(delivery, monthAgo);

      await api(owner).engagement.portalSettings({
        engagementId,
        hideAmountsFromViewers: true,
        deemedAcceptanceDays: 5,
      });
      const setAt = Date.now();
      expect(await applyDueDeemedAcceptances({})).toBe(0);
      expect((await milestoneRow(delivery)).state).toBe("verified");
      const deadline = new Date(
        (await api(approver).portal.milestone.review({ id: delivery })).deemedAcceptanceAt!,
      ).getTime();
      expect(deadline).toBeGreaterThanOrEqual(setAt - 1_000 + 5 * 86_400_000);
      expect(await applyDueDeemedAcceptances({ now: new Date(setAt + 4 * 86_400_000) })).toBe(0);

      // shortening the rule later starts a new count from that moment, too
      await api(owner).engagement.portalSettings({
        engagementId,
        hideAmountsFromViewers: true,
        deemedAcceptanceDays: 2,
      });
      expect(await applyDueDeemedAcceptances({ now: new Date(Date.now() + 86_400_000) })).toBe(0);
      expect((await milestoneRow(delivery)).state).toBe("verified");
      expect(await applyDueDeemedAcceptances({ now: new Date(Date.now() + 2 * 86_400_000 + 60_000) })).toBe(1);
      expect((await milestoneRow(delivery)).state).toBe("approved");
    });
  });
});
