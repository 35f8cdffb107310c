import { expect, test, type Page } from "@playwright/test";
import { asUser, openEngagement, openTab } from "./helpers";

// Tech debt to an ROI report the client reads: the consultant sets a day rate, enters two debt
// items (a missing cost is explained beside its field), sees them ranked by WSJF, schedules the
// first, shares the ROI report; the client's approver opens the same report in the portal, with
// the fingerprint of the PDF the consultant shared.

const ENGAGEMENT = "Checkout latency review";
const GATEWAY = "Checkout gateway without timeouts";
const CACHE = "Stale price cache in the basket";

test.describe.configure({ mode: "serial" });

let consultant: Page;
let sharedSha = "";

async function addItem(page: Page, item: { title: string; cost: [string, string, string]; days: string }) {
  const form = page.getByRole("form", { name: "Add a debt item" });
  await form.getByLabel("Title").fill(item.title);
  await form.getByLabel("Impact").selectOption("high");
  const cost = form.getByRole("group", { name: "Cost per quarter (EUR)" });
  await cost.getByLabel("Low").fill(item.cost[0]);
  await cost.getByLabel("Likely").fill(item.cost[1]);
  await cost.getByLabel("High").fill(item.cost[2]);
  const days = form.getByRole("group", { name: "Fix effort (days)" });
  await days.getByLabel("Likely").fill(item.days);
  await form.getByRole("button", { name: "Single figure: Fix effort (days)" }).click();
  await form.getByLabel("P&L account").fill("lost revenue");
  await form.getByRole("button", { name: "Add debt item" }).click();
  await expect(form.getByRole("status")).toHaveText(`Saved ${item.title} (revision 1).`);
}

test("the consultant prices two debt items and sees them ranked by WSJF", async ({ browser }) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, ENGAGEMENT, "Technical debt");

  const rate = consultant.getByRole("form", { name: "Day rate" });
  await rate.getByLabel("Day rate (EUR)").fill("1000");
  await rate.getByRole("button", { name: "Save day rate" }).click();

  // a missing likely cost is explained beside the field, nothing is saved
  const form = consultant.getByRole("form", { name: "Add a debt item" });
  await form.getByLabel("Title").fill(CACHE);
  await form.getByRole("button", { name: "Add debt item" }).click();
  await expect(form.locator("[aria-invalid=true]").first()).toBeVisible();

  // 13,000 a quarter over 10 days: 1,000 a week, WSJF 100 a day; 26,000 over 4 days: WSJF 500
  await addItem(consultant, { title: CACHE, cost: ["10000", "13000", "20000"], days: "10" });
  await addItem(consultant, { title: GATEWAY, cost: ["20000", "26000", "40000"], days: "4" });

  const register = consultant.getByRole("table", { name: "Ranked debt register" });
  const rows = register.locator("tr[data-debt-item]");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(GATEWAY);
  await expect(rows.nth(1)).toContainText(CACHE);
  await expect(rows.nth(0)).toHaveAttribute("data-rank", "1");
  await expect(consultant.getByTestId("cost-of-delay-chart")).toBeVisible();
});

test("the consultant schedules the fix, reads the ROI and shares the report", async () => {
  await consultant.getByRole("button", { name: `Edit ${GATEWAY}` }).click();
  const edit = consultant.getByRole("form", { name: `Edit debt item: ${GATEWAY}` });
  await edit.getByLabel("Status").selectOption("scheduled");
  await edit.getByLabel("Scheduled for (month)").fill("2026-11");
  await edit.getByRole("button", { name: "Save changes" }).click();
  // the form closes; the register shows the new status and the history both revisions
  const row = consultant.locator("tr[data-debt-item]").filter({ hasText: GATEWAY });
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "scheduled");
  await expect(row).toContainText("scheduled for 2026-11");
  await consultant.getByRole("button", { name: `History of ${GATEWAY}` }).click();
  await expect(consultant.getByRole("list", { name: `Revisions of ${GATEWAY}` }).getByRole("listitem")).toHaveCount(2);

  await openTab(consultant, "ROI");
  await expect(consultant.getByRole("heading", { level: 2, name: "Return on investment" })).toBeVisible();
  await expect(consultant.getByTestId("roi-npv")).toContainText("€");
  await expect(consultant.getByTestId("roi-p10")).toBeVisible();
  await expect(consultant.getByTestId("roi-npv-histogram")).toBeVisible();
  await expect(consultant.getByTestId("roi-cash-flow-chart")).toBeVisible();

  await consultant.getByRole("button", { name: "Share with client" }).click();
  const shared = consultant.getByTestId("roi-share-sha256-en");
  await expect(shared).toHaveText(/^[0-9a-f]{64}$/);
  sharedSha = (await shared.textContent()) ?? "";
  await expect(consultant.getByRole("link", { name: "ROI report (PDF, English)" })).toHaveAttribute(
    "href",
    /\/roi\/report\?lang=en$/,
  );
  await consultant.context().close();
});

test("the client's approver opens the shared report in the portal", async ({ browser }) => {
  const approver = await asUser(browser, "approver@lakeside.test", "demo-password-5");
  await approver.goto("/portal");
  await approver.getByRole("link", { name: ENGAGEMENT }).click();
  await approver.getByRole("link", { name: "Return on investment (ROI report)" }).click();
  await expect(approver.getByRole("heading", { level: 1, name: "Return on investment" })).toBeVisible();
  const register = approver.getByRole("table", { name: "Technical debt register" });
  await expect(register).toContainText(GATEWAY);
  await expect(register).toContainText(CACHE);
  await expect(approver.getByTestId("roi-portal-sha256-en")).toHaveText(sharedSha);

  const response = await approver.request.get(
    (await approver.getByRole("link", { name: /ROI report \(PDF, English\)/ }).getAttribute("href")) ?? "",
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/pdf");
  await approver.context().close();
});
