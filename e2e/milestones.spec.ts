import { expect, test } from "@playwright/test";
import { openEngagement, openTab, signIn } from "./helpers";

test("a consultant creates an engagement from the template with an exact live split", async ({ page }) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await page.goto("/engagements");
  await page.getByRole("link", { name: "New engagement" }).click();
  await expect(page.getByRole("heading", { name: "New engagement" })).toBeVisible();
  await page.getByLabel("Client").selectOption({ label: "Lakeside Retail" });
  await page.getByLabel("Engagement title").fill("Inventory sync hardening");
  await page.getByLabel("Currency").selectOption("JPY");
  await page.getByLabel("Fee").fill("1000001");

  const preview = page.getByTestId("split-preview");
  await expect(preview.locator('[data-preview-amount="review"]')).toHaveText("¥150,000");
  await expect(preview.locator('[data-preview-amount="delivery"]')).toHaveText("¥450,001");
  await expect(preview).toContainText("¥1,000,001");

  await page.getByLabel("Share (%) Delivery").fill("40");
  await expect(page.getByText("Shares total 95%; they must total exactly 100%.")).toBeVisible();
  await page.getByLabel("Share (%) Delivery").fill("45");

  await page.getByRole("button", { name: "Create engagement" }).click();
  await expect(page.getByRole("heading", { name: "Inventory sync hardening" })).toBeVisible();
  await expect(page.locator('li[data-milestone="delivery"] [data-testid="milestone-amount"]')).toHaveText("¥450,001");
  await openTab(page, "Audit");
  await expect(page.getByTestId("audit-event").filter({ hasText: "engagement.created" })).toHaveCount(1);
});

test("milestone actions follow the gate: refusals list each unmet requirement", async ({ page }) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await openEngagement(page, "Checkout latency review", "Milestones and evidence");
  const review = page.locator('li[data-milestone="review"]');
  await review.getByRole("button", { name: "Start work" }).click();
  await expect(review.getByText("In progress")).toBeVisible();
  await review.getByRole("button", { name: "Submit for review" }).click();
  await expect(review.getByText("Submitted", { exact: true })).toBeVisible();
  await review.getByRole("button", { name: "Verify gate" }).click();
  const alert = review.getByRole("alert");
  await expect(alert).toContainText("no sha256 evidence attached");
  await expect(alert).toContainText("no manifest-review evidence attached");
  await expect(review.locator('[data-requirement="sha256"]')).toHaveAttribute("data-met", "false");

  const upgrade = page.locator('li[data-milestone="upgrade"]');
  await upgrade.getByRole("button", { name: "Invoice" }).click();
  await expect(upgrade.getByRole("alert")).toContainText("no attestation evidence attached");

  await openTab(page, "Audit");
  await expect(page.getByTestId("audit-event").filter({ hasText: "milestone.submit" })).toHaveCount(1);
});

test("the plan can be edited until work starts", async ({ page }) => {
  await signIn(page, "owner@contoso.test", "demo-password-3");
  await openEngagement(page, "Claims platform performance audit");
  await page.getByRole("link", { name: "Edit plan" }).click();
  await expect(page.getByRole("heading", { name: "Edit the plan" })).toBeVisible();
  await page.getByLabel("Share (%) Architecture review").fill("20");
  await page.getByLabel("Share (%) Delivery").fill("40");
  await expect(page.getByTestId("split-preview").locator('[data-preview-amount="review"]')).toHaveText("$9,600.00");
  await page.getByRole("button", { name: "Save plan" }).click();

  await expect(page.getByRole("heading", { name: "Claims platform performance audit" })).toBeVisible();
  await expect(page.locator('[data-milestone="review"] [data-testid="milestone-amount"]')).toHaveText("$9,600.00");
  await expect(page.locator('[data-milestone="delivery"] [data-testid="milestone-amount"]')).toHaveText("$19,200.00");
  await openTab(page, "Audit");
  await expect(page.getByTestId("audit-event").filter({ hasText: "engagement.plan_changed" })).toHaveCount(1);

  await openTab(page, "Milestones and evidence");
  await page.locator('[data-milestone="review"]').getByRole("button", { name: "Start work" }).click();
  await expect(page.getByRole("link", { name: "Edit plan" })).toHaveCount(0);
});
