import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./support/config";
import { codeFromOutbox } from "./support/outbox-code";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";

const origin = `http://127.0.0.1:${E2E_PORT}`;
const PHONE = { width: 390, height: 844 };

/** Every page of the dashboard, as a path with made-up ids for its dynamic segments. */
function dashboardPaths(): string[] {
  const root = path.resolve("src/app/cp/(dashboard)");
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name === "page.tsx") found.push(`/cp${segments.map((s) => `/${s}`).join("")}`);
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      const segment = name.startsWith("(") ? null : name.startsWith("[...") ? "no-such-page" : name.startsWith("[") ? "x0" : name;
      walk(path.join(dir, name), segment === null ? segments : [...segments, segment]);
    }
  };
  walk(root, []);
  return found.sort();
}

/**
 * What the client router sends when it navigates inside the dashboard: the
 * tree it holds already (the /cp layout, showing some other page), so the
 * server renders only the page asked for, without the layout.
 */
const LAYOUT_HELD = encodeURIComponent(
  JSON.stringify(["", { children: ["cp", { children: ["(dashboard)", { children: ["elsewhere", { children: ["__PAGE__", {}] }] }] }] }]),
);

/** A partial page render as the client router asks for it; Next.js first redirects to its cache-busting `_rsc` URL. */
async function partialRender(request: APIRequestContext, pagePath: string, cookie?: string): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { rsc: "1", "next-router-state-tree": LAYOUT_HELD, ...(cookie ? { cookie } : {}) };
  let url = pagePath;
  for (let hop = 0; hop < 3; hop++) {
    const res = await request.get(url, { headers, maxRedirects: 0 });
    const location = res.headers()["location"];
    if (res.status() === 307 && location?.includes("_rsc=")) {
      url = location;
      continue;
    }
    return { status: res.status(), body: await res.text() };
  }
  throw new Error(`${pagePath}: too many redirects`);
}

test("every /cp page checks the principal itself, even in a partial render that skips the layout", async ({ browser, playwright }) => {
  test.setTimeout(120_000);
  const pages = dashboardPaths();
  expect(pages.length).toBeGreaterThan(15);

  // A customer of the wizard: signed in with a mailed code, a plain user.
  const email = `customer-${Date.now()}@e2e.embark.localhost`;
  const customer = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin, "x-forwarded-for": "198.51.100.77" } });
  const operator = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin, "x-forwarded-for": "198.51.100.78" } });
  try {
    expect((await customer.post("/api/auth/email-otp/send-verification-otp", { data: { email, type: "sign-in" } })).status()).toBe(200);
    const otp = await codeFromOutbox(browser, email);
    const signedIn = await customer.post("/api/auth/sign-in/email-otp", { data: { email, otp } });
    expect(signedIn.status(), await signedIn.text()).toBe(200);
    expect(((await signedIn.json()) as { user: { role: string } }).user.role).toBe("user");

    // The request shape does skip the layout: an admin gets the page alone, without the shell's Sign out.
    expect((await operator.post("/api/auth/sign-in/email", { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } })).status()).toBe(200);
    const adminAudit = await partialRender(operator, "/cp/audit");
    expect(adminAudit.status).toBe(200);
    expect(adminAudit.body).toContain("Audit log · Embark");
    expect(adminAudit.body).not.toContain("Sign out");
    expect(adminAudit.body).not.toContain("NEXT_HTTP_ERROR_FALLBACK;404");

    for (const page of pages) {
      // A signed-in customer: the page answers not found, and none of it renders.
      const asCustomer = await partialRender(customer, page);
      expect(asCustomer.body, `${page} as a customer`).toContain("NEXT_HTTP_ERROR_FALLBACK;404");
      expect(asCustomer.body, `${page} as a customer`).not.toContain("operator.sign_in");
      // A session cookie that names no session: the page sends the caller to sign-in.
      const forged = await partialRender(customer, page, "embark.session_token=forged.value");
      expect(forged.body, `${page} with a forged cookie`).toContain("NEXT_REDIRECT;replace;/cp/sign-in");
    }
  } finally {
    await customer.dispose();
    await operator.dispose();
  }
});

test("an unknown /cp path is a styled page inside the dashboard, with a way back", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  const res = await page.goto("/cp/no-such-area/at-all");
  expect(res?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
  await expect(page.getByTestId("operator-name")).toHaveText(E2E_ADMIN.name);
  await expect(page.getByRole("navigation", { name: "Dashboard" }).first().getByRole("link", { name: "Audit log" })).toBeVisible();
  await shot(page, "cp-not-found");
  await page.setViewportSize(PHONE);
  await shot(page, "cp-not-found-phone");
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("an admin adds an operator who signs in, changes their password, and is disabled", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `ops-${Date.now()}@e2e.embark.localhost`;
  await signIn(page, E2E_ADMIN, "/cp/operators");
  await expect(page.getByRole("heading", { name: "Operators", level: 1 })).toBeVisible();
  await page.getByLabel("Name").fill("Otto Operator");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("operator");
  await page.getByRole("button", { name: "Add operator" }).click();
  const generated = ((await page.getByTestId("new-operator-password").textContent()) ?? "").trim();
  expect(generated.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole("row", { name: email })).toContainText("active");
  await shot(page, "cp-operators");

  // The new operator signs in with the generated password and replaces it.
  const theirs = await browser.newContext({ baseURL: origin });
  const them = await theirs.newPage();
  const chosen = `otto-chose-this-${Date.now()}`;
  try {
    await signIn(them, { email, password: generated }, "/cp/account");
    await expect(them.getByRole("main").getByText("operator", { exact: true })).toBeVisible();
    await them.getByLabel("Current password").fill(generated);
    await them.getByLabel("New password", { exact: true }).fill(chosen);
    await them.getByLabel("New password again").fill(chosen);
    await shot(them, "cp-account");
    await them.getByRole("button", { name: "Change password" }).click();
    // Every session ends, this one too: back to sign-in, where only the new password works.
    await them.waitForURL(/\/cp\/sign-in/);
    await them.goto("/cp/account");
    await expect(them).toHaveURL(/\/cp\/sign-in/);
    await signIn(them, { email, password: chosen }, "/cp/account");
    await expect(them.getByRole("heading", { name: "Your account" })).toBeVisible();

    // The admin disables them: their session ends and the password no longer signs in.
    await page.reload();
    const row = page.getByRole("row", { name: email });
    // The row asks first: the confirming button takes the place of its actions.
    await row.getByRole("button", { name: "Disable…" }).click();
    await row.getByRole("button", { name: "Disable and sign out" }).click();
    await expect(row).toContainText("disabled");
    await them.goto("/cp/account");
    await expect(them).toHaveURL(/\/cp\/sign-in/);
    await them.getByLabel("Email").fill(email);
    await them.getByLabel("Password").fill(chosen);
    await them.getByRole("button", { name: "Sign in" }).click();
    await expect(them.locator("#sign-in-error")).toBeVisible();
    await expect(them).toHaveURL(/\/cp\/sign-in/);
  } finally {
    await theirs.close();
  }

  await page.goto("/cp/audit");
  const audit = page.getByTestId("audit-table");
  for (const action of ["operator.create", "operator.disable"]) {
    await expect(audit.locator("code", { hasText: new RegExp(`^${action.replace(".", "\\.")}$`) }).first()).toBeVisible();
  }
});
