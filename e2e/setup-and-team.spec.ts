import { networkInterfaces } from "node:os";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PORT, demoServer, emptyServer } from "./servers";

// A new installation from its first page: the first setup makes the organisation and its owner
// and closes; the owner invites a consultant with a link shown once; the consultant joins, and a
// password change ends the consultant's other sessions. On the suite's empty server.

const OWNER = { email: "owner@e2e-consulting.test", name: "Olivia Hart", password: "owner e2e password" };
const CONSULTANT = { email: "casey@e2e-consulting.test", name: "Casey Brandt", password: "casey first password" };
const NEW_PASSWORD = "casey second password";

async function signInForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: emptyServer })).newPage();
  await signInForm(page, email, password);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/engagements");
  return page;
}

test.describe("a new installation", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: emptyServer });

  let owner: Page;
  let consultant: Page;
  let invitationLink = "";

  test.afterAll(async () => {
    await owner?.context().close();
    await consultant?.context().close();
  });

  test("the first setup creates the organisation and its owner, signs the owner in, and closes for good", async ({
    browser,
  }) => {
    owner = await (
      await browser.newContext({ baseURL: emptyServer, permissions: ["clipboard-read", "clipboard-write"] })
    ).newPage();
    await owner.goto("/signin");
    await owner.getByRole("link", { name: "Set up Tollgate" }).click();
    await expect(owner).toHaveURL(/\/setup$/);
    await expect(owner.getByRole("heading", { name: "Create your organisation" })).toBeVisible();

    await owner.getByLabel("Organisation name").fill("E2E Consulting");
    await owner.getByLabel("Your name").fill(OWNER.name);
    await owner.getByLabel("Your email").fill(OWNER.email);
    await owner.getByLabel("Password", { exact: true }).fill(OWNER.password);
    await owner.getByLabel("Repeat the password").fill("not the same password");
    await owner.getByRole("button", { name: "Create organisation" }).click();
    await expect(owner.getByRole("alert").filter({ hasText: "differ" })).toHaveText("The two passwords differ.");

    await owner.getByLabel("Repeat the password").fill(OWNER.password);
    await owner.getByRole("button", { name: "Create organisation" }).click();
    await expect(owner).toHaveURL(/\/home$/);
    await expect(owner.getByTestId("signed-in-as")).toHaveText(`Signed in as ${OWNER.name} · E2E Consulting`);

    const page = await owner.goto("/setup");
    expect(page?.status()).toBe(404);
    await expect(owner.getByRole("heading", { name: "Not found" })).toBeVisible();
    const again = await owner.request.post("/api/setup", {
      headers: { origin: emptyServer },
      data: {
        organisation: "Second Organisation",
        name: "Mallory",
        email: "mallory@e2e.test",
        password: "mallory password",
      },
    });
    expect(again.status()).toBe(404);
    expect((await again.json()).error).toBe("NOT_FOUND");

    const visitor = await (await browser.newContext({ baseURL: emptyServer })).newPage();
    await visitor.goto("/signin");
    await expect(visitor.getByRole("heading", { name: "Sign in to Tollgate" })).toBeVisible();
    await expect(visitor.getByRole("link", { name: "Set up Tollgate" })).toHaveCount(0);
    await visitor.context().close();
  });

  test("the owner invites a consultant with a link shown once; the consultant joins and lands in the workspace", async ({
    browser,
  }) => {
    await owner.goto("/engagements");
    await owner.getByRole("link", { name: "Team" }).click();
    await expect(owner.getByRole("heading", { name: "Team" })).toBeVisible();
    const invite = owner.getByRole("form", { name: "Invite a consultant" });
    await invite.getByLabel("Email").fill(CONSULTANT.email);
    await invite.getByRole("button", { name: "Send invitation" }).click();
    const shown = invite.getByTestId("invitation-link");
    await expect(shown).toContainText(CONSULTANT.email);
    await expect(shown).toContainText("shown only here, once");
    await shown.getByRole("button", { name: "Copy link" }).click();
    await expect(shown.getByRole("button", { name: "Copied" })).toBeVisible();
    const link = await owner.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/invite\/inv_[\w-]{43}$/);
    await expect(shown.getByRole("textbox", { name: "Invitation link" })).toHaveValue(link);
    invitationLink = link;
    await expect(owner.locator(`[data-invitation="${CONSULTANT.email}"]`)).toHaveAttribute("data-status", "pending");

    // the outbox keeps the email without the link, and nothing shows the link again
    await owner.getByRole("link", { name: "Outbox" }).click();
    const email = owner.locator(`[data-outbox-to="${CONSULTANT.email}"]`).first();
    await expect(email.getByTestId("outbox-body")).toContainText("[link withheld:");
    await expect(email.getByTestId("outbox-body")).not.toContainText("/invite/");
    await owner.getByRole("link", { name: "Team" }).click();
    await expect(owner.getByRole("form", { name: "Invite a consultant" })).toBeVisible();
    await expect(owner.getByTestId("invitation-link")).toHaveCount(0);

    consultant = await (await browser.newContext({ baseURL: emptyServer })).newPage();
    // by its path on the address the owner used (the link's own host: see the next test)
    await consultant.goto(new URL(link).pathname);
    await expect(consultant.getByRole("heading", { name: "Join E2E Consulting" })).toBeVisible();
    await expect(
      consultant.getByText(
        `E2E Consulting invites ${CONSULTANT.email} to join its Tollgate workspace as a consultant.`,
      ),
    ).toBeVisible();
    await consultant.getByLabel("Your name").fill(CONSULTANT.name);
    await consultant.getByLabel("Choose a password").fill(CONSULTANT.password);
    await consultant.getByRole("button", { name: "Create my account" }).click();
    await expect(consultant).toHaveURL(/\/home$/);
    await consultant.getByRole("link", { name: "Engagements", exact: true }).click();
    await expect(consultant).toHaveURL(/\/engagements$/);
    await expect(consultant.getByRole("heading", { name: "Engagements" })).toBeVisible();
    await expect(consultant.getByTestId("signed-in-as")).toHaveText(`Signed in as ${CONSULTANT.name} · E2E Consulting`);

    await owner.reload();
    const member = owner.locator(`[data-member="${CONSULTANT.email}"]`);
    await expect(member).toContainText(CONSULTANT.name);
    await expect(member).toContainText("Consultant");
    await expect(owner.locator(`[data-invitation="${CONSULTANT.email}"]`)).toHaveAttribute("data-status", "accepted");
  });

  test("an invitation link points at the address the owner's browser used", async () => {
    expect(new URL(invitationLink).origin).toBe(emptyServer);
  });

  test("resending shows a new link once; without a clipboard, Copy selects it for copying by hand", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: emptyServer });
    // as on a plain-http address other than localhost, where browsers offer no clipboard
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }),
    );
    const page = await context.newPage();
    await signInForm(page, OWNER.email, OWNER.password);
    await expect(page).toHaveURL(/\/home$/);
    await page.goto("/team");
    const invite = page.getByRole("form", { name: "Invite a consultant" });
    await invite.getByLabel("Email").fill("second.e2e@e2e-consulting.test");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByTestId("invitation-link")).toBeVisible();
    await page.reload();
    const row = page.locator('[data-invitation="second.e2e@e2e-consulting.test"]');
    await row.getByRole("button", { name: "Resend" }).click();
    const shown = row.getByTestId("invitation-link");
    await expect(shown).toContainText("second.e2e@e2e-consulting.test");
    await shown.getByRole("button", { name: "Copy link" }).click();
    await expect(shown).toContainText("the link is selected, press Ctrl+C");
    const field = shown.getByRole("textbox", { name: "Invitation link" });
    await expect(field).toBeFocused();
    const [start, end, length] = await field.evaluate((input: HTMLInputElement) => [
      input.selectionStart,
      input.selectionEnd,
      input.value.length,
    ]);
    expect([start, end]).toEqual([0, length]);
    await context.close();
  });

  test("a consultant who is not the owner sees the team but cannot invite", async () => {
    await consultant.getByRole("link", { name: "Team" }).click();
    await expect(consultant.getByRole("heading", { name: "Team" })).toBeVisible();
    await expect(consultant.locator(`[data-member="${OWNER.email}"]`)).toContainText("Owner");
    await expect(consultant.locator(`[data-member="${CONSULTANT.email}"]`)).toContainText("Consultant");
    await expect(consultant.getByRole("form", { name: "Invite a consultant" })).toHaveCount(0);
    await expect(consultant.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
    await expect(consultant.getByRole("button", { name: "Resend" })).toHaveCount(0);
    await expect(consultant.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  });

  test("changing the password ends the consultant's other sessions and keeps this one", async ({ browser }) => {
    const elsewhere = await signedIn(browser, CONSULTANT.email, CONSULTANT.password);

    // the account is reached from the header, on a phone's screen too
    await consultant.setViewportSize({ width: 390, height: 844 });
    await consultant.getByTestId("signed-in-as").click();
    await expect(consultant.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(consultant.getByText(`Signed in as ${CONSULTANT.name} (${CONSULTANT.email}).`)).toBeVisible();
    expect(
      await consultant.evaluate(() => document.documentElement.scrollWidth),
      "the page is wider than the screen",
    ).toBeLessThanOrEqual(390);
    await consultant.setViewportSize({ width: 1280, height: 720 });
    const form = consultant.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("alert")).toContainText("the current password is not right");

    // the refused attempt changed nothing: the other session still works
    await elsewhere.reload();
    await expect(elsewhere.getByRole("heading", { name: "Engagements" })).toBeVisible();

    await form.getByLabel("Current password").fill(CONSULTANT.password);
    await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "Password changed. Every other session of this account has ended.",
    );

    // the other browser's session is over, for the API and for pages
    const api = await elsewhere.request.get("/api/v1/engagements");
    expect(api.status()).toBe(401);
    await elsewhere.reload();
    await expect(elsewhere).toHaveURL(/\/signin$/);
    await expect(elsewhere.getByRole("heading", { name: "Sign in to Tollgate" })).toBeVisible();

    // this browser is still signed in
    await consultant.getByRole("link", { name: "Engagements" }).click();
    await expect(consultant.getByRole("heading", { name: "Engagements" })).toBeVisible();
    await consultant.reload();
    await expect(consultant.getByTestId("signed-in-as")).toContainText(CONSULTANT.name);
    expect((await consultant.request.get("/api/v1/engagements")).status()).toBe(200);

    // the old password no longer signs in; the new one does
    await signInForm(elsewhere, CONSULTANT.email, CONSULTANT.password);
    await expect(elsewhere.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
      "Email or password is incorrect.",
    );
    await expect(elsewhere).toHaveURL(/\/signin/);
    await signInForm(elsewhere, CONSULTANT.email, NEW_PASSWORD);
    await expect(elsewhere).toHaveURL(/\/home$/);
    await elsewhere.context().close();
  });
});

test("the server, started without HOST, answers on this machine only", async () => {
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === "IPv4" && !address.internal);
  expect(external, "this machine has no non-internal IPv4 address to try the server from").toBeDefined();

  const local = await fetch(`${demoServer}/api/health`);
  expect(local.status).toBe(200);

  const outside = await fetch(`http://${external!.address}:${DEMO_PORT}/api/health`, {
    signal: AbortSignal.timeout(10_000),
  }).then(
    (response) => `answered ${response.status}`,
    (error: unknown) =>
      error instanceof Error && error.cause instanceof Error
        ? ((error.cause as NodeJS.ErrnoException).code ?? error.cause.message)
        : String(error),
  );
  expect(outside).toBe("ECONNREFUSED");
});
