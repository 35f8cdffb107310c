import { expect, test, type Page } from "@playwright/test";
import { periodKeyOf, previousPeriodKey } from "../server/domain/sla/period";
import { isUsagePeriodClosed } from "../server/domain/usage/period";
import { asUser, openEngagement } from "./helpers";

// Usage billing from meter to invoice: the consultant adds a meter through the form (a tier
// without an end before the last is explained beside the field) and is told an open month cannot
// be invoiced yet; on the demo's LLM gateway the consultant reads the newest closed month per
// tenant, issues its usage invoice, and a second issue is refused naming it; the client's approver
// reads the month's usage and the invoice's usage line, with its per-tenant quantities, in the portal.

const METER_ENGAGEMENT = "Checkout latency review";
const GATEWAY = "LLM gateway — usage billing";
const GATEWAY_ZONE = "Asia/Shanghai";
const TENANTS = ["stores-eu", "stores-us", "support-bot"];

test.describe.configure({ mode: "serial" });

/** The newest month of the gateway's meter that has closed: the one the demo leaves to invoice. */
function newestClosedMonth(now = Date.now()): string {
  let period = previousPeriodKey(periodKeyOf("month", now, GATEWAY_ZONE));
  if (!isUsagePeriodClosed(period, GATEWAY_ZONE, now)) period = previousPeriodKey(period);
  return period;
}

const currentMonth = () => new Date().toISOString().slice(0, 7);

let consultant: Page;
let invoiceNumber = "";

test("the consultant adds a meter; a tier without an end before the last is explained beside it", async ({
  browser,
}) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, METER_ENGAGEMENT, "Usage");

  const form = consultant.getByRole("form", { name: "Add a meter" });
  await form.getByLabel("Meter name").fill("api_calls");
  await form.getByLabel("Unit", { exact: true }).fill("call");
  await form.getByLabel("Time zone", { exact: true }).fill("Europe/Berlin");
  await form.getByLabel("Free quantity per month").fill("100");
  await form.getByLabel("Tier 1: price (minor units of EUR)").fill("2");
  await form.getByLabel("Tier 2: price (minor units of EUR)").fill("1");
  await form.getByRole("button", { name: "Add meter" }).click();
  const firstEnd = form.getByLabel("Tier 1: up to (billable)");
  await expect(firstEnd).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('[data-field-error="tiers.0.upTo"]')).toContainText("only the last tier may have no end");

  await firstEnd.fill("1000");
  await form.getByRole("button", { name: "Add meter" }).click();
  await expect(form.getByRole("status")).toHaveText("Meter api_calls added.");
  const row = consultant.getByRole("table", { name: "Meters" }).locator('tr[data-meter="api_calls"]');
  await expect(row).toContainText("Europe/Berlin");
  await expect(row).toContainText("up to 1,000: €0.02 per 1 call");
  await expect(row).toContainText("above 1,000: €0.01 per 1 call");

  // this month is still open: the refusal says when it closes
  const month = currentMonth();
  await consultant.goto(`${consultant.url().split("?")[0]}?period=${month}`);
  await consultant.getByRole("button", { name: `Issue usage invoice for ${month}` }).click();
  await expect(consultant.getByRole("alert").filter({ hasText: "The usage invoice was not issued" })).toContainText(
    new RegExp(`usage for ${month} can be invoiced once the period closes at \\d{4}-\\d{2}-\\d{2}T`),
  );
});

test("the consultant issues the usage invoice of the newest closed month, once", async () => {
  const month = newestClosedMonth();
  await openEngagement(consultant, GATEWAY, "Usage");
  await consultant.goto(`${consultant.url().split("?")[0]}?period=${month}`);
  await expect(consultant.getByTestId("usage-period")).toHaveText(month);

  const meter = consultant.locator('[data-meter="llm_tokens"]').first();
  await expect(meter).toContainText("Not invoiced");
  for (const tenant of TENANTS) await expect(meter.locator(`tr[data-tenant="${tenant}"]`)).toBeVisible();
  await expect(meter.getByRole("table", { name: "Tiers of llm_tokens" })).toContainText("up to 500,000,000");

  const issue = consultant.getByRole("button", { name: `Issue usage invoice for ${month}` });
  await issue.click();
  const status = consultant.getByRole("status").filter({ hasText: "issued" });
  await expect(status).toContainText(/Invoice INV-\d{4}-\d{4} issued\./);
  invoiceNumber = /INV-\d{4}-\d{4}/.exec((await status.textContent()) ?? "")![0];
  await expect(meter).toContainText(`Invoiced on ${invoiceNumber}`);
  await expect(status.getByRole("link", { name: `Download ${invoiceNumber}` })).toHaveAttribute(
    "href",
    /\/api\/v1\/invoices\/.+\/pdf$/,
  );

  // a second issue of the month is refused, naming the invoice the meter is on
  await issue.click();
  await expect(consultant.getByRole("alert").filter({ hasText: "The usage invoice was not issued" })).toContainText(
    `the usage of meter "llm_tokens" for ${month} is already invoiced on ${invoiceNumber}`,
  );

  await consultant
    .getByRole("navigation", { name: "Engagement sections" })
    .getByRole("link", { name: "Invoices" })
    .click();
  await expect(consultant.locator(`tr[data-invoice="${invoiceNumber}"]`)).toBeVisible();
});

test("the client's approver reads the month's usage per tenant and the invoice's usage line", async ({ browser }) => {
  const month = newestClosedMonth();
  const client = await asUser(browser, "approver@lakeside.test", "demo-password-5");
  await client.goto("/portal");
  await client.getByRole("link", { name: GATEWAY }).first().click();
  await client.getByRole("link", { name: "Usage", exact: true }).click();
  await expect(client.getByRole("heading", { level: 1, name: "Metered usage" })).toBeVisible();
  await client.goto(`${client.url().split("?")[0]}?period=${month}`);

  const meter = client.locator('[data-meter="llm_tokens"]').first();
  for (const tenant of TENANTS) await expect(meter.locator(`tr[data-tenant="${tenant}"]`)).toBeVisible();
  await expect(meter).toContainText(`Invoiced on ${invoiceNumber}`);

  await client.getByRole("link", { name: invoiceNumber }).last().click();
  await expect(client.getByRole("heading", { level: 1 })).toContainText(invoiceNumber);
  const line = client.locator('[data-line="1"]');
  await expect(line).toContainText(`Usage: llm_tokens (token), ${month}`);
  await expect(line.getByTestId("usage-line-quantities")).toContainText(
    /Quantity [\d,]+ token · free 10,000 · billable [\d,]+/,
  );
  for (const tenant of TENANTS) await expect(line.locator(`tr[data-tenant="${tenant}"]`)).toBeVisible();
  await expect(line.getByRole("table", { name: "Tiers of llm_tokens" })).toBeVisible();
});
