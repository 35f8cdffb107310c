import { expect, test } from "@playwright/test";
import { DEMO_TITLE, demoEngagementPath, signIn } from "./helpers";

test("the demo consultant sees the demo engagement with its four milestones and amounts", async ({ page }) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole("link", { name: "Engagements", exact: true }).click();
  await expect(page).toHaveURL(/\/engagements$/);
  await expect(page.getByRole("heading", { name: "Engagements" })).toBeVisible();
  const row = page.getByTestId("engagement-row").filter({ hasText: DEMO_TITLE });
  await expect(row).toContainText("Eastbank");
  await expect(row).toContainText("CN¥1,000,000.00");

  await page.getByRole("link", { name: DEMO_TITLE }).click();
  await expect(page.getByRole("heading", { name: DEMO_TITLE })).toBeVisible();
  const expected = [
    ["review", "Architecture review", "15%", "CN¥150,000.00"],
    ["poc", "Proof of concept", "30%", "CN¥300,000.00"],
    ["delivery", "Delivery", "45%", "CN¥450,000.00"],
    ["upgrade", "Annual upgrade rights", "10%", "CN¥100,000.00"],
  ];
  for (const [key, title, share, amount] of expected) {
    const milestone = page.locator(`[data-milestone="${key}"]`);
    await expect(milestone).toContainText(title!);
    await expect(milestone).toContainText(share!);
    await expect(milestone.getByTestId("milestone-amount")).toHaveText(amount!);
  }
});

test("the other organisation's owner neither lists nor opens the demo engagement", async ({ browser }) => {
  const path = await demoEngagementPath(browser);

  const contoso = await browser.newContext();
  const page = await contoso.newPage();
  await signIn(page, "owner@contoso.test", "demo-password-3");
  await expect(page.getByText(DEMO_TITLE)).toHaveCount(0);
  await page.goto("/engagements");
  await expect(page.getByText("Claims platform performance audit")).toBeVisible();
  await expect(page.getByText(DEMO_TITLE)).toHaveCount(0);
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText(DEMO_TITLE)).toHaveCount(0);
  await contoso.close();
});

test("the Eastbank approver sees the engagement in the portal and cannot open consultant pages", async ({
  browser,
}) => {
  const consultantPath = await demoEngagementPath(browser);

  const eastbank = await browser.newContext();
  const page = await eastbank.newPage();
  await signIn(page, "approver@eastbank.test", "demo-password-2");
  await expect(page).toHaveURL(/\/portal$/);
  const card = page.getByTestId("portal-engagement");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(DEMO_TITLE);
  await expect(page.getByText("Checkout latency review")).toHaveCount(0);

  await card.getByRole("link", { name: DEMO_TITLE }).click();
  await expect(page.locator('[data-milestone="poc"] [data-testid="milestone-amount"]')).toHaveText("CN¥300,000.00");

  for (const path of ["/engagements", consultantPath]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/portal$/);
  }
  const api = await page.request.get(`/api/v1/engagements/${consultantPath.split("/").pop()}`);
  expect(api.status()).toBe(200);
  await eastbank.close();
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/engagements");
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/v1/engagements")).status()).toBe(401);
});

test("a wrong password shows a clear error and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("owner@northwind.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/signin/);
});
