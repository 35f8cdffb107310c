import { expect, test, type Page } from "@playwright/test";
import { asUser, openEngagement } from "./helpers";

// The client portal with two browsers: the consultant prepares a milestone with passing evidence,
// invites a viewer, and the client's approver reviews and approves what was verified.

const ENGAGEMENT = "Checkout latency review";
const PASSING_JUNIT =
  '<testsuite name="checkout" tests="2"><testcase name="p99 under 300 ms"/><testcase name="no errors"/></testsuite>';
const PASSING_LCOV =
  `TN:\nSF:/src/checkout.go\n` +
  `${Array.from({ length: 10 }, (_, i) => `DA:${i + 1},${i < 9 ? 3 : 0}`).join("\n")}\nend_of_record\n`;

test.describe.configure({ mode: "serial" });

async function upload(page: Page, kind: string, name: string, body: string) {
  const form = page.locator('[data-milestone="poc"]').getByRole("form", { name: "Attach evidence: Proof of concept" });
  await form.getByLabel("Kind").selectOption(kind);
  await form.getByLabel("File").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(body) });
  await form.getByRole("button", { name: "Upload and verify" }).click();
  await expect(form.getByText("Attached and verified.")).toBeVisible();
}

async function act(page: Page, label: string) {
  await page.locator('[data-milestone="poc"]').getByRole("button", { name: label }).click();
}

let consultant: Page;
let approver: Page;

test.beforeAll(async ({ browser }) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  approver = await asUser(browser, "approver@lakeside.test", "demo-password-5");
});

test("the consultant brings the proof of concept to verified with passing evidence", async () => {
  await openEngagement(consultant, ENGAGEMENT, "Milestones and evidence");
  const poc = consultant.locator('[data-milestone="poc"]');
  await act(consultant, "Start work");
  await upload(consultant, "junit", "junit.xml", PASSING_JUNIT);
  await upload(consultant, "lcov", "lcov.info", PASSING_LCOV);
  await act(consultant, "Submit for review");
  await act(consultant, "Verify gate");
  await expect(poc.getByText("Verified", { exact: true }).first()).toBeVisible();
});

test("an invited viewer joins through the link shown once to the consultant, reads the review, and cannot approve", async ({
  browser,
  baseURL,
}) => {
  await consultant.getByRole("link", { name: "Clients" }).click();
  await consultant.getByRole("listitem").filter({ hasText: "Lakeside Retail" }).getByRole("link").click();
  const invite = consultant.getByRole("form", { name: "Invite a client user" });
  await invite.getByLabel("Email").fill("viewer.e2e@lakeside.test");
  await invite.getByLabel("Role").selectOption("viewer");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const shown = invite.getByTestId("invitation-link");
  await expect(shown).toContainText("viewer.e2e@lakeside.test");
  await expect(shown).toContainText("shown only here, once");
  const link = await shown.getByRole("textbox", { name: "Invitation link" }).inputValue();
  expect(link).toMatch(/\/invite\/inv_[\w-]{43}$/);
  await expect(consultant.locator('[data-invitation="viewer.e2e@lakeside.test"]')).toHaveAttribute(
    "data-status",
    "pending",
  );

  // the outbox keeps the email with the link withheld; nothing shows the link again
  await consultant.getByRole("link", { name: "Outbox" }).click();
  const email = consultant.locator('[data-outbox-to="viewer.e2e@lakeside.test"]').first();
  await expect(email.getByTestId("outbox-body")).toContainText(
    "[link withheld: shown once to whoever sent the invitation; resend for a new one]",
  );
  await expect(email.getByTestId("outbox-body")).not.toContainText("/invite/");
  await consultant.goBack();
  await expect(consultant.getByTestId("invitation-link")).toHaveCount(0);

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(new URL(new URL(link!).pathname, baseURL).href);
  await expect(invitee.getByText("Northwind Consulting invites you (viewer.e2e@lakeside.test)")).toBeVisible();
  await invitee.getByLabel("Your name").fill("Vera Viewer");
  await invitee.getByLabel("Choose a password").fill("viewer e2e password");
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee).toHaveURL(/\/portal$/);
  await invitee.getByRole("link", { name: ENGAGEMENT }).click();
  await invitee.locator('[data-milestone="poc"]').getByRole("link", { name: "Review" }).click();
  await expect(invitee.getByRole("heading", { name: "Review: Proof of concept" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(invitee.getByTestId("no-decision")).toHaveText("You can read this review; decisions are for approvers.");

  // a forged approval from the viewer's session is refused by the server
  const milestoneId = invitee.url().split("/").pop();
  const forged = await invitee.request.post("/api/trpc/portal.milestone.transition", {
    headers: { origin: new URL(baseURL!).origin },
    data: { json: { milestoneId, action: "approve", evidenceSha256: [] } },
  });
  expect(forged.status()).toBe(403);

  // the same link does not work twice
  await invitee.goto(new URL(new URL(link!).pathname, baseURL).href);
  await expect(invitee.getByRole("alert").filter({ hasText: "already used" })).toHaveText(
    "This invitation was already used. Sign in instead.",
  );
  await invitee.context().close();
});

test("evidence added while the approver's page is open makes the approval fail clearly", async () => {
  await approver.getByRole("link", { name: ENGAGEMENT }).click();
  await approver.locator('[data-milestone="poc"]').getByRole("link", { name: "Review" }).click();
  await expect(approver.getByRole("button", { name: "Approve" })).toBeVisible();

  await openEngagement(consultant, ENGAGEMENT, "Milestones and evidence");
  await upload(consultant, "lcov", "lcov-rerun.info", PASSING_LCOV.replace("DA:10,0", "DA:10,1"));

  await approver.getByRole("button", { name: "Approve" }).click();
  await expect(approver.getByRole("alert").filter({ hasText: "not recorded" })).toContainText(
    "the evidence changed while it was being reviewed",
  );
  await act(consultant, "Verify gate");
});

test("the approver sees the figures and hashes, approves, and the consultant sees it approved", async () => {
  await approver.reload();
  const evidence = approver.locator('[data-evidence-kind="lcov"]').first();
  await expect(evidence).toContainText("lines 100.0% (10/10)");
  await expect(evidence.getByTestId("evidence-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(approver.locator('[data-requirement="coverage"]')).toHaveAttribute("data-met", "true");
  await approver.getByLabel("Comment").fill("Numbers match our staging run. =1+1");
  await approver.getByRole("button", { name: "Approve" }).click();
  await expect(approver.locator('[data-decision="approved"]')).toContainText("Numbers match our staging run. =1+1");
  await expect(approver.getByText("Approved", { exact: true }).first()).toBeVisible();

  await consultant.reload();
  await expect(
    consultant.locator('[data-milestone="poc"]').getByText("Approved", { exact: true }).first(),
  ).toBeVisible();
  await expect(consultant.getByTestId("notifications-link")).toHaveText(/Notifications\s*\d+/);
  await consultant.getByTestId("notifications-link").click();
  await expect(consultant.locator('[data-notification="approved"]').first()).toContainText(
    "Maya Brooks approved “Proof of concept” (Checkout latency review)",
  );
});
