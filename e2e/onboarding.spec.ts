import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { codeFromOutbox } from "./support/outbox-code";
import { shot } from "./support/shots";
import { e2eState } from "./support/state";

// Names unique per test run, so a rerun (or --repeat-each) against a kept database never collides.
const run = Date.now().toString(36);
let made = 0;
const uniqueId = () => `${run}${(made += 1).toString(36)}`;
const PHONE = { width: 390, height: 844 };
// The local runner takes a few stage delays and background-job polls per step.
const RUN_TIMEOUT = 60_000;
// Tenants made here live in us: the provisioning spec expects the first tenants in sg to need a new server.
const REGION = "us";

let visitor = 0;
// Playwright loads this file again in a fresh worker (after a failure, on a rerun): the addresses start elsewhere.
const network = randomBytes(2).toString("hex");

/**
 * Each test is a different person on a different address (IPv6 documentation
 * range, a /64 of its own, which is what the limits count by), so the limits
 * on asking for and trying codes, which these tests do not exercise, stay out
 * of the way.
 */
async function asNewVisitor(page: Page): Promise<void> {
  visitor += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `2001:db8:${network}:${visitor.toString(16)}::1` });
}

/** Email → code → signed in, landing on the platform step. Returns the code that worked. */
async function signUp(page: Page, browser: Browser, email: string, opts: { shots?: boolean } = {}): Promise<string> {
  await expect(page.getByRole("heading", { name: "Let's get your platform running" })).toBeVisible();
  if (opts.shots) await shot(page, "onboarding-1-email");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeFocused();
  await expect(page.getByText(email)).toBeVisible();
  const code = await codeFromOutbox(browser, email);
  if (opts.shots) {
    await shot(page, "onboarding-2-code");
    await page.getByLabel("Sign-in code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Verify and continue" }).click();
    await expect(page.locator("#code-error")).toHaveText("That code is not right. Check the email and try again.");
    await expect(page.getByLabel("Sign-in code")).toHaveAttribute("aria-invalid", "true");
    await shot(page, "onboarding-2-code-wrong");
  }
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page.getByRole("heading", { name: "Tell us about your platform" })).toBeFocused();
  return code;
}

/** Fills the platform step and waits until the subdomain is confirmed free. */
async function fillPlatform(page: Page, name: string, slug?: string): Promise<string> {
  await page.getByLabel("Platform name").fill(name);
  if (slug) await page.getByLabel("Subdomain").fill(slug);
  await expect(page.getByTestId("slug-status")).toHaveText("Available");
  return page.getByLabel("Subdomain").inputValue();
}

const step = (page: Page, key: string) => page.locator(`[data-step="${key}"]`);

test("a new person goes from their email to a running platform", async ({ page, browser }) => {
  const id = uniqueId();
  test.setTimeout(150_000);
  await asNewVisitor(page);
  const email = `juniper.${id}@e2e.embark.localhost`;
  await page.goto("/onboarding");
  await signUp(page, browser, email, { shots: true });
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);

  // The subdomain follows the name until it is edited; the region starts at DEFAULT_REGION.
  const name = `Juniper Bakery ${id}`;
  const slug = await fillPlatform(page, name);
  expect(slug).toBe(`juniper-bakery-${id}`);
  await expect(page.getByLabel("Region")).toHaveValue("sg");
  await expect(page.getByText(`https://${slug}.tenants.embark.localhost`)).toBeVisible();
  await shot(page, "onboarding-3-company");
  await page.getByLabel("Region").selectOption(REGION);

  // From here on by keyboard: Enter submits, Tab walks the plan step, focus stays visible.
  await page.getByLabel("Platform name").press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeFocused();
  await expect(page.getByRole("radio", { name: /Starter/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Growth/ })).toBeDisabled();
  await expect(page.getByTestId("plan-growth")).toContainText("Unavailable here:");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /Change/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: /Starter/ })).toBeFocused();
  await shot(page, "onboarding-4-plan");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Create my platform" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Setting up ${name}` })).toBeFocused();
  await expect(step(page, "create_platform")).toHaveAttribute("data-status", "succeeded");
  await expect(step(page, "provision_infra")).toHaveAttribute("data-status", /running|succeeded/);
  await shot(page, "onboarding-5-progress");

  await expect(page.getByRole("heading", { name: "Your platform is ready" })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(page.getByTestId("tenant-url")).toHaveText(`https://${slug}.tenants.embark.localhost`);
  await page.getByText("Setup details").click();
  // Without GitHub configured the repository and deploy steps are skipped, and say why.
  await expect(step(page, "setup_repo")).toHaveAttribute("data-status", "skipped");
  await expect(step(page, "setup_repo").getByTestId("skip-reason")).toContainText("GitHub is not configured");
  await expect(step(page, "verify")).toHaveAttribute("data-status", "succeeded");
  await shot(page, "onboarding-6-done");

  // Coming back later shows the finished platform; another can be started from there.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your platform is ready" })).toBeVisible();
  await page.getByRole("button", { name: "Set up another platform" }).click();
  await expect(page.getByRole("heading", { name: "Tell us about your platform" })).toBeFocused();
  await expect(page.getByLabel("Platform name")).toHaveValue("");
});

test("a failed step shows its message, and Try again finishes the setup", async ({ page, browser }) => {
  const id = uniqueId();
  test.setTimeout(150_000);
  await asNewVisitor(page);
  await page.goto("/onboarding?simulate_failure_stage=ansible");
  await signUp(page, browser, `fennel.${id}@e2e.embark.localhost`);
  await fillPlatform(page, `Fennel Labs ${id}`);
  await page.getByLabel("Region").selectOption(REGION);
  await page.getByRole("button", { name: "Continue to plans" }).click();
  await page.getByRole("button", { name: "Create my platform" }).click();

  await expect(step(page, "provision_infra")).toHaveAttribute("data-status", "failed", { timeout: RUN_TIMEOUT });
  await expect(page.getByRole("heading", { name: "Setup stopped" })).toBeVisible();
  await expect(step(page, "provision_infra").getByTestId("step-error")).toContainText("Provisioning failed at ansible: simulated failure of ansible");
  const panel = page.getByTestId("failure-panel");
  await expect(panel).toContainText("Provision infrastructure failed");
  await expect(step(page, "setup_repo")).toHaveAttribute("data-status", "pending");
  await shot(page, "onboarding-failed");
  await page.setViewportSize(PHONE);
  await shot(page, "onboarding-phone-failed");

  await panel.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: `Setting up Fennel Labs ${id}` })).toBeFocused();
  await expect(page.getByRole("heading", { name: "Your platform is ready" })).toBeVisible({ timeout: RUN_TIMEOUT });
  await page.getByText("Setup details").click();
  await expect(step(page, "provision_infra")).toHaveAttribute("data-status", "succeeded");
  await expect(step(page, "provision_infra").getByTestId("step-state")).toContainText("attempt 2");
});

test("a reload keeps what was typed, and continues a running setup", async ({ page, browser }) => {
  const id = uniqueId();
  test.setTimeout(150_000);
  await page.setViewportSize(PHONE);
  await asNewVisitor(page);
  await page.goto("/onboarding");
  const code = await signUp(page, browser, `hazel.${id}@e2e.embark.localhost`);

  const name = `Hazel Works ${id}`;
  const slug = await fillPlatform(page, name, `hazel-${id}`);
  await page.getByLabel("Region").selectOption(REGION);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Tell us about your platform" })).toBeVisible();
  await expect(page.getByLabel("Platform name")).toHaveValue(name);
  await expect(page.getByLabel("Subdomain")).toHaveValue(slug);
  await expect(page.getByLabel("Region")).toHaveValue(REGION);
  // What the browser keeps holds the form, never the code.
  const stored = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
  expect(stored).toContain(slug);
  expect(stored).not.toContain(code);
  await expect(page.getByTestId("slug-status")).toHaveText("Available");
  await shot(page, "onboarding-phone-company");

  await page.getByRole("button", { name: "Continue to plans" }).click();
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeVisible();
  await expect(page.getByText(`${slug}.tenants.embark.localhost`)).toBeVisible();
  await shot(page, "onboarding-phone-plan");

  await page.getByRole("button", { name: "Create my platform" }).click();
  await expect(page.getByRole("heading", { name: `Setting up ${name}` })).toBeVisible();
  await page.reload();
  // The same setup, picked up from the server; it may have moved on meanwhile.
  await expect(page.getByRole("heading", { name: new RegExp(`Setting up ${name}|Your platform is ready`) })).toBeVisible();
  await expect(page.getByTestId("onboarding-steps").or(page.getByTestId("tenant-url"))).toBeVisible();
  if (await page.getByTestId("onboarding-steps").isVisible()) await shot(page, "onboarding-phone-progress");
  await expect(page.getByRole("heading", { name: "Your platform is ready" })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(page.getByTestId("tenant-url")).toHaveText(`https://${slug}.tenants.embark.localhost`);
  await shot(page, "onboarding-phone-done");
});

test("bad input is explained next to its field, and paid plans say why they are unavailable", async ({ page, browser, request }) => {
  const id = uniqueId();
  test.setTimeout(120_000);
  const taken = `taken-${id}`;
  const signup = await request.post("/v1/tenants", {
    data: { company_name: `Taken Co ${id}`, subdomain_slug: taken, region: REGION },
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(signup.status(), await signup.text()).toBe(202);

  await asNewVisitor(page);
  await page.goto("/onboarding");
  await signUp(page, browser, `quince.${id}@e2e.embark.localhost`);
  const status = page.getByTestId("slug-status");
  const slugInput = page.getByLabel("Subdomain");

  await page.getByRole("button", { name: "Continue to plans" }).click();
  await expect(page.locator("#platformName-error")).toHaveText("Enter your platform's name.");
  await expect(page.getByLabel("Platform name")).toBeFocused();

  await page.getByLabel("Platform name").fill(`Quince Studio ${id}`);
  await slugInput.fill(taken);
  await expect(status).toHaveText("This subdomain is taken.");
  await expect(slugInput).toHaveAttribute("aria-invalid", "true");
  await slugInput.fill("Bad_Slug");
  await expect(slugInput).toHaveValue("bad_slug");
  await expect(status).toHaveText("The subdomain may contain only letters, digits and hyphens.");
  await slugInput.fill("ab");
  await expect(status).toHaveText("The subdomain must be at least 3 characters.");
  await slugInput.fill("admin");
  await expect(status).toHaveText("This subdomain is reserved.");
  await page.getByRole("button", { name: "Continue to plans" }).click();
  await expect(status).toHaveText("This subdomain is reserved.");
  await expect(status).toHaveAttribute("role", "alert");
  await expect(slugInput).toBeFocused();
  await shot(page, "onboarding-company-errors");
  await page.setViewportSize(PHONE);
  await shot(page, "onboarding-phone-company-errors");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Stripe is not configured here: the paid plans are shown, disabled, with the reason.
  const mine = `quince-${id}`;
  await slugInput.fill(mine);
  await expect(status).toHaveText("Available");
  await page.getByRole("button", { name: "Continue to plans" }).click();
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeVisible();
  for (const tier of ["growth", "scale"]) {
    await expect(page.getByTestId(`plan-${tier}`)).toContainText("Unavailable here:");
    await expect(page.getByTestId(`plan-${tier}`)).toContainText("STRIPE_SECRET_KEY");
  }
  await expect(page.getByRole("radio", { name: /Scale/ })).toBeDisabled();
  await page.getByTestId("plan-scale").click({ force: true });
  await expect(page.getByRole("radio", { name: /Starter/ })).toBeChecked();

  // Someone takes the subdomain between the check and the submit: the server's answer lands next to the field.
  const raced = await request.post("/v1/tenants", {
    data: { company_name: `Quince Rival ${id}`, subdomain_slug: mine, region: REGION },
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(raced.status(), await raced.text()).toBe(202);
  await page.getByRole("button", { name: "Create my platform" }).click();
  await expect(page.getByRole("heading", { name: "Tell us about your platform" })).toBeFocused();
  await expect(status).toContainText("is not available: this subdomain is taken");
  await expect(slugInput).toHaveValue(mine);
});
