import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_VIEWER } from "./support/config";
import { confirmWithDialog, recordNativeDialogs } from "./support/confirm";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";
import { e2eState } from "./support/state";
import { seedTenantWithJob } from "../test/support/provisioning-factory";

// Slugs unique per run, so a rerun against a kept database never collides.
const run = Date.now().toString(36);

type TCreated = { job_id: string; tenant_id: string; trace_id: string };

async function signUpTenant(
  request: APIRequestContext,
  body: { company_name: string; subdomain_slug: string; simulate_failure_stage?: string; plan?: string },
): Promise<TCreated> {
  const res = await request.post("/v1/tenants", {
    data: body,
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()) as TCreated;
}

function jobRow(page: Page, slug: string) {
  return page.getByRole("row").filter({ hasText: slug });
}

/** The page fits its viewport: wide content scrolls inside its own box, never the whole page. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, "page wider than the viewport").toBeLessThanOrEqual(viewport);
}

// A local run takes a few stage delays; the pages refresh themselves while it does.
const RUN_TIMEOUT = 45_000;

test("an operator finds a failed provision job, reads its trace, retries it and follows it to a live tenant", async ({ page, request }) => {
  test.setTimeout(150_000);
  const good = { company_name: `Okra Foods ${run}`, subdomain_slug: `okra-${run}` };
  // Scale is dedicated (allowed to the internal key): always a new server, so register_node runs whatever nodes earlier tests left.
  const bad = { company_name: `Fennel Labs ${run}`, subdomain_slug: `fennel-${run}`, simulate_failure_stage: "ansible", plan: "scale" };
  const goodJob = await signUpTenant(request, good);
  const badJob = await signUpTenant(request, bad);

  await signIn(page, E2E_ADMIN, "/cp/jobs");
  await expect(page.getByRole("heading", { name: "Provision jobs" })).toBeVisible();
  await expect(jobRow(page, bad.subdomain_slug).getByText("Failed", { exact: true })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(jobRow(page, good.subdomain_slug).getByText("Completed", { exact: true })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(jobRow(page, bad.subdomain_slug).getByText("at ansible")).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "provisioning-jobs");

  // Filters live in the URL: search by slug and narrow to Failed.
  await page.getByLabel("Search").fill(bad.subdomain_slug);
  await page.getByLabel("Status").selectOption("Failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=Failed/);
  await expect(page.getByRole("link", { name: badJob.job_id })).toBeVisible();
  await expect(jobRow(page, good.subdomain_slug)).toHaveCount(0);
  await shot(page, "provisioning-jobs-filtered");

  // The same search by trace id finds the job too.
  await page.goto(`/cp/jobs?q=${badJob.trace_id}`);
  await expect(page.getByRole("link", { name: badJob.job_id })).toBeVisible();
  await page.getByRole("link", { name: badJob.job_id }).click();
  await page.waitForURL(`**/cp/jobs/${badJob.job_id}`);

  await expect(page.getByRole("heading", { name: bad.company_name })).toBeVisible();
  await expect(page.getByTestId("job-status")).toHaveText("Failed");
  const failure = page.getByTestId("job-failure");
  await expect(failure).toContainText("Failed at Ansible");
  await expect(failure).toContainText("simulated failure of ansible");
  const stages = page.getByTestId("job-stages");
  await expect(stages.locator('[data-stage="resolve_target"]')).toHaveAttribute("data-state", "succeeded");
  await expect(stages.locator('[data-stage="register_node"]')).toHaveAttribute("data-state", "succeeded");
  await expect(stages.locator('[data-stage="ansible"]')).toHaveAttribute("data-state", "failed");
  await expect(stages.locator('[data-stage="zuplo_sync"]')).toHaveAttribute("data-state", "skipped");
  const timeline = page.getByTestId("trace-timeline");
  await expect(timeline.getByRole("heading", { name: "Attempt 1" })).toBeVisible();
  await expect(timeline.locator('li[data-stage="placement"]')).toContainText("embark");
  const ansibleFailed = timeline.locator('li[data-stage="ansible"][data-status="failed"]');
  await expect(ansibleFailed).toContainText("local-runner");
  await expect(ansibleFailed).toContainText("simulated failure of ansible");
  await expect(timeline.locator('li[data-stage="dns"][data-status="skipped"]')).toBeVisible();
  // Event data opens on demand.
  const placementData = timeline.locator('li[data-stage="placement"] details');
  await placementData.locator("summary").click();
  await expect(placementData.locator("pre")).toBeVisible();
  await expect(page.getByText("Local runner", { exact: true })).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "provisioning-job-failed");

  const nativeDialogs = recordNativeDialogs(page);
  await page.getByRole("button", { name: "Retry" }).click();
  const ask = page.getByRole("dialog", { name: `Retry provisioning ${bad.subdomain_slug}?` });
  await expect(ask).toContainText("This starts attempt 2 with a fresh dispatch");
  await shot(page, "provisioning-retry-dialog");
  // Cancel backs out: no new attempt, focus back on Retry.
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole("button", { name: "Retry" })).toBeFocused();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(ask).toBeVisible();
  await shot(page, "provisioning-phone-retry-dialog");
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId("job-status")).toHaveText("Failed");
  await confirmWithDialog(page, page.getByRole("button", { name: "Retry" }), { title: `Retry provisioning ${bad.subdomain_slug}?`, confirm: "Start attempt 2" });
  await page.waitForURL((url) => url.pathname.startsWith("/cp/jobs/job_") && !url.pathname.endsWith(badJob.job_id));
  const retryJobId = page.url().split("/").at(-1)!;
  await expect(page.getByText("Attempt 2", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("job-status")).toHaveText("Completed", { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId("live-refresh")).toHaveCount(0);
  await expect(page.getByTestId("job-failure")).toHaveCount(0);
  await expect(stages.locator('[data-stage="ansible"]')).toHaveAttribute("data-state", "succeeded");
  await expect(stages.locator('[data-stage="dns"]')).toHaveAttribute("data-state", "succeeded");
  // The trace keeps the first attempt, then the retry.
  await expect(timeline.getByRole("heading", { name: "Attempt 1" })).toBeVisible();
  await expect(timeline.getByRole("heading", { name: "Attempt 2" })).toBeVisible();
  await expect(timeline.locator('li[data-stage="retry"]')).toContainText(E2E_ADMIN.email);
  await expect(page.getByRole("link", { name: /Attempt 1.*Failed/ })).toBeVisible();
  expect(nativeDialogs).toEqual([]);
  await shot(page, "provisioning-job-retried");

  // The first attempt now points at its retry instead of offering another.
  await page.goto(`/cp/jobs/${badJob.job_id}`);
  await expect(page.getByRole("link", { name: "Retried as attempt 2 →" })).toHaveAttribute("href", `/cp/jobs/${retryJobId}`);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Tenants" }).click();
  await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
  await page.getByLabel("Search").fill(run);
  await page.getByRole("button", { name: "Filter" }).click();
  const tenantRow = jobRow(page, bad.subdomain_slug);
  await expect(tenantRow.getByText("active", { exact: true })).toBeVisible();
  await expect(tenantRow.getByRole("link", { name: /attempt 2/ })).toHaveAttribute("href", `/cp/jobs/${retryJobId}`);
  await expect(jobRow(page, good.subdomain_slug).getByText("active", { exact: true })).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "provisioning-tenants");

  const nodeLink = tenantRow.getByRole("link", { name: /^node-/ });
  const nodeId = (await nodeLink.textContent())!.trim();
  await nodeLink.click();
  await page.waitForURL((url) => url.pathname === "/cp/nodes" && url.searchParams.get("node") === nodeId);
  await expect(page.getByRole("heading", { name: "Nodes" })).toBeVisible();
  await expect(page.locator(`tr[aria-current="true"]`)).toHaveAttribute("data-node-id", nodeId);
  const meter = page.getByRole("meter", { name: `Capacity used on ${nodeId}` });
  await expect(meter).toBeVisible();
  expect(Number(await meter.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("node-totals")).toContainText("Tenants placed");
  await shot(page, "provisioning-nodes");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/cp/jobs/${retryJobId}`);
  await expect(page.getByTestId("job-status")).toHaveText("Completed");
  await expectNoSideScroll(page);
  await shot(page, "provisioning-phone-job");
  await page.goto("/cp/jobs");
  await expect(page.getByRole("link", { name: goodJob.job_id })).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "provisioning-phone-jobs");
  await page.goto(`/cp/tenants?q=${run}`);
  await expect(page.getByRole("list", { name: "Tenants" }).getByText(bad.company_name)).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "provisioning-phone-tenants");
  await page.goto("/cp/nodes");
  await expectNoSideScroll(page);
  await shot(page, "provisioning-phone-nodes");
});

test("a viewer sees a failed job without a Retry button, and a retry from a viewer is refused", async ({ page, request }) => {
  test.setTimeout(90_000);
  const bad = { company_name: `Sorrel Works ${run}`, subdomain_slug: `sorrel-${run}`, simulate_failure_stage: "ansible" };
  const badJob = await signUpTenant(request, bad);

  await signIn(page, E2E_VIEWER, `/cp/jobs/${badJob.job_id}`);
  await expect(page.getByTestId("job-status")).toHaveText("Failed", { timeout: RUN_TIMEOUT });
  await expect(page.getByTestId("job-failure")).toContainText("Failed at Ansible");
  await expect(page.getByText("Retrying a job needs the operator role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await shot(page, "provisioning-viewer-job");

  // The browser's session, straight to the procedure the button would call.
  const refused = await page.request.post("/api/trpc/jobs.retry", { data: { json: { job_id: badJob.job_id } } });
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).toContain("FORBIDDEN");
  await page.reload();
  await expect(page.getByTestId("job-status")).toHaveText("Failed");
  await expect(page.getByRole("link", { name: /Retried as attempt/ })).toHaveCount(0);
});

test("an open job's page asks the server every second and shows the callback's outcome without a reload", async ({ page, request }) => {
  // A job the workflow is running (no local run behind it): the test plays the workflow's callback.
  const { jobId } = await seedTenantWithJob(
    { slug: `thyme-${run}`, companyName: `Thyme Systems ${run}`, region: "eu" },
    { status: "Running", dispatchMode: "github", dispatchedAt: new Date() },
  );
  await signIn(page, E2E_VIEWER, `/cp/jobs/${jobId}`);
  await expect(page.getByTestId("job-status")).toHaveText("Running");
  await expect(page.getByTestId("live-refresh")).toHaveAttribute("data-interval-ms", "1000");
  // Marks this document: a reload would lose the mark.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  const done = await request.post("/internal/provision-complete", {
    data: { job_id: jobId, status: "Completed", message: "played by the browser test" },
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(done.status(), await done.text()).toBe(200);
  await expect(page.getByTestId("job-status")).toHaveText("Completed");
  await expect(page.getByTestId("live-refresh")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("the overview's shared capacity is the Nodes page's, dedicated and draining nodes included", async ({ page, request }) => {
  const internal = { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` };
  // Nodes that hold tenants but add no shared room: they once made the two pages disagree.
  for (const node of [
    { node_id: `node-eu-ded${run}`, region: "eu", dedicated: true, capacity: 1 },
    { node_id: `node-eu-drn${run}`, region: "eu", status: "draining", capacity: 10 },
  ]) {
    const res = await request.post("/internal/nodes", { data: node, headers: internal });
    expect(res.status(), await res.text()).toBe(201);
  }
  await signIn(page, E2E_VIEWER, "/cp");
  const overview = (await page.getByTestId("overview-shared-capacity").textContent()) ?? "";
  const [, used, capacity] = /(\d+)\/(\d+)/.exec(overview) ?? [];
  expect(used, overview).toBeDefined();
  await expect(page.getByTestId("overview-shared-capacity")).toContainText(/\(\d+ active shared nodes?\)/);
  await shot(page, "cp-overview-capacity");

  await page.getByTestId("overview-shared-capacity").click();
  await page.waitForURL("**/cp/nodes");
  await expect(page.getByTestId("nodes-shared-capacity")).toContainText(`${used} of ${capacity} slots`);
  const nodesOnOverview = /\((\d+) active shared node/.exec(overview)![1];
  await expect(page.getByTestId("nodes-shared-capacity")).toContainText(`on ${nodesOnOverview} active shared node`);
  await expect(page.locator(`tr[data-node-id="node-eu-drn${run}"]`)).toBeVisible();
});

test("unknown and malformed job ids are a 404 page; a broken page cursor leads back to the newest page", async ({ page }) => {
  await signIn(page, E2E_VIEWER, "/cp/jobs");
  for (const id of ["job_0000000000000000000000000", "not-a-job"]) {
    const res = await page.goto(`/cp/jobs/${id}`);
    expect(res?.status()).toBe(404);
  }
  await page.goto("/cp/jobs?status=Failed&cursor=not-a-cursor");
  await expect(page).toHaveURL(/\/cp\/jobs\?status=Failed$/);
  await page.goto("/cp/tenants?cursor=not-a-cursor");
  await expect(page).toHaveURL(/\/cp\/tenants$/);
  await expect(page.getByRole("heading", { name: "Tenants" })).toBeVisible();
});
