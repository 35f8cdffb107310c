import { expect, test, type Page } from "@playwright/test";
import { DEMO_TITLE, asUser, openEngagement } from "./helpers";

// From the client's pain to a technical target: on the bank engagement the consultant reads the
// demo's objectives with their verdicts, adds one from the library (a missing field is explained
// where it is), and finds it in the table without data yet; the client's approver reads it in the
// portal; the consultant deletes it again after a confirmation.

const PAIN = "The night batch takes the portal down";

test.describe.configure({ mode: "serial" });

let consultant: Page;

const row = (page: Page, pain: string) =>
  page.getByRole("table", { name: "Objectives" }).locator("tr[data-objective]").filter({ hasText: pain });

test("the consultant reads the objectives with their verdicts and adds one from the library", async ({ browser }) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Objectives");
  await expect(consultant.getByRole("heading", { level: 2, name: "Objectives" })).toBeVisible();

  // the POC benchmark is the actual of the report-latency objective, linked to its requirement
  const reports = row(consultant, "Reports are slow");
  await expect(reports).toHaveAttribute("data-verdict", "met");
  await expect(reports.getByTestId("objective-target")).toContainText("P99 < 800 ms");
  await expect(reports.getByTestId("objective-baseline")).toHaveText("2,400 ms");
  await expect(reports.getByRole("link", { name: /Benchmark BenchmarkSyncBlock/ })).toHaveAttribute(
    "href",
    /\/milestones\//,
  );
  await expect(row(consultant, "Export stutters")).toHaveAttribute("data-verdict", "no_data");

  const form = consultant.getByRole("form", { name: "Add an objective" });
  await form.getByLabel("Start from a common pain").selectOption("service_down");
  // the library fills the pain, the goal, the target and the cost unit; all stay editable
  await expect(form.getByLabel("Pain", { exact: true })).toHaveValue("The service goes down");
  await expect(form.getByLabel("Business goal")).toHaveValue("Customers can reach the service whenever they need it");
  await expect(form.getByLabel("Metric")).toHaveValue("availability");
  await expect(form.getByLabel("Cost unit")).toHaveValue("hours/month");
  await expect(form.getByTestId("objective-target-preview")).toHaveText("Target: ≥ 99.9%");

  // without the observed behaviour nothing is saved, and the field says why
  await form.getByLabel("Pain", { exact: true }).fill(PAIN);
  await form.getByRole("button", { name: "Add objective" }).click();
  await expect(form.getByLabel("Observed behaviour")).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('[data-field-error="observedBehaviour"]')).toBeVisible();

  await form
    .getByLabel("Observed behaviour")
    .fill("Every night at 02:00 the batch locks the accounts table; the portal answers 503 until it ends");
  await form.getByLabel("Cost", { exact: true }).fill("6");
  await form.getByLabel("Cost per quarter (CNY)").fill("45000");
  await form.getByLabel("Target value").fill("99.95");
  await form.getByLabel("Baseline").fill("99.2");
  await expect(form.getByTestId("objective-target-preview")).toHaveText("Target: ≥ 99.95%");
  await form.getByRole("button", { name: "Add objective" }).click();
  await expect(form.getByRole("status")).toHaveText(`Saved: ${PAIN}.`);
  // the form starts empty again for the next objective
  await expect(form.getByLabel("Pain", { exact: true })).toHaveValue("");

  const added = row(consultant, PAIN);
  await expect(added).toHaveAttribute("data-verdict", "no_data");
  await expect(added.locator("[data-verdict]")).toHaveText("No data");
  await expect(added.getByTestId("objective-target")).toContainText("≥ 99.95%");
  await expect(added.getByTestId("objective-baseline")).toHaveText("99.2%");
  await expect(added).toContainText("6 hours/month");
  await expect(added.getByTestId("objective-cost-per-quarter")).toContainText("45,000.00");
});

test("the client's approver reads the same objectives in the portal", async ({ browser }) => {
  const approver = await asUser(browser, "approver@eastbank.test", "demo-password-2");
  await approver.getByRole("link", { name: DEMO_TITLE }).click();
  await expect(approver.getByRole("heading", { level: 2, name: "Objectives" })).toBeVisible();
  await expect(row(approver, PAIN)).toHaveAttribute("data-verdict", "no_data");
  await expect(row(approver, "Reports are slow")).toHaveAttribute("data-verdict", "met");
  // the client sees what measures it: the milestone whose evidence gives the actual
  await expect(row(approver, "Reports are slow").getByRole("link", { name: "Proof of concept" })).toHaveAttribute(
    "href",
    /^\/portal\/engagements\/[^/]+\/milestones\/[^/]+$/,
  );
  // read-only: no buttons in the client's table
  await expect(approver.getByRole("table", { name: "Objectives" }).getByRole("button")).toHaveCount(0);
  await approver.context().close();
});

test("the consultant deletes the objective after a confirmation", async () => {
  await consultant.getByRole("button", { name: `Delete ${PAIN}` }).click();
  const confirm = consultant.getByRole("group", { name: `Delete ${PAIN}` });
  await expect(confirm).toContainText(`Delete the objective "${PAIN}"?`);
  await confirm.getByRole("button", { name: "Delete objective" }).click();
  await expect(row(consultant, PAIN)).toHaveCount(0);
  await expect(row(consultant, "Reports are slow")).toHaveCount(1);
  await consultant.context().close();
});
