import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_VIEWER } from "./support/config";
import { confirmWithDialog, recordNativeDialogs } from "./support/confirm";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";
import { e2eState } from "./support/state";

// Slugs unique per run, so a rerun against a kept database never collides.
const run = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };
// A local provision run takes a few stage delays; the pages refresh themselves while it does.
const RUN_TIMEOUT = 60_000;

type TSession = { onboardingId: string; jobId: string | null; status: string };

async function startOnboarding(
  request: APIRequestContext,
  body: { platformName: string; slug: string; simulate_failure_stage?: string },
): Promise<TSession> {
  const res = await request.post("/api/v1/onboarding", {
    // Region eu: the provisioning spec expects the first tenants in sg to need a new server.
    data: { ...body, tier: "starter", userId: "e2e-user", region: "eu" },
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()) as TSession;
}

function row(page: Page, slug: string) {
  return page.getByRole("row").filter({ hasText: slug });
}

/** The page fits its viewport: wide content scrolls inside its own box, never the whole page. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, "page wider than the viewport").toBeLessThanOrEqual(viewport);
}

test("an operator finds a failed onboarding, reads why, resumes it and watches it complete", async ({ page, request }) => {
  test.setTimeout(180_000);
  const good = { platformName: `Quince Studio ${run}`, slug: `quince-${run}` };
  const bad = { platformName: `Juniper Health ${run}`, slug: `juniper-${run}`, simulate_failure_stage: "ansible" };
  const goodSession = await startOnboarding(request, good);
  const badSession = await startOnboarding(request, bad);

  await signIn(page, E2E_ADMIN, "/cp");
  await page.getByRole("navigation", { name: "Dashboard" }).first().getByRole("link", { name: "Onboarding" }).click();
  await expect(page.getByRole("heading", { name: "Onboarding", level: 1 })).toBeVisible();
  await expect(row(page, bad.slug).getByText("Failed", { exact: true })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(row(page, bad.slug)).toContainText("Failed at Provision infrastructure");
  await expect(row(page, good.slug).getByText("Completed", { exact: true })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(row(page, good.slug)).toContainText("All steps done");
  await expectNoSideScroll(page);
  await shot(page, "cp-onboarding-list");

  // Filters live in the URL: this run's sessions, failed, at provisioning.
  await page.getByLabel("Search").fill(run);
  await page.getByLabel("Status").selectOption({ label: "Failed" });
  await page.getByLabel("Region").selectOption("eu");
  await page.getByLabel("Tier").selectOption({ label: "Starter" });
  await page.getByLabel("Failed at").selectOption({ label: "Provision infrastructure" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page).toHaveURL(/region=eu/);
  await expect(page).toHaveURL(/tier=starter/);
  await expect(page).toHaveURL(/failedStep=provision_infra/);
  await expect(row(page, bad.slug)).toBeVisible();
  await expect(row(page, good.slug)).toHaveCount(0);
  await shot(page, "cp-onboarding-list-filtered");

  // Nothing matches another step; the empty state offers the way back.
  await page.getByLabel("Failed at").selectOption({ label: "Verify deployment" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No onboarding sessions match these filters")).toBeVisible();
  await page.goBack();

  // The provision job id finds the session too.
  await page.goto(`/cp/onboarding?q=${badSession.jobId}`);
  await row(page, bad.slug).getByRole("link", { name: bad.platformName }).click();
  await page.waitForURL(`**/cp/onboarding/${badSession.onboardingId}`);

  await expect(page.getByRole("heading", { name: bad.platformName })).toBeVisible();
  await expect(page.getByTestId("onboarding-status")).toHaveText("Failed");
  const failure = page.getByTestId("onboarding-failure");
  await expect(failure).toContainText("Failed at Provision infrastructure");
  await expect(failure).toContainText("simulated failure of ansible");
  const steps = page.getByTestId("onboarding-steps");
  await expect(steps.locator('[data-step="create_platform"]')).toHaveAttribute("data-status", "succeeded");
  await expect(steps.locator('[data-step="provision_infra"]')).toHaveAttribute("data-status", "failed");
  await expect(steps.locator('[data-step="provision_infra"] [data-testid="step-error"]')).toContainText("simulated failure of ansible");
  await expect(steps.locator('[data-step="setup_repo"]')).toHaveAttribute("data-status", "pending");
  await expect(page.getByRole("link", { name: badSession.jobId! }).first()).toHaveAttribute("href", `/cp/jobs/${badSession.jobId}`);
  await expect(page.getByTestId("trace-timeline").locator('li[data-stage="ansible"][data-status="failed"]')).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "cp-onboarding-failed");

  const nativeDialogs = recordNativeDialogs(page);
  await page.getByRole("button", { name: "Resume" }).click();
  const ask = page.getByRole("dialog", { name: `Resume onboarding of ${bad.platformName}?` });
  await expect(ask).toContainText("It restarts at \u201cProvision infrastructure\u201d");
  await shot(page, "cp-onboarding-resume-dialog");
  // Escape backs out: nothing is resumed and focus returns to the button.
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(page.getByRole("button", { name: "Resume" })).toBeFocused();
  await expect(page.getByTestId("onboarding-status")).toHaveText("Failed");
  await confirmWithDialog(page, page.getByRole("button", { name: "Resume" }), { title: `Resume onboarding of ${bad.platformName}?`, confirm: "Resume onboarding" });
  await expect(page.getByTestId("onboarding-status")).toHaveText("Completed", { timeout: RUN_TIMEOUT });
  expect(nativeDialogs).toEqual([]);
  await expect(page.getByTestId("onboarding-failure")).toHaveCount(0);
  await expect(page.getByTestId("live-refresh")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);
  await expect(steps.locator('[data-step="provision_infra"]')).toHaveAttribute("data-status", "succeeded");
  await expect(steps.locator('[data-step="provision_infra"]')).toContainText("attempt 2");
  // Without GitHub the repository and deploy steps are skipped, with the reason.
  await expect(steps.locator('[data-step="setup_repo"]')).toHaveAttribute("data-status", "skipped");
  await expect(steps.locator('[data-step="setup_repo"] [data-testid="step-skipped-reason"]')).toContainText("GitHub is not configured");
  await expect(steps.locator('[data-step="deploy_services"]')).toHaveAttribute("data-status", "skipped");
  await expect(steps.locator('[data-step="verify"]')).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByRole("complementary", { name: "Session details" })).toContainText("once");
  await expect(page.getByRole("link", { name: new RegExp(`^${bad.slug}\\.`) })).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "cp-onboarding-resumed");

  // The tenant link finds the tenant, now active.
  await page.getByRole("complementary", { name: "Session details" }).getByRole("link").first().click();
  await page.waitForURL("**/cp/tenants?q=*");
  await expect(row(page, bad.slug).getByText("active", { exact: true })).toBeVisible();

  await page.setViewportSize(PHONE);
  await page.goto(`/cp/onboarding?q=${run}`);
  await expect(page.getByRole("list", { name: "Onboarding sessions" }).getByText(bad.platformName)).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "cp-onboarding-phone-list");
  await page.getByRole("list", { name: "Onboarding sessions" }).getByRole("link", { name: good.platformName }).click();
  await page.waitForURL(`**/cp/onboarding/${goodSession.onboardingId}`);
  await expect(page.getByTestId("onboarding-status")).toHaveText("Completed");
  await expectNoSideScroll(page);
  await shot(page, "cp-onboarding-phone-detail");
});

test("a viewer cannot resume; an operator who resumes second sees why it was refused", async ({ page, request }) => {
  test.setTimeout(120_000);
  const bad = { platformName: `Sumac Logistics ${run}`, slug: `sumac-${run}`, simulate_failure_stage: "ansible" };
  const session = await startOnboarding(request, bad);
  const path = `/cp/onboarding/${session.onboardingId}`;

  await signIn(page, E2E_VIEWER, path);
  await expect(page.getByTestId("onboarding-status")).toHaveText("Failed", { timeout: RUN_TIMEOUT });
  await expect(page.getByText("Resuming an onboarding needs the operator role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);
  const refused = await page.request.post("/api/trpc/onboarding.resume", { data: { json: { id: session.onboardingId } } });
  expect(refused.status()).toBe(404);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/cp/sign-in**");

  await signIn(page, E2E_ADMIN, path);
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  // Someone else resumes it while this page still shows it failed.
  const first = await request.post(`/api/v1/onboarding/${session.onboardingId}/resume`, {
    data: {},
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(first.status(), await first.text()).toBe(202);
  await confirmWithDialog(page, page.getByRole("button", { name: "Resume" }), { title: /^Resume onboarding of/, confirm: "Resume onboarding" });
  const refusal = page.getByTestId("resume-error");
  await expect(refusal).toContainText("Only a failed onboarding can be resumed");
  // The refresh that follows shows the session running, and keeps the reason on screen.
  await expect(page.getByTestId("onboarding-status")).not.toHaveText("Failed");
  await expect(refusal).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume" })).toHaveCount(0);
  await shot(page, "cp-onboarding-resume-refused");
  await expect(page.getByTestId("onboarding-status")).toHaveText("Completed", { timeout: RUN_TIMEOUT });
});

test("unknown and malformed onboarding ids are a 404 page; a broken page cursor leads back to the newest page", async ({ page }) => {
  await signIn(page, E2E_VIEWER, "/cp/onboarding");
  for (const id of ["onb_0000000000000000", "not-a-session"]) {
    const res = await page.goto(`/cp/onboarding/${id}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByText("No such onboarding session")).toBeVisible();
  }
  await shot(page, "cp-onboarding-not-found");
  await page.goto("/cp/onboarding?status=failed&cursor=not-a-cursor");
  await expect(page).toHaveURL(/\/cp\/onboarding\?status=failed$/);
  await expect(page.getByRole("heading", { name: "Onboarding", level: 1 })).toBeVisible();
});
