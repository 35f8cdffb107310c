import { expect, test } from "@playwright/test";
import { DEMO_TITLE, asUser, openEngagement, openTab } from "./helpers";

// Money leaves the gate: the client approves the demo proof of concept, the consultant issues its
// invoice, downloads the PDF and records the payment; the client sees the paid invoice.

test.describe.configure({ mode: "serial" });

test("the demo shows INV-2026-0001 paid and the proof of concept awaiting approval", async ({ browser }) => {
  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Invoices");
  const first = consultant.locator('[data-invoice="INV-2026-0001"]');
  await expect(first).toHaveAttribute("data-status", "paid");
  await expect(first.getByTestId("invoice-total")).toHaveText(/159,000\.00/);
  await consultant.context().close();
});

test("approve, invoice, download, pay, and the client sees it paid", async ({ browser }) => {
  const approver = await asUser(browser, "approver@eastbank.test", "demo-password-2");
  await approver.getByRole("link", { name: DEMO_TITLE }).click();
  await approver.locator('[data-milestone="poc"]').getByRole("link", { name: "Review" }).click();
  await approver.getByRole("button", { name: "Approve" }).click();
  await expect(approver.locator('[data-decision="approved"]')).toBeVisible();

  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Invoices");
  const issue = consultant.getByRole("form", { name: "Issue an invoice" });
  await expect(issue.getByLabel(/Proof of concept/)).toBeChecked();
  await issue.getByRole("button", { name: "Issue invoice" }).click();
  await expect(consultant.getByRole("status").filter({ hasText: "issued" })).toHaveText(/INV-2026-0003 issued\./);

  const row = consultant.locator('[data-invoice="INV-2026-0003"]');
  await expect(row).toHaveAttribute("data-status", "issued");
  await expect(row.getByTestId("invoice-total")).toHaveText(/318,000\.00/);
  const download = consultant.waitForEvent("download");
  await row.getByRole("link", { name: "PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe("INV-2026-0003.pdf");

  await row.getByText("Record a payment").click();
  const payment = row.getByRole("form", { name: "Record a payment: INV-2026-0003" });
  await expect(payment.getByLabel(/Amount/)).toHaveValue("318000.00");
  await payment.getByLabel("Reference").fill("EB-2026-1201");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(consultant.locator('[data-invoice="INV-2026-0003"]')).toHaveAttribute("data-status", "paid");
  await openTab(consultant, "Milestones and evidence");
  await expect(consultant.locator('[data-milestone="poc"]').getByText("Paid", { exact: true }).first()).toBeVisible();

  await approver.goto("/portal");
  await approver.getByRole("link", { name: DEMO_TITLE }).click();
  await expect(approver.locator('[data-invoice="INV-2026-0003"]')).toHaveAttribute("data-status", "paid");
  const clientDownload = approver.waitForEvent("download");
  await approver.locator('[data-invoice="INV-2026-0003"]').getByRole("link", { name: "PDF" }).click();
  expect((await clientDownload).suggestedFilename()).toBe("INV-2026-0003.pdf");

  await consultant.getByRole("link", { name: "Cash" }).click();
  await expect(consultant.locator('[data-currency="CNY"]')).toContainText("477,000.00");
  await approver.context().close();
  await consultant.context().close();
});

test("the owner sets the invoice number pattern with a live preview; a bad pattern is explained and saves nothing", async ({
  browser,
}) => {
  const owner = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await owner.goto("/settings");
  const form = owner.getByRole("form", { name: "Invoice numbering" });
  const pattern = form.getByLabel("Invoice number pattern");
  await expect(pattern).toHaveValue("INV-{YYYY}-{NNNN}");
  const year = String(new Date().getUTCFullYear());
  await pattern.fill("NW-{YYYY}-{DD}");
  await expect(form.getByTestId("invoice-pattern-preview")).toHaveText(
    "{DD} is not a number token; use {YYYY}, {YY}, {MM} or {NNNN}",
  );
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("is not a number token");

  await pattern.fill("NW-{YYYY}-{NNNNN}");
  await expect(form.getByTestId("invoice-pattern-preview")).toHaveText(`Looks like NW-${year}-00001`);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await owner.reload();
  await expect(owner.getByRole("form", { name: "Invoice numbering" }).getByLabel("Invoice number pattern")).toHaveValue(
    "NW-{YYYY}-{NNNNN}",
  );

  // back to the default, for the tests after this one
  await owner
    .getByRole("form", { name: "Invoice numbering" })
    .getByLabel("Invoice number pattern")
    .fill("INV-{YYYY}-{NNNN}");
  await owner.getByRole("form", { name: "Invoice numbering" }).getByRole("button", { name: "Save" }).click();
  await expect(owner.getByRole("form", { name: "Invoice numbering" }).getByRole("status")).toHaveText("Saved.");
  await owner.context().close();
});
