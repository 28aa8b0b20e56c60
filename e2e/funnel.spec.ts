import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./support/config";
import { codeFromOutbox } from "./support/outbox-code";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";
import { e2eState } from "./support/state";

// The browser tests' server runs with NEXT_PUBLIC_ONBOARDING_DEBUG=1 (built and served with it; see global setup).
const run = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };
const RUN_TIMEOUT = 60_000;

type TFunnelEvent = { name: string; step: string | null; source: string; trace_id: string; occurred_at: string; email_fingerprint: string | null; properties: Record<string, unknown> };

async function funnelEvents(page: Page, traceId: string): Promise<TFunnelEvent[]> {
  const res = await page.request.get(`/internal/funnel-events?trace_id=${traceId}&limit=1000`, {
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as TFunnelEvent[];
}

test("walking the wizard with the debug stream on records its steps in order on one trace, and /cp shows them", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${(Date.now() % 200) + 1}` });
  const debugPosts: string[] = [];
  page.on("request", (req) => {
    if (new URL(req.url()).pathname === "/api/debug/funnel-log") debugPosts.push(req.method());
  });

  const email = `rowan.${run}@e2e.embark.localhost`;
  const name = `Rowan Mills ${run}`;
  await page.goto("/onboarding");
  await expect(page.getByRole("heading", { name: "Let's get your platform running" })).toBeVisible();
  const traceId = await page.evaluate(() => window.sessionStorage.getItem("embark.onboarding.trace"));
  expect(traceId).toMatch(/^trace_[0-9a-f]{32}$/);

  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const code = await codeFromOutbox(browser, email);
  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page.getByRole("heading", { name: "Tell us about your platform" })).toBeVisible();
  await page.getByLabel("Platform name").fill(name);
  await expect(page.getByTestId("slug-status")).toHaveText("Available");
  await page.getByLabel("Region").selectOption("eu");
  await page.getByRole("button", { name: "Continue to plans" }).click();
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeVisible();
  await page.getByRole("button", { name: "Create my platform" }).click();
  await expect(page.getByRole("heading", { name: "Your platform is ready" })).toBeVisible({ timeout: RUN_TIMEOUT });
  // The trace did not change on the way.
  expect(await page.evaluate(() => window.sessionStorage.getItem("embark.onboarding.trace"))).toBe(traceId);

  // The wizard's own events, in the order they happened, next to Embark's milestones on the same trace.
  const expected = [
    "wizard_started",
    "step_viewed:resolving",
    "step_viewed:email",
    "code_requested:email",
    "step_viewed:code",
    "signed_in:code",
    "step_viewed:company",
    "company_submitted:company",
    "step_viewed:plan",
    "plan_submitted:plan",
    "onboarding_created:plan",
    "step_viewed:session",
  ];
  const label = (e: TFunnelEvent) => (e.step ? `${e.name}:${e.step}` : e.name);
  await expect
    .poll(async () => (await funnelEvents(page, traceId!)).filter((e) => e.source === "admin_web_onboarding_debug").map(label), { timeout: 30_000 })
    .toEqual(expected);
  const events = await funnelEvents(page, traceId!);
  const milestones = events.filter((e) => e.source === "embark").map((e) => e.name);
  expect(milestones).toEqual(expect.arrayContaining(["signup_started", "code_sent", "code_verified", "company_submitted", "plan_chosen", "provisioning_completed", "onboarding_completed"]));
  // The address only as a fingerprint, the code nowhere.
  const stored = JSON.stringify(events);
  expect(stored).not.toContain(email);
  expect(stored).not.toContain(code);
  expect(events.find((e) => e.name === "code_requested")!.email_fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(debugPosts.every((m) => m === "POST")).toBe(true);
  expect(debugPosts.length).toBeGreaterThan(0);

  // The ops pages, with this run's data in them.
  const ops = await browser.newPage();
  await signIn(ops, E2E_ADMIN, "/cp/funnel");
  await expect(ops.getByRole("heading", { name: "Funnel", exact: true })).toBeVisible();
  await expect(ops.getByTestId("funnel-steps-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(ops.getByTestId("funnel-timings-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const signups = Number(await ops.getByTestId("funnel-steps-table").locator('tr[data-step="signup_started"] td').nth(1).textContent());
  expect(signups).toBeGreaterThanOrEqual(1);
  await expect(ops.getByTestId("funnel-by-region")).toContainText("Europe");
  await shot(ops, "cp-funnel");
  await ops.setViewportSize(PHONE);
  await shot(ops, "cp-funnel-phone");
  await ops.setViewportSize({ width: 1280, height: 800 });

  await ops.goto(`/cp/trace?q=${encodeURIComponent(email)}`);
  await expect(ops.getByTestId("trace-id")).toHaveText(traceId!);
  const timeline = ops.getByTestId("trace-explorer-timeline");
  for (const kind of ["funnel", "onboarding", "provision", "callback"]) {
    await expect(timeline.locator(`li[data-kind="${kind}"]`).first()).toBeVisible();
  }
  await expect(timeline.locator("li").first()).toHaveAttribute("data-title", "wizard_started");
  await shot(ops, "cp-trace");
  await ops.setViewportSize(PHONE);
  await shot(ops, "cp-trace-phone");

  // The job page links to the same trace.
  await timeline.locator('li[data-kind="callback"] a').first().click();
  await ops.getByRole("link", { name: traceId! }).click();
  await expect(ops.getByTestId("trace-id")).toHaveText(traceId!);
  await ops.close();
});
