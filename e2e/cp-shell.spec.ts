import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT, E2E_VIEWER } from "./support/config";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";

test("/cp without a session leads to the sign-in page, and back after signing in", async ({ page }) => {
  await page.goto("/cp/audit");
  await expect(page).toHaveURL(/\/cp\/sign-in\?next=%2Fcp%2Faudit$/);
  await expect(page.getByRole("heading", { name: /sign in/i })).toBeVisible();
  await shot(page, "cp-sign-in");

  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#sign-in-error")).toContainText(/incorrect/i);
  await shot(page, "cp-sign-in-wrong-password");

  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/cp/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});

test("a signed-in admin sees the shell, creates an API key that works, and the action is audited", async ({ page, request }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("operator-name")).toHaveText(E2E_ADMIN.name);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Dashboard" }).first();
  const areas = ["Provision jobs", "Tenants", "Nodes", "Trace explorer", "Onboarding", "Funnel", "Licensing", "Portal domains"];
  for (const area of [...areas, "Outbox", "Webhooks", "API keys", "Audit log", "Operators", "Your account"]) {
    await expect(nav.getByRole("link", { name: area, exact: true })).toBeVisible();
  }
  // Every entry is a working link: nothing greyed out for later.
  await expect(nav.locator('[aria-disabled="true"]')).toHaveCount(0);
  await shot(page, "cp-overview");

  await nav.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name").fill("e2e-tooling");
  await page.getByRole("checkbox", { name: /system:read/ }).check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^emb_/);
  await expect(page.getByRole("cell", { name: "e2e-tooling" })).toBeVisible();
  await shot(page, "cp-api-keys");

  const ok = await request.get("/internal/whoami", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ kind: "apiKey", name: "e2e-tooling", scopes: ["system:read"] });

  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("cell", { name: E2E_ADMIN.email }).first()).toBeVisible();
  await expect(page.getByTestId("audit-table").locator("code", { hasText: /^apiKey\.create$/ }).first()).toBeVisible();
  await shot(page, "cp-audit-log");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/cp/sign-in**");
  await page.goto("/cp");
  await expect(page).toHaveURL(/\/cp\/sign-in/);
});

test("the home page says what Embark does today, and promises nothing it lacks", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "From signup to a running tenant." })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/licenses self-hosted appliances/);
  await expect(page.getByRole("main")).toContainText(/on their own domains/);
  for (const link of ["Create your platform", "Order an appliance", "Ops dashboard", "API reference"]) {
    await expect(page.getByRole("link", { name: link })).toBeVisible();
  }
  await shot(page, "home");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "home-phone");
});

test("the audit log shows every column: whole at 1280 px, as a list on a phone", async ({ page }) => {
  await signIn(page, E2E_ADMIN, "/cp/audit");
  const table = page.getByTestId("audit-table");
  await expect(table.getByRole("columnheader", { name: "Request" })).toBeVisible();
  // Nothing hides past the table's edge: it needs no sideways scrolling, and its last column sits inside the card.
  const fit = await table.locator("table").evaluate((t) => {
    const box = t.parentElement!;
    const last = t.querySelector("thead th:last-child")!.getBoundingClientRect();
    return { scroll: box.scrollWidth, client: box.clientWidth, lastRight: last.right, boxRight: box.getBoundingClientRect().right };
  });
  expect(fit.scroll, "audit table wider than its card").toBeLessThanOrEqual(fit.client);
  expect(fit.lastRight).toBeLessThanOrEqual(fit.boxRight + 0.5);
  await shot(page, "cp-audit-desktop");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(table).toBeHidden();
  const list = page.getByRole("list", { name: "Audit log entries" });
  await expect(list.getByRole("listitem").first()).toBeVisible();
  const overflow = await list.evaluate((ul) => ({
    page: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
    items: [...ul.children].filter((li) => li.scrollWidth > li.clientWidth || li.getBoundingClientRect().right > window.innerWidth).length,
  }));
  expect(overflow).toEqual({ page: 0, items: 0 });
  await shot(page, "cp-audit-phone");
});

test("a viewer sees the shell but cannot manage API keys", async ({ page }) => {
  await signIn(page, E2E_VIEWER);
  await page.goto("/cp/api-keys");
  await expect(page.getByText("Only admins manage API keys")).toBeVisible();
});

test("on a phone the dashboard navigation folds into a menu", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, E2E_VIEWER);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await page.locator("#mobile-nav").getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.locator("#mobile-nav")).toBeHidden();
  await shot(page, "cp-phone-audit");
});

test("the outbox page lists mail held without SMTP, with sensitive bodies hidden", async ({ page, request }) => {
  const code = await request.post("/api/auth/email-otp/send-verification-otp", {
    data: { email: "someone@e2e.embark.localhost", type: "sign-in" },
    headers: { origin: `http://127.0.0.1:${E2E_PORT}` },
  });
  expect(code.status()).toBe(200);
  await signIn(page, E2E_ADMIN, "/cp/outbox");
  const row = page.getByRole("row", { name: /someone@e2e\.embark\.localhost/ }).first();
  await expect(row).toBeVisible();
  await expect(row.getByText(/held|queued/)).toBeVisible();
  await shot(page, "cp-outbox");
  await row.getByRole("link").click();
  await expect(page.getByTestId("outbox-body")).toHaveText("[sensitive; hidden]");
  await page.getByRole("button", { name: /Reveal/ }).click();
  await expect(page.getByTestId("outbox-body")).toContainText(/\b\d{6}\b/);
  await shot(page, "cp-outbox-message");
});
