import { expect, test, type Page } from "@playwright/test";
import { DEMO_TITLE, asUser, openEngagement } from "./helpers";

// Giving notice on a maintenance contract: the consultant adds a contract to the bank engagement
// whose first year starts today (its notice date is eleven months away); the bank's viewer reads the
// upcoming renewal but has no button to give notice; the approver gives notice after a confirmation
// and the contract then ends on the term's last day; the consultant's Maintenance tab says so. The
// contract is found by what it includes, so the demo's own contract on the engagement is left alone.

const INCLUDES = "Upgrade channel and security fixes (notice walk-through)";

test.describe.configure({ mode: "serial" });

const pad = (value: number) => String(value).padStart(2, "0");
const iso = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const shownIn = (locale: string) => (isoDate: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
const shown = shownIn("en-US");
// the bank's viewer reads the portal in Simplified Chinese (her own choice in the demo)
const shownZh = shownIn("zh-CN");

/** Today (UTC), the first term's last day (a 12-month term), the renewal and the notice date (30 days). */
function calendar() {
  const today = new Date();
  const year = today.getUTCFullYear() + 1;
  const month = today.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const renewal = new Date(Date.UTC(year, month, Math.min(today.getUTCDate(), lastDayOfMonth)));
  const day = 24 * 60 * 60 * 1000;
  return {
    today: iso(today),
    termEnd: iso(new Date(renewal.getTime() - day)),
    renewal: iso(renewal),
    noticeDate: iso(new Date(renewal.getTime() - 30 * day)),
  };
}

let consultant: Page;
let engagementPath = "";
const { today, termEnd, renewal, noticeDate } = calendar();

/** The walk-through's contract on a page (the consultant's tab or the portal's page). */
const contractOn = (page: Page) => page.getByRole("region").filter({ hasText: INCLUDES });

async function openPortalMaintenance(page: Page, maintenance = "Maintenance"): Promise<void> {
  await page.goto("/portal");
  await page.getByTestId("portal-engagement").getByRole("link", { name: DEMO_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_TITLE })).toBeVisible();
  await page.getByRole("link", { name: maintenance, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: maintenance })).toBeVisible();
}

test("the consultant adds a yearly maintenance contract from today; a fee it cannot read is explained", async ({
  browser,
}) => {
  consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Maintenance");
  engagementPath = new URL(consultant.url()).pathname;

  const form = consultant.getByRole("form", { name: "Add a maintenance contract" });
  await expect(form.getByLabel("Term (months)")).toHaveValue("12");
  await expect(form.getByLabel("Notice period (days)")).toHaveValue("30");
  await form.getByLabel("Start date").fill(today);
  await form.getByLabel(/^Fee per term/).fill("1,000.005");
  await form.getByLabel("What each term includes").fill(INCLUDES);
  await form.getByLabel("Release tag pattern").fill("v1.*");
  await form.getByRole("button", { name: "Add contract" }).click();
  await expect(form.getByLabel(/^Fee per term/)).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('[data-field-error="fee"]')).toContainText("at most 2 decimals");

  await form.getByLabel(/^Fee per term/).fill("1,000.00");
  await form.getByRole("button", { name: "Add contract" }).click();
  await expect(consultant.getByRole("status").filter({ hasText: "revision 1" })).toBeVisible();

  const contract = contractOn(consultant);
  await expect(contract.getByTestId("contract-standing")).toHaveText(
    `Renews on ${shown(renewal)} for CN¥1,000.00; notice must be given before ${shown(noticeDate)}.`,
  );
  const term = contract.locator('tr[data-term="1"]');
  await expect(term).toContainText(`${shown(today)} – ${shown(termEnd)}`);
  await expect(term.getByRole("button", { name: "Issue the invoice of term 1" })).toBeVisible();
  await expect(term.getByTestId("term-access")).toHaveText("Not attested");
});

test("the bank's viewer sees the upcoming renewal, in her language, but no button to give notice", async ({
  browser,
}) => {
  const viewer = await asUser(browser, "viewer@eastbank.test", "demo-password-6");
  await openPortalMaintenance(viewer, "维护");
  const contract = contractOn(viewer);
  const upcoming = contract.getByTestId("upcoming-renewal");
  await expect(upcoming).toContainText(shownZh(renewal));
  await expect(upcoming).toContainText(`须在 ${shownZh(noticeDate)} 之前`);
  await expect(contract.getByTestId("notice-unavailable")).toHaveText("只有贵方的审批人可以发出终止通知。");
  await expect(viewer.getByRole("button", { name: /Give notice|发出终止通知/ })).toHaveCount(0);
  await expect(contract.getByRole("button", { name: /upgrade channel access|升级通道访问/ })).toHaveCount(0);
  await viewer.context().close();
});

test("the approver records upgrade channel access, then gives notice: the contract ends at term end", async ({
  browser,
}) => {
  const approver = await asUser(browser, "approver@eastbank.test", "demo-password-2");
  await openPortalMaintenance(approver);
  const contract = contractOn(approver);
  // what the fee bought: the bank engagement's tags and files dated inside the term (its evidence, if any)
  await expect(contract.getByRole("heading", { name: "What this term's fee bought" })).toBeVisible();
  await expect(contract).toContainText(`Term 1: ${shown(today)} – ${shown(termEnd)}`);

  await contract.getByRole("button", { name: "Record upgrade channel access for term 1" }).click();
  await expect(contract.locator('tr[data-term="1"]').getByTestId("term-access")).toHaveText(
    `Attested on ${shown(today)} by Wang Lei`,
  );

  await contract.getByRole("button", { name: "Give notice", exact: true }).click();
  const confirm = contract.getByRole("group", { name: "Confirm notice" });
  await expect(confirm).toContainText(`it ends on ${shown(termEnd)}, the last day of the current term`);
  await confirm.getByRole("button", { name: "Yes, give notice" }).click();

  await expect(contract.getByTestId("contract-standing")).toHaveText(
    `Notice given on ${shown(today)} by Wang Lei: the contract ends on ${shown(termEnd)}.`,
  );
  await expect(contract.getByTestId("upcoming-renewal")).toHaveCount(0);
  await expect(contract.getByRole("button", { name: "Give notice", exact: true })).toHaveCount(0);
  await approver.context().close();
});

test("the consultant's Maintenance tab shows the notice and the end of the contract", async () => {
  await consultant.goto(engagementPath);
  const contract = contractOn(consultant);
  await expect(contract.getByTestId("contract-standing")).toHaveAttribute("data-standing", "notice-given");
  await expect(contract.getByTestId("contract-standing")).toHaveText(
    `Notice given on ${shown(today)} by Wang Lei: the contract ends on ${shown(termEnd)}.`,
  );
  await expect(contract.locator('tr[data-term="1"]').getByTestId("term-access")).toHaveText(
    `Attested on ${shown(today)} by Wang Lei`,
  );
  await consultant.context().close();
});

test("the owner has renewal invoices issued automatically, then lets them wait as drafts again", async ({
  browser,
}) => {
  const owner = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await owner.goto("/settings");
  const form = owner.getByRole("form", { name: "Maintenance renewals" });
  const autoIssue = form.getByRole("switch", { name: "Issue renewal invoices automatically" });
  await expect(autoIssue).not.toBeChecked();
  await autoIssue.check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: renewal invoices are issued automatically.");

  await owner.reload();
  await expect(autoIssue).toBeChecked();
  await autoIssue.uncheck();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved: renewal invoices wait as drafts for you to issue.");
  await owner.context().close();
});
