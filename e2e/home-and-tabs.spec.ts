import { expect, test, type Page } from "@playwright/test";
import { DEMO_TITLE, asUser, openEngagement, openTab, type EngagementTab } from "./helpers";

// Finding one's way: each kind of user lands on what waits for them, every item leads to where it
// is acted on, and the engagement is split into tabs with an address each. Reads only: the demo's
// proof of concept stays awaiting approval for the specs after this one.

const activeTab = (page: Page) =>
  page.getByRole("navigation", { name: "Engagement sections" }).locator('[aria-current="page"]');

test("the consultant lands on today's work and follows the waiting approval to the milestone", async ({ browser }) => {
  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await expect(consultant).toHaveURL(/\/home$/);
  await expect(consultant.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(
    consultant.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Home" }),
  ).toHaveAttribute("href", "/home");

  const awaiting = consultant.locator('[data-home-section="awaiting-approval"]');
  const poc = awaiting.getByRole("listitem").filter({ hasText: DEMO_TITLE }).filter({ hasText: "Proof of concept" });
  await expect(poc).toContainText("Eastbank");
  for (const section of ["gates-failing", "failed-evidence", "overdue-invoices", "unread-notices"]) {
    await expect(consultant.locator(`[data-home-section="${section}"]`)).toBeVisible();
  }
  await expect(consultant.locator('[data-home-section="overdue-invoices"]')).toContainText("No invoice is overdue.");

  await poc.getByRole("link", { name: "Proof of concept" }).click();
  await expect(consultant).toHaveURL(/\/engagements\/[^/]+\/milestones#milestone-/);
  await expect(activeTab(consultant)).toHaveText("Milestones and evidence");
  await expect(
    consultant.locator('li[data-milestone="poc"]').getByText("Verified", { exact: true }).first(),
  ).toBeVisible();
  await consultant.context().close();
});

test("another organisation's home shows none of the demo's work, and says when a list is empty", async ({
  browser,
}) => {
  const contoso = await asUser(browser, "owner@contoso.test", "demo-password-3");
  await expect(contoso).toHaveURL(/\/home$/);
  await expect(contoso.locator('[data-home-section="overdue-invoices"]')).toContainText("No invoice is overdue.");
  await expect(contoso.getByText(DEMO_TITLE)).toHaveCount(0);
  await contoso.context().close();
});

test("each engagement tab has its own address, marks itself active and shows its part", async ({ browser }) => {
  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE);
  const overview = consultant.url();
  expect(overview).toMatch(/\/engagements\/[^/]+$/);
  await expect(activeTab(consultant)).toHaveText("Overview");
  await expect(consultant.locator('[data-progress="paid"]')).toContainText("CN¥150,000.00");
  await expect(consultant.locator('[data-milestone="poc"][data-standing="awaiting_approval"]')).toContainText(
    "Waiting for the client's approval",
  );
  await expect(consultant.locator('[data-milestone="review"][data-standing="paid"]')).toBeVisible();
  await expect(consultant.getByTestId("activity-item").first()).toBeVisible();

  const tabs: [EngagementTab, string, (page: Page) => Promise<void>][] = [
    [
      "Milestones and evidence",
      "/milestones",
      (page) => expect(page.getByRole("form", { name: "Attach evidence: Proof of concept" })).toBeVisible(),
    ],
    [
      "Invoices",
      "/invoices",
      (page) => expect(page.locator('[data-invoice="INV-2026-0001"]')).toHaveAttribute("data-status", "paid"),
    ],
    [
      "Decisions",
      "/decisions",
      (page) =>
        expect(
          page.getByRole("list", { name: "Architecture decisions" }).locator('[data-adr="ADR-007"]'),
        ).toBeVisible(),
    ],
    ["Audit", "/audit", (page) => expect(page.getByTestId("audit-event").first()).toBeVisible()],
    ["Overview", "", (page) => expect(page.getByTestId("fee-progress")).toBeVisible()],
  ];
  for (const [tab, suffix, shows] of tabs) {
    await openTab(consultant, tab);
    await expect(consultant).toHaveURL(`${overview}${suffix}`);
    await expect(consultant.getByRole("heading", { level: 1, name: DEMO_TITLE })).toBeVisible();
    await shows(consultant);
    // the address alone opens the same tab
    await consultant.goto(`${overview}${suffix}`);
    await expect(activeTab(consultant)).toHaveText(tab);
  }

  // the overview's standing of a milestone leads to where it is acted on
  await consultant.locator('[data-milestone="poc"]').getByTestId("milestone-standing").click();
  await expect(activeTab(consultant)).toHaveText("Milestones and evidence");
  await expect(consultant.locator('li[data-milestone="poc"]')).toBeVisible();

  // an ADR keeps its address and sits under Decisions; the old list address leads there
  await consultant.goto(`${overview}/adrs/7`);
  await expect(consultant.getByRole("heading", { level: 1 })).toHaveText("ADR-007 Use embedded SQLite storage");
  await expect(activeTab(consultant)).toHaveText("Decisions");
  await consultant.goto(`${overview}/adrs`);
  await expect(consultant).toHaveURL(`${overview}/decisions`);
  await consultant.context().close();
});

test("the client's approver sees what waits for their decision and follows it to the review", async ({ browser }) => {
  const approver = await asUser(browser, "approver@eastbank.test", "demo-password-2");
  await expect(approver).toHaveURL(/\/portal$/);
  const awaiting = approver.locator('[data-home-section="awaiting-decision"]');
  const poc = awaiting.getByRole("listitem").filter({ hasText: "Proof of concept" });
  await expect(poc).toContainText(DEMO_TITLE);
  await expect(poc).toContainText("CN¥300,000.00");
  await expect(poc).toContainText("Review and decide");
  await expect(approver.locator('[data-home-section="invoices-due"]')).toContainText("No invoice is due.");
  await expect(approver.getByTestId("portal-engagement")).toHaveCount(1);

  await poc.getByRole("link", { name: "Proof of concept" }).click();
  await expect(approver.getByRole("heading", { name: "Review: Proof of concept" })).toBeVisible();
  await expect(approver.getByRole("button", { name: "Approve" })).toBeVisible();
  await approver.context().close();
});

test("the client's viewer sees the same waiting review, to read, in their own language", async ({ browser }) => {
  const viewer = await asUser(browser, "viewer@eastbank.test", "demo-password-6");
  const awaiting = viewer.locator('[data-home-section="awaiting-decision"]');
  await expect(awaiting).toContainText("您可以阅读这些评审；决定由审批人作出。");
  const poc = awaiting.getByRole("listitem").filter({ hasText: "Proof of concept" });
  await expect(poc).toContainText("阅读评审");
  await poc.getByRole("link", { name: "Proof of concept" }).click();
  await expect(viewer.getByTestId("no-decision")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Approve|批准/ })).toHaveCount(0);
  await viewer.context().close();
});
