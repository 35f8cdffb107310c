import { expect, test, type Page } from "@playwright/test";
import { DEMO_TITLE, asUser, openEngagement, openTab } from "./helpers";

// What a newcomer can walk in the demo, offline: delivery from planned to paid (a real test
// report, the release tag checked in the client's repository the demo made, the client's
// approval, the invoice and its payment), and the upgrade rights the client attests in the portal
// before they are invoiced. Runs after the other specs (file order): it spends the demo's milestones.

test.describe.configure({ mode: "serial" });

const PASSING_JUNIT =
  '<testsuite name="sync" tests="3"><testcase name="resumes after reorg"/><testcase name="merkle root ' +
  'matches"/><testcase name="backpressure"/></testsuite>';

let consultant: Page;
let approver: Page;

test.beforeAll(async ({ browser }) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  approver = await asUser(browser, "approver@eastbank.test", "demo-password-2");
});

const delivery = () => consultant.locator('li[data-milestone="delivery"]');

test(
  "the consultant brings delivery to verified: a passing test report and the release tag found in the client's " +
    "repository",
  async () => {
    await openEngagement(consultant, DEMO_TITLE, "Milestones and evidence");
    await delivery().getByRole("button", { name: "Start work" }).click();
    await expect(delivery().getByText("In progress", { exact: true }).first()).toBeVisible();

    const form = delivery().getByRole("form", { name: "Attach evidence: Delivery" });
    await form.getByLabel("Kind").selectOption("junit");
    await form
      .getByLabel("File")
      .setInputFiles({ name: "go-test-report.xml", mimeType: "application/xml", buffer: Buffer.from(PASSING_JUNIT) });
    await form.getByRole("button", { name: "Upload and verify" }).click();
    await expect(form.getByText("Attached and verified.")).toBeVisible();

    await delivery().getByRole("button", { name: "Run tag and endpoint checks now" }).click();
    await expect(delivery().locator('[data-requirement="git-tag"]')).toHaveAttribute("data-met", "true");

    await delivery().getByRole("button", { name: "Submit for review" }).click();
    await expect(delivery().getByText("Submitted", { exact: true }).first()).toBeVisible();
    await delivery().getByRole("button", { name: "Verify gate" }).click();
    await expect(delivery().getByText("Verified", { exact: true }).first()).toBeVisible();
  },
);

test("the client approves delivery in the portal", async () => {
  await approver.goto("/portal");
  await approver.getByRole("link", { name: DEMO_TITLE }).click();
  await approver.locator('[data-milestone="delivery"]').getByRole("link", { name: "Review" }).click();
  await approver.getByRole("button", { name: "Approve" }).click();
  await expect(approver.locator('[data-decision="approved"]')).toBeVisible();
});

test("the consultant invoices delivery and records its payment: paid", async () => {
  await consultant.reload();
  await delivery().getByRole("button", { name: "Invoice" }).click();
  await expect(delivery().getByText("Invoiced", { exact: true }).first()).toBeVisible();
  await openTab(consultant, "Invoices");
  const row = consultant.locator("[data-invoice]").filter({ hasText: "CN¥477,000.00" }).first();
  const number = await row.getAttribute("data-invoice");
  await row.getByText("Record a payment").click();
  const payment = row.getByRole("form", { name: `Record a payment: ${number}` });
  await payment.getByLabel("Reference").fill("EB-2026-DELIVERY");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(consultant.locator(`[data-invoice="${number}"]`)).toHaveAttribute("data-status", "paid");
  await openTab(consultant, "Milestones and evidence");
  await expect(delivery().getByText("Paid", { exact: true }).first()).toBeVisible();
});

test("the client attests the upgrade rights in the portal, and the consultant invoices them", async () => {
  await approver.goto("/portal");
  await approver.getByRole("link", { name: DEMO_TITLE }).click();
  await approver.locator('[data-milestone="upgrade"]').getByRole("link", { name: "Review" }).click();
  const attest = approver.getByTestId("attest");
  await expect(attest).toContainText("access to the upgrade channel granted");
  await attest.getByRole("button", { name: "I attest this" }).click();
  // once recorded the page refreshes without the form (nothing is left to attest): the gate's line is met and
  // the evidence names who attested what
  await expect(approver.getByRole("region", { name: "Gate" })).toContainText(
    /access to the upgrade channel granted\W+Met/,
  );
  await expect(approver.getByRole("region", { name: "Evidence" })).toContainText(
    "Wang Lei attested: “access to the upgrade channel granted”",
  );

  await consultant.reload();
  const upgrade = consultant.locator('li[data-milestone="upgrade"]');
  await expect(upgrade.locator('[data-requirement="attestation"]')).toHaveAttribute("data-met", "true");
  await upgrade.getByRole("button", { name: "Invoice" }).click();
  await expect(upgrade.getByText("Invoiced", { exact: true }).first()).toBeVisible();
});
