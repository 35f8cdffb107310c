import { expect, test, type Page } from "@playwright/test";
import { asUser, openTab } from "./helpers";

// From a service package to a signed engagement: the consultant quotes the private deployment for
// Lakeside Retail (6 nodes, 2.5 million transactions a day, 5 years of retention), sees the price
// computed as the quantities are typed and sends it; the client's approver accepts it in the portal;
// the engagement it starts has the package's milestones, priced from the proposal, and its SLA clause.
// The demo's own Lakeside proposal is left alone: this one is found by its title.

const TITLE = `Ledger synchroniser for the store network (e2e ${Date.now().toString(36)})`;
// CNY 200,000 + 6 x 50,000 + 2.5 x 20,000 + 5 x 10,000
const PRICE = "CN¥600,000.00";
const MILESTONES = [
  { key: "review", title: "Architecture review", amount: "CN¥90,000.00" },
  { key: "poc", title: "Proof of concept", amount: "CN¥180,000.00" },
  { key: "delivery", title: "Delivery", amount: "CN¥270,000.00" },
  { key: "upgrade", title: "Annual upgrade rights", amount: "CN¥60,000.00" },
];

test.describe.configure({ mode: "serial" });

let consultant: Page;
let approver: Page;
let proposalPath = "";

test.beforeAll(async ({ browser }) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  approver = await asUser(browser, "approver@lakeside.test", "demo-password-5");
});

/** Confirms the next window.confirm the page asks (Playwright dismisses dialogs otherwise). */
function confirmNextDialog(page: Page) {
  page.once("dialog", (dialog) => void dialog.accept());
}

test("the consultant quotes the private deployment with its quantities and sees the price as they type", async () => {
  await consultant
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Proposals" })
    .click();
  await expect(consultant.getByRole("heading", { level: 1, name: "Proposals" })).toBeVisible();
  await consultant.getByRole("link", { name: "New proposal" }).click();

  const form = consultant.getByRole("form", { name: "New proposal" });
  await form.getByLabel("Client").selectOption({ label: "Lakeside Retail" });
  await form.getByLabel("Service package").selectOption({ label: "Private deployment" });
  await form.getByLabel("Title").fill(TITLE);

  // the package's defaults are priced at once; the price follows the quantities typed
  await expect(form.getByTestId("live-price")).toHaveText("CN¥540,000.00");
  await form.getByLabel("Nodes (nodes)").fill("6");
  await form.getByLabel("Daily volume (million tx/day)").fill("2.5");
  await form.getByLabel("Retention (years)").fill("5");
  await expect(form.getByTestId("live-price")).toHaveText(PRICE);
  await expect(form.getByTestId("price-formula")).toContainText("6");

  // a quantity out of the rate card's bounds is named at its field, nothing is priced from it
  await form.getByLabel("Nodes (nodes)").fill("0");
  await expect(form.locator('[data-field-error="quantities.nodes"]')).toBeVisible();
  await form.getByLabel("Nodes (nodes)").fill("6");
  await expect(form.getByTestId("live-price")).toHaveText(PRICE);

  await form.getByLabel("Tax rate (%)").fill("6");
  await expect(form.getByRole("checkbox", { name: "Availability" })).toBeChecked();
  await form.getByRole("button", { name: "Save draft" }).click();

  await expect(consultant.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  proposalPath = new URL(consultant.url()).pathname;
  await expect(consultant.locator("[data-standing]").first()).toHaveAttribute("data-standing", "draft");
  await expect(consultant.getByTestId("proposal-price")).toHaveText(PRICE);
  for (const milestone of MILESTONES)
    await expect(consultant.locator(`[data-offer-milestone="${milestone.key}"]`)).toContainText(milestone.amount);
  await expect(consultant.locator('[data-offer-clause="Availability"]')).toBeVisible();
});

test("the consultant sends it to the client's approvers", async () => {
  confirmNextDialog(consultant);
  await consultant.getByRole("button", { name: "Send to the client" }).click();
  await expect(consultant.locator("[data-standing]").first()).toHaveAttribute("data-standing", "sent");
  await expect(consultant.getByTestId("proposal-status")).toContainText("Sent on");

  await consultant.goto("/proposals?status=sent");
  await expect(consultant.locator("tr[data-proposal]").filter({ hasText: TITLE })).toContainText(PRICE);
});

test("the client's approver reads it in the portal and accepts it", async () => {
  await approver.goto("/portal");
  const open = approver.locator('[data-home-section="open-proposals"]');
  await expect(open).toContainText(TITLE);

  await approver.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Proposals" }).click();
  await approver.locator("tr[data-proposal]").filter({ hasText: TITLE }).getByRole("link").click();
  await expect(approver.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  expect(new URL(approver.url()).pathname).toBe(`/portal${proposalPath}`);
  await expect(approver.getByTestId("proposal-price")).toHaveText(PRICE);
  await expect(approver.getByTestId("price-formula")).toBeVisible();

  // declining needs a reason; nothing is recorded without one
  const decision = approver.getByRole("region", { name: "Your decision" });
  await decision.getByRole("button", { name: "Decline proposal" }).click();
  await expect(decision.getByRole("alert")).toContainText("Say why you decline");

  await decision.getByLabel("Comment (required to decline)").fill("Approved by the board on Monday.");
  confirmNextDialog(approver);
  await decision.getByRole("button", { name: "Accept proposal" }).click();
  // the page is read again: accepted, with the engagement it started
  await expect(approver.locator("[data-standing]").first()).toHaveAttribute("data-standing", "accepted");
  await expect(approver.getByTestId("proposal-status")).toContainText("Approved by the board on Monday.");
  await expect(approver.getByTestId("proposal-engagement")).toBeVisible();
});

test("the engagement it started has the package's milestones, priced from the proposal, and its SLA clause", async () => {
  await approver.getByTestId("proposal-engagement").click();
  await expect(approver.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  for (const milestone of MILESTONES) {
    const row = approver.locator(`tr[data-milestone="${milestone.key}"]`);
    await expect(row).toContainText(milestone.title);
    await expect(row.getByTestId("milestone-amount")).toHaveText(milestone.amount);
  }
  await approver.getByRole("link", { name: "Service levels (SLA)" }).click();
  await expect(approver.locator('[data-clause="Availability"]')).toBeVisible();

  // the consultant sees it accepted, and the same engagement in the workspace
  await consultant.goto(proposalPath);
  await expect(consultant.locator("[data-standing]").first()).toHaveAttribute("data-standing", "accepted");
  await consultant.getByTestId("proposal-engagement").click();
  await expect(consultant.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await openTab(consultant, "SLA");
  await expect(consultant.locator('[data-clause="Availability"]')).toBeVisible();
});

test("an accepted proposal cannot be decided again", async () => {
  await approver.goto(`/portal${proposalPath}`);
  await expect(approver.getByRole("region", { name: "Your decision" })).toHaveCount(0);
  await expect(approver.getByTestId("proposal-status")).toContainText("Accepted on");
});
