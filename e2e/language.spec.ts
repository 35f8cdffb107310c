import { expect, test } from "@playwright/test";
import { DEMO_TITLE, signIn } from "./helpers";

test.describe("in a Chinese browser", () => {
  test.use({ locale: "zh-CN" });

  test("the pages speak Simplified Chinese and format money for the locale", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "登录 Tollgate" })).toBeVisible();
    await signIn(page, "owner@northwind.test", "demo-password-1");
    await expect(page.getByRole("heading", { name: "今日待办" })).toBeVisible();
    await page.getByRole("link", { name: "项目", exact: true }).click();
    await expect(page.getByRole("heading", { name: "项目" })).toBeVisible();
    await page.getByRole("link", { name: DEMO_TITLE }).click();
    await expect(page.locator('[data-milestone="delivery"]')).toContainText("已计划");
    await expect(page.locator('[data-milestone="delivery"] [data-testid="milestone-amount"]')).toHaveText(
      "¥450,000.00",
    );
  });
});

test("a user's language setting wins over the browser's and persists", async ({ page }) => {
  await signIn(page, "approver@eastbank.test", "demo-password-2");
  await expect(page.getByRole("heading", { name: "Your engagements" })).toBeVisible();
  await page.getByRole("button", { name: "Language" }).click();
  await page.getByRole("menuitem", { name: "简体中文" }).click();
  await expect(page.getByRole("heading", { name: "您的项目" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "您的项目" })).toBeVisible();
  await page.getByRole("button", { name: "语言" }).click();
  await page.getByRole("menuitem", { name: "跟随浏览器" }).click();
  await expect(page.getByRole("heading", { name: "Your engagements" })).toBeVisible();
});
