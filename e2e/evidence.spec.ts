import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const fixtures = path.resolve(import.meta.dirname, "../server/domain/evidence/fixtures");

test("a consultant uploads a coverage report and the gate shows the verifier's figures and reasons", async ({ page }) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await page.getByRole("link", { name: "Checkout latency review" }).click();
  const poc = page.locator('[data-milestone="poc"]');
  const form = poc.getByRole("form", { name: "Attach evidence: Proof of concept" });
  await form.getByLabel("Kind").selectOption("go-cover");
  await form.getByLabel("File").setInputFiles(path.join(fixtures, "cover-count.out"));
  await form.getByRole("button", { name: "Upload and verify" }).click();
  await expect(form.getByText("Attached and verified.")).toBeVisible();

  const evidence = poc.locator('[data-evidence-kind="go-cover"]');
  await expect(evidence).toContainText("cover-count.out");
  await expect(evidence).toContainText("statements 70.8% (17/24)");
  await expect(evidence.locator("[data-verdict]")).toHaveText("fail");
  await expect(poc.locator('[data-requirement="coverage"]')).toContainText("statements coverage 70.83% < 85%");

  const download = page.waitForEvent("download");
  await evidence.getByRole("link", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe("cover-count.out");

  await form.getByLabel("Kind").selectOption("lcov");
  await form.getByLabel("File").setInputFiles({ name: "empty.info", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await form.getByRole("button", { name: "Upload and verify" }).click();
  await expect(form.getByRole("alert")).toContainText("the file is empty");
});
