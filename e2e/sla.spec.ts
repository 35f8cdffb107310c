import { expect, test, type Page } from "@playwright/test";
import { asUser, openEngagement, openTab } from "./helpers";

// An SLA from clause to money: the consultant defines a latency clause through the form (a bad
// field is explained where it is), uploads last month's measurements as CSV, sees the incident on
// the SLA tab, issues the period's credit note and finds it in the invoices; the client's approver
// reads the same clause and the credit note in the portal.

const ENGAGEMENT = "Checkout latency review";
const CLAUSE = "Checkout p99 latency";

test.describe.configure({ mode: "serial" });

/** The month before the current one (UTC): a closed period, as YYYY-MM. */
function lastMonth(): { key: string; year: number; month: number } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = first.getUTCMonth() + 1;
  return { key: `${first.getUTCFullYear()}-${String(month).padStart(2, "0")}`, year: first.getUTCFullYear(), month };
}

/** Latency samples on the 10th of last month: one good window, three breached in a row, one good. */
function measurementsCsv(): string {
  const { year, month } = lastMonth();
  const at = (minute: number) => new Date(Date.UTC(year, month - 1, 10, 9, minute)).toISOString();
  const rows = [
    [1, 120],
    [2, 140],
    [6, 480],
    [7, 510],
    [11, 650],
    [16, 700],
    [21, 130],
  ];
  return ["at,value", ...rows.map(([minute, value]) => `${at(minute!)},${value}`)].join("\n") + "\n";
}

let consultant: Page;
let creditNote = "";

test("the consultant adds a latency clause; a missing target is explained beside the field", async ({ browser }) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, ENGAGEMENT, "SLA");

  const form = consultant.getByRole("form", { name: "Add a clause" });
  await form.getByLabel("Title").fill(CLAUSE);
  await form.getByLabel("Metric").selectOption("latency_percentile");
  await form.getByLabel("Percentile").fill("99");
  await form.getByLabel("Comparator").selectOption("lte");
  await form.getByLabel("Unit").fill("ms");
  await form.getByLabel("Window (minutes)").fill("5");
  await form.getByLabel("Credit per breached window (EUR)").fill("100");
  await form.getByLabel("Cap per incident (EUR)").fill("250");
  await form.getByRole("button", { name: "Add clause" }).click();
  await expect(form.getByLabel("Target")).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('[data-field-error="target"]')).toBeVisible();

  await form.getByLabel("Target").fill("300");
  await form.getByRole("button", { name: "Add clause" }).click();
  await expect(form.getByRole("status")).toHaveText(`Saved ${CLAUSE} (version 1).`);
  await expect(consultant.getByRole("region", { name: CLAUSE })).toBeVisible();
});

test("last month's measurements uploaded as CSV show one capped incident", async () => {
  const upload = consultant.getByRole("form", { name: "Upload measurements" });
  await upload.getByLabel("Clause").selectOption({ label: CLAUSE });
  await upload.getByLabel("Format").selectOption("csv");
  await upload
    .getByLabel("File")
    .setInputFiles({ name: "latency.csv", mimeType: "text/csv", buffer: Buffer.from(measurementsCsv()) });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByRole("status")).toHaveText("7 measurements recorded.");

  await consultant.getByRole("link", { name: "Previous period" }).click();
  await expect(consultant.getByTestId("sla-period")).toHaveText(lastMonth().key);
  const card = consultant.getByRole("region", { name: CLAUSE });
  await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "breached");
  await expect(card.getByTestId("clause-windows")).toContainText("3 breached");
  await expect(card.getByText("1 incident", { exact: true })).toBeVisible();
  await expect(card.getByRole("list", { name: `Incidents of ${CLAUSE}` }).getByRole("listitem")).toHaveCount(1);
  await expect(card.getByTestId("clause-credit")).toContainText("250.00");
  await expect(card.getByTestId("clause-credit")).toContainText("capped");
  await expect(card.getByTestId("sla-chart")).toHaveAttribute("data-incidents", "1");
});

test("the consultant issues the period's SLA credit note once and finds it in the invoices", async () => {
  const period = lastMonth().key;
  await consultant.getByRole("button", { name: `Issue SLA credit note for ${period}` }).click();
  const issued = consultant.getByRole("status").filter({ hasText: "Credit note" });
  await expect(issued).toContainText("issued.");
  creditNote = /Credit note (\S+) issued\./.exec((await issued.textContent()) ?? "")?.[1] ?? "";
  expect(creditNote).not.toBe("");

  const seeIt = consultant.getByRole("link", { name: "See it in invoices" });
  await expect(seeIt).toHaveAttribute("href", /\/invoices$/);

  // a period is credited once: a second attempt is refused with the reason
  await consultant.getByRole("button", { name: `Issue SLA credit note for ${period}` }).click();
  await expect(consultant.getByRole("alert").filter({ hasText: "Not issued:" })).toBeVisible();

  await openTab(consultant, "Invoices");
  await expect(consultant.locator(`[data-invoice="${creditNote}"]`)).toBeVisible();
  await consultant.context().close();
});

test("the client's approver reads the clause and the credit note in the portal", async ({ browser }) => {
  const approver = await asUser(browser, "approver@lakeside.test", "demo-password-5");
  await approver.goto("/portal");
  await approver.getByRole("link", { name: ENGAGEMENT }).click();
  await approver.getByRole("link", { name: "Service levels (SLA)" }).click();
  await approver.getByRole("link", { name: "Previous period" }).click();
  await expect(approver.getByTestId("sla-period")).toHaveText(lastMonth().key);
  const card = approver.getByRole("region", { name: CLAUSE });
  await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "breached");
  await expect(card.getByText("1 incident", { exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(approver.locator(`[data-invoice="${creditNote}"]`)).toBeVisible();
  await expect(approver.getByRole("link", { name: /SLA report .* \(PDF\)/ })).toHaveAttribute(
    "href",
    /\/sla\/report\?period=/,
  );
  await approver.context().close();
});
