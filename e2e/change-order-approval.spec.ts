import { expect, test, type Page } from "@playwright/test";
import { asUser, openTab } from "./helpers";

// A change order that changes the amount of an approved, uninvoiced milestone voids the approval:
// the milestone is verified again and the client's approver is told why and decides again.
// On an engagement of its own (Contoso for Fabrikam Insurance): the demo's Eastbank proof of
// concept is approved, invoiced and counted by the specs after this one.

const ENGAGEMENT = "Claims intake resilience review";
const REASON = "Second data centre added to the proof of concept";
const PASSING_JUNIT =
  '<testsuite name="intake" tests="2"><testcase name="failover under 30 s"/><testcase name="no lost ' +
  'claims"/></testsuite>';
const PASSING_LCOV =
  `TN:\nSF:/src/intake.go\n` +
  `${Array.from({ length: 10 }, (_, i) => `DA:${i + 1},${i < 9 ? 2 : 0}`).join("\n")}\nend_of_record\n`;

test.describe.configure({ mode: "serial" });

let consultant: Page;
let approver: Page;

test.beforeAll(async ({ browser }) => {
  consultant = await asUser(browser, "owner@contoso.test", "demo-password-3");
  approver = await asUser(browser, "approver@fabrikam.test", "demo-password-4");
});

test.afterAll(async () => {
  await consultant.context().close();
  await approver.context().close();
});

const poc = () => consultant.locator('[data-milestone="poc"]');

async function upload(kind: string, name: string, body: string) {
  const form = poc().getByRole("form", { name: "Attach evidence: Proof of concept" });
  await form.getByLabel("Kind").selectOption(kind);
  await form.getByLabel("File").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(body) });
  await form.getByRole("button", { name: "Upload and verify" }).click();
  await expect(form.getByText("Attached and verified.")).toBeVisible();
}

test("the consultant brings a new engagement's proof of concept to verified and the approver approves it", async () => {
  await consultant.goto("/engagements");
  await consultant.getByRole("link", { name: "New engagement" }).click();
  await consultant.getByLabel("Client").selectOption({ label: "Fabrikam Insurance" });
  await consultant.getByLabel("Engagement title").fill(ENGAGEMENT);
  await consultant.getByLabel("Currency").selectOption("USD");
  await consultant.getByLabel("Fee").fill("10000");
  await consultant.getByRole("button", { name: "Create engagement" }).click();
  await expect(consultant.getByRole("heading", { name: ENGAGEMENT })).toBeVisible();
  await expect(poc().getByTestId("milestone-amount")).toHaveText("$3,000.00");
  await openTab(consultant, "Milestones and evidence");
  await expect(poc().getByTestId("milestone-amount")).toHaveText("$3,000.00");

  await poc().getByRole("button", { name: "Start work" }).click();
  await upload("junit", "junit.xml", PASSING_JUNIT);
  await upload("lcov", "lcov.info", PASSING_LCOV);
  await poc().getByRole("button", { name: "Submit for review" }).click();
  await poc().getByRole("button", { name: "Verify gate" }).click();
  await expect(poc().getByText("Verified", { exact: true }).first()).toBeVisible();

  await approver.reload();
  await approver.getByRole("link", { name: ENGAGEMENT }).click();
  await approver.locator('[data-milestone="poc"]').getByRole("link", { name: "Review" }).click();
  await expect(approver.getByRole("heading", { name: "Review: Proof of concept" })).toBeVisible();
  await expect(approver.getByTestId("decide-again")).toHaveCount(0);
  await approver.getByRole("button", { name: "Approve" }).click();
  await expect(approver.locator('[data-decision="approved"]')).toHaveCount(1);
  await expect(approver.getByText("Approved", { exact: true }).first()).toBeVisible();

  await consultant.reload();
  await expect(poc().getByText("Approved", { exact: true }).first()).toBeVisible();
});

test("a change order that changes the approved amount sends the milestone back to verified", async () => {
  await consultant.getByText("Change order", { exact: true }).click();
  const order = consultant.getByRole("form", { name: "Change order" });
  await order.getByLabel("Reason").fill(REASON);
  await order.getByLabel("Share (%) Proof of concept").fill("35");
  await expect(order.getByText("Shares total 105%; they must total exactly 100%.")).toBeVisible();
  await expect(order.getByRole("button", { name: "Apply change order" })).toBeDisabled();
  await order.getByLabel("Share (%) Delivery").fill("40");
  await expect(order.getByText(/Shares total/)).toHaveCount(0);
  await expect(order.getByRole("listitem").filter({ hasText: "Proof of concept" })).toContainText("$3,500.00");
  await expect(order.getByRole("listitem").filter({ hasText: "Delivery" })).toContainText("$4,000.00");
  await expect(order.getByTestId("change-order-voids")).toContainText("The client has approved Proof of concept");
  await order.getByRole("button", { name: "Apply change order" }).click();
  await expect(order.getByRole("status")).toHaveText("Change order applied.");

  await expect(poc().getByTestId("milestone-amount")).toHaveText("$3,500.00");
  await expect(poc().getByText("Verified", { exact: true }).first()).toBeVisible();
});

test("the approver is told why the decision is needed again, with both amounts, and approves again", async () => {
  await approver.reload();
  await expect(approver.getByTestId("review-amount")).toHaveText("$3,500.00");
  await expect(approver.getByText("Verified", { exact: true }).first()).toBeVisible();
  const note = approver.getByTestId("decide-again");
  await expect(note).toContainText("needs your decision again");
  await expect(note).toContainText(REASON);
  await expect(note).toContainText("from $3,000.00 to $3,500.00");
  await expect(approver.locator('[data-decision="approved"]')).toContainText(
    "voided: a change order changed the amount from $3,000.00 to $3,500.00",
  );

  await approver.getByRole("button", { name: "Approve" }).click();
  await expect(approver.locator('[data-decision="approved"]')).toHaveCount(2);
  await expect(approver.getByTestId("decide-again")).toHaveCount(0);
  await expect(approver.getByText("Approved", { exact: true }).first()).toBeVisible();

  await consultant.reload();
  await expect(poc().getByText("Approved", { exact: true }).first()).toBeVisible();
  await expect(poc().getByTestId("milestone-amount")).toHaveText("$3,500.00");
});
