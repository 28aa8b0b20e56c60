import { expect, test, type Page } from "@playwright/test";
import { startWebhookTestReceiver, type TWebhookTestReceiver } from "../src/server/services/webhooks/webhook-test-receiver";
import { E2E_ADMIN, E2E_VIEWER } from "./support/config";
import { confirmWithDialog, recordNativeDialogs } from "./support/confirm";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";
import { e2eState } from "./support/state";

const run = Date.now().toString(36);
let receiver: TWebhookTestReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookTestReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

/** The page fits its viewport: wide content scrolls inside its own box, never the whole page. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, "page wider than the viewport").toBeLessThanOrEqual(viewport);
}

test("an admin subscribes an endpoint, sees its secret once, and replays a delivery the receiver refused", async ({ page, context, request }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, E2E_ADMIN, "/cp/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expect(page.getByText("No endpoints yet")).toBeVisible();

  // The form checks its fields before asking the server.
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Enter the URL that should receive events")).toBeVisible();
  await expect(page.getByText("Choose at least one event")).toBeVisible();

  await page.getByLabel("Endpoint URL").fill(receiver.url);
  await page.getByLabel("Description (optional)").fill(`Provisioning alerts ${run}`);
  await page.getByRole("checkbox", { name: /provision\.completed/ }).check();
  await page.getByRole("checkbox", { name: /provision\.failed/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();

  const secretBox = page.getByTestId("webhook-secret");
  await expect(secretBox).toHaveText(/^whsec_[A-Za-z0-9_-]{43}$/);
  const secret = (await secretBox.textContent())!.trim();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const row = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).toContainText("enabled");
  await expectNoSideScroll(page);
  await shot(page, "webhooks-endpoint-created");

  // Once dismissed, or after a reload, only the prefix is left anywhere on the page.
  await page.getByRole("button", { name: "Done" }).click();
  await expect(secretBox).toHaveCount(0);
  await page.reload();
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  expect(await page.content()).not.toContain(secret);

  // A real event: a tenant's provision job completes. The receiver is down for the first attempt.
  receiver.secret = secret;
  receiver.answer({ status: 500, body: "receiver is restarting" });
  const signup = await request.post("/v1/tenants", {
    data: { company_name: `Hook Test ${run}`, subdomain_slug: `hook-${run}` },
    headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
  });
  expect(signup.status(), await signup.text()).toBe(202);
  const [first] = await receiver.waitFor(1);
  expect(first!.signature.ok).toBe(true);
  const event = JSON.parse(first!.body) as { id: string; type: string; data: { slug: string } };
  expect(event).toMatchObject({ type: "provision.completed", data: { slug: `hook-${run}` } });

  await page.reload();
  const delivery = page.getByRole("link", { name: "provision.completed" }).first();
  await expect(delivery).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: event.id })).toContainText("retrying");
  await expect(row).toContainText("1 retrying in 24 h");
  await shot(page, "webhooks");

  await delivery.click();
  await page.waitForURL(/\/cp\/webhooks\/deliveries\/whd_/);
  const log = page.getByTestId("attempt-log");
  await expect(log.locator('li[data-trigger="automatic"][data-status-code="500"]')).toContainText("receiver is restarting");
  await expect(page.getByTestId("delivery-payload")).toContainText(event.id);
  await expect(page.getByLabel("Retrying")).toContainText("Next automatic attempt in");
  await expect(page.getByTestId("delivery-status")).toHaveText("retrying");
  await shot(page, "webhooks-delivery-retrying");

  const nativeDialogs = recordNativeDialogs(page);
  await confirmWithDialog(page, page.getByRole("button", { name: "Replay" }), { title: "Send this event again?", confirm: "Replay" });
  expect(nativeDialogs).toEqual([]);
  await expect(log.locator('li[data-trigger="replay"][data-status-code="200"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("delivery-status")).toHaveText("succeeded");
  const replayed = receiver.received.at(-1)!;
  expect(replayed.signature.ok).toBe(true);
  expect(replayed.headers["embark-event-id"]).toBe(event.id);
  expect(replayed.body).toBe(first!.body);
  await expectNoSideScroll(page);
  await shot(page, "webhooks-delivery");

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSideScroll(page);
  await shot(page, "webhooks-phone-delivery");
  await page.goto("/cp/webhooks");
  await expect(page.getByRole("list", { name: "Deliveries" }).getByText("provision.completed")).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "webhooks-phone");
});

test("a viewer sees endpoints and deliveries but cannot add, change or replay", async ({ page }) => {
  await signIn(page, E2E_VIEWER, "/cp/webhooks");
  await expect(page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await page.getByRole("link", { name: "provision.completed" }).first().click();
  await expect(page.getByText("Replaying a delivery needs the operator role.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Replay" })).toHaveCount(0);
  const refused = await page.request.post("/api/trpc/webhooks.createEndpoint", {
    data: { json: { url: "https://example.com/hook", events: ["provision.failed"] } },
  });
  expect(refused.status()).toBe(403);
});
