import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openEngagement, signIn } from "./helpers";

const fixtures = path.resolve(import.meta.dirname, "../server/domain/evidence/fixtures");

test("a consultant uploads a coverage report and the gate shows the verifier's figures and reasons", async ({
  page,
}) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await openEngagement(page, "Checkout latency review", "Milestones and evidence");
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

  await evidence.getByRole("button", { name: "Re-run verification" }).click();
  await expect(evidence.locator("[data-verdict]")).toHaveCount(2);

  const download = page.waitForEvent("download");
  await evidence.getByRole("link", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe("cover-count.out");

  await form.getByLabel("Kind").selectOption("lcov");
  await form.getByLabel("File").setInputFiles({ name: "empty.info", mimeType: "text/plain", buffer: Buffer.alloc(0) });
  await form.getByRole("button", { name: "Upload and verify" }).click();
  await expect(form.getByRole("alert")).toContainText("the file is empty");
});

test("a pipeline posts evidence with a token created in the engagement page, by curl-style POST and by the CLI", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "owner@northwind.test", "demo-password-1");
  await openEngagement(page, "Checkout latency review", "Milestones and evidence");
  await page.getByText("CI pipelines").click();
  await page.getByLabel("Token name").fill("github actions");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^tg_[0-9a-f]{12}_/);
  const delivery = await page.locator('[data-milestone="delivery"]').getAttribute("data-milestone-id");

  const form = new FormData();
  form.set("milestoneId", delivery!);
  form.set("kind", "junit");
  form.set("file", new Blob([readFileSync(path.join(fixtures, "pytest-junit.xml"))]), "pytest.xml");
  const posted = await fetch(`${baseURL}/api/v1/evidence`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(posted.status).toBe(201);
  expect(
    (
      await fetch(`${baseURL}/api/v1/evidence`, {
        method: "POST",
        headers: { authorization: "Bearer nope" },
        body: form,
      })
    ).status,
  ).toBe(401);

  const cli = spawnSync(
    process.execPath,
    [
      "scripts/tollgate.mjs",
      "submit",
      "--url",
      baseURL!,
      "--milestone",
      delivery!,
      "--kind",
      "junit",
      "--file",
      path.join(fixtures, "node-junit.xml"),
      "--json",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, TOLLGATE_TOKEN: token },
    },
  );
  expect(cli.status).toBe(1);
  expect(JSON.parse(cli.stdout)).toMatchObject({
    status: 201,
    verifications: [{ verdict: "fail", reasons: ["1 of 5 tests failed"] }],
  });

  await page.reload();
  await expect(page.locator('[data-milestone="delivery"] [data-evidence-kind="junit"]')).toHaveCount(2);
  await page.getByText("CI pipelines").click();
  await expect(page.locator("[data-token]").filter({ hasText: "github actions" })).not.toContainText("never");
});
