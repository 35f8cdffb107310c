import { expect, test } from "@playwright/test";
import { DEMO_TITLE, asUser, openEngagement } from "./helpers";

// Decisions as a record: the consultant writes an ADR, edits it (history with a diff), accepts
// and supersedes it, imports files (one as real MADR folders hold them); the client's approver
// reads and acknowledges ADR-007.

test.describe.configure({ mode: "serial" });

test("record, edit with history, accept and supersede an ADR", async ({ browser }) => {
  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Decisions");
  const list = consultant.getByRole("list", { name: "Architecture decisions" });
  await expect(list.locator('[data-adr="ADR-006"]')).toHaveAttribute("data-status", "superseded");
  await consultant.getByRole("link", { name: "New ADR" }).click();

  const form = consultant.getByRole("form", { name: "New ADR" });
  await form.getByLabel("Title").fill("Cache Merkle roots per block range");
  await form
    .getByLabel("Context and problem statement")
    .fill("Integrity checks take **40%** of a sync cycle.\n\n<script>alert(1)</script>");
  await form.getByRole("button", { name: "Add an option" }).click();
  await form.getByLabel("Option").fill("Cache in SQLite");
  await form.getByLabel("Good, because (one per line)").fill("no new service");
  await form.getByLabel("Decision outcome").fill("Cache in SQLite.");
  await form.getByRole("button", { name: "Record ADR" }).click();

  await expect(consultant.getByRole("heading", { level: 1 })).toHaveText("ADR-008 Cache Merkle roots per block range");
  const article = consultant.locator('article[data-adr="ADR-008"]');
  await expect(article.locator("strong")).toHaveText("40%");
  await expect(article).toContainText("<script>alert(1)</script>");

  await consultant.getByRole("button", { name: "Edit" }).click();
  const edit = consultant.getByRole("form", { name: "Edit ADR-008" });
  await edit.getByLabel("Context and problem statement").fill("Integrity checks take **45%** of a sync cycle.");
  await edit.getByRole("button", { name: "Save" }).click();
  const history = consultant.getByRole("list", { name: "History" });
  await expect(history.locator('[data-revision="2"]')).toContainText("Integrity checks take **45%** of a sync cycle.");
  await expect(history.locator('[data-revision="2"] [data-op="remove"]').first()).toContainText("40%");

  await consultant.getByRole("button", { name: "Accept" }).click();
  await expect(consultant.locator('article[data-adr="ADR-008"]')).toHaveAttribute("data-status", "accepted");
  await consultant.getByRole("button", { name: "Supersede with a new ADR" }).click();
  const supersede = consultant.getByRole("form", { name: "Supersede with a new ADR" });
  await supersede.getByLabel("Title").fill("Cache Merkle roots in memory");
  await supersede.getByRole("button", { name: "Record ADR" }).click();
  await expect(consultant.getByRole("heading", { level: 1 })).toHaveText("ADR-009 Cache Merkle roots in memory");
  await consultant.getByRole("link", { name: "supersedes ADR-008" }).click();
  await expect(consultant.locator('article[data-adr="ADR-008"]')).toHaveAttribute("data-status", "superseded");
  await consultant.context().close();
});

test("import ADR files and see the report: as written, with assumptions, not imported", async ({ browser }) => {
  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Decisions");
  const form = consultant.getByRole("form", { name: "Import ADRs" });
  await form.getByText("Statuses outside ours").click();
  await expect(form.getByRole("table", { name: "Statuses outside ours" })).toContainText("“on hold”");
  await form.getByLabel("Zip or .md files").setInputFiles([
    {
      name: "0010-shard-the-block-index.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        "# 10. Shard the block index\n\nDate: 2026-11-30\n\n## Status\n\nProposed\n\n## Context\n\nOne index per " +
          "chain.\n",
      ),
    },
    // MADR 4 as real projects write it: front matter, "on hold", no date
    {
      name: "0011-write-own-madr-tooling.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(
        "---\nparent: Decisions\nstatus: on hold\n---\n# Write own MADR tooling\n\n## Context and Problem " +
          "Statement\n\nDevelopers like tooling.\n",
      ),
    },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("notes") },
  ]);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText("Imported: ADR-010, ADR-011");
  await expect(form.getByRole("status")).toContainText("Imported as written: ADR-010");
  await expect(form.getByRole("list", { name: "Imported with assumptions" })).toContainText(
    '0011-write-own-madr-tooling.md (ADR-011): status "on hold" imported as proposed (the original is kept); no ' +
      "date: imported as unknown; front matter not kept: parent",
  );
  await expect(form.getByRole("list", { name: "Not imported" })).toContainText("notes.txt: skipped: not an ADR file");
  await expect(consultant.locator('[data-adr="ADR-010"]')).toHaveAttribute("data-status", "proposed");
  const onHold = consultant.locator('[data-adr="ADR-011"]');
  await expect(onHold).toHaveAttribute("data-status", "proposed");
  await expect(onHold).toContainText("imported as “on hold”");
  await expect(onHold).toContainText("date unknown");
  await onHold.getByRole("link", { name: "ADR-011" }).click();
  await expect(consultant.locator('article[data-adr="ADR-011"] [data-date="unknown"]')).toHaveText("date unknown");
  await consultant.context().close();
});

test("the client's approver acknowledges ADR-007 as read; the consultant sees it", async ({ browser }) => {
  const approver = await asUser(browser, "approver@eastbank.test", "demo-password-2");
  await approver.getByRole("link", { name: DEMO_TITLE }).click();
  await expect(approver.locator('[data-adr="ADR-006"]')).toHaveCount(0);
  await approver.getByRole("link", { name: "ADR-007" }).click();
  await expect(approver.getByRole("heading", { level: 1 })).toHaveText("ADR-007 Use embedded SQLite storage");
  await expect(approver.getByRole("region", { name: "Validated by" })).toContainText("Proof of concept: go-bench");
  await approver.getByRole("button", { name: "Acknowledge this decision" }).click();
  await expect(approver.getByRole("status")).toHaveText("You acknowledged this text.");

  const consultant = await asUser(browser, "owner@northwind.test", "demo-password-1");
  await openEngagement(consultant, DEMO_TITLE, "Decisions");
  await consultant.getByRole("link", { name: "ADR-007" }).click();
  await expect(consultant.getByRole("region", { name: "Acknowledgements" })).toContainText("Wang Lei");
  await approver.context().close();
  await consultant.context().close();
});
