import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_TITLE = "Financial-grade blockchain data synchroniser — private deployment";

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel(/email|电子邮箱/i).fill(email);
  await page.getByLabel(/password|密码/i).fill(password);
  await page.getByRole("button", { name: /sign in|登录/i }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** A signed-in page in a browser context of its own (its own cookies). */
export async function asUser(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

export type EngagementTab =
  | "Overview"
  | "Objectives"
  | "Milestones and evidence"
  | "Invoices"
  | "Decisions"
  | "SLA"
  | "Maintenance"
  | "Usage"
  | "Technical debt"
  | "ROI"
  | "Audit";

/** Opens a tab of the engagement page by its link in the tab bar (not the header's own links). */
export async function openTab(page: Page, tab: EngagementTab): Promise<void> {
  const link = page
    .getByRole("navigation", { name: "Engagement sections" })
    .getByRole("link", { name: tab, exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}

/** From the engagement list, an engagement's page, on the given tab. */
export async function openEngagement(page: Page, title: string, tab: EngagementTab = "Overview"): Promise<void> {
  await page.goto("/engagements");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  if (tab !== "Overview") await openTab(page, tab);
}

/** The consultant's URL of the demo engagement, read in a separate browser context. */
export async function demoEngagementPath(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await page.goto("/engagements");
  const href = await page.getByRole("link", { name: DEMO_TITLE }).getAttribute("href");
  await context.close();
  if (!href) throw new Error("demo engagement link has no href");
  return href;
}
