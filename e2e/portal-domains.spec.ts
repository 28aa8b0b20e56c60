import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { E2E_ADMIN, E2E_PORT } from "./support/config";
import { confirmWithDialog, recordNativeDialogs } from "./support/confirm";
import { shot } from "./support/shots";
import { codeFromOutbox } from "./support/outbox-code";
import { signIn } from "./support/sign-in";
import { e2eState } from "./support/state";

const run = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };
const network = randomBytes(2).toString("hex");

/** A wizard user signs in with an emailed code and creates a starter platform: they are now its own user. */
async function tenantUser(page: Page, browser: Browser, name: string): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `2001:db8:${network}:1::1` });
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@e2e.embark.localhost`;
  await page.goto("/onboarding");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeFocused();
  await page.getByLabel("Sign-in code").fill(await codeFromOutbox(browser, email));
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await expect(page.getByRole("heading", { name: "Tell us about your platform" })).toBeFocused();
  await page.getByLabel("Platform name").fill(name);
  await expect(page.getByTestId("slug-status")).toHaveText("Available");
  await page.getByLabel("Region").selectOption("eu");
  await page.getByLabel("Platform name").press("Enter");
  await expect(page.getByRole("heading", { name: "Choose a plan" })).toBeFocused();
  await page.getByRole("button", { name: "Create my platform" }).click();
  await expect(page.getByRole("heading", { name: `Setting up ${name}` })).toBeFocused();
}

test("a tenant's user adds a portal domain; an operator reconciles and disables it", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const name = `Lumen Clinic ${run}`;
  const domain = `portal.lumen-${run}.com`;
  await tenantUser(page, browser, name);

  await page.goto("/settings/portal-domain");
  await expect(page.getByRole("heading", { name: "Portal domain" })).toBeVisible();
  const card = page.getByTestId("portal-domain-card");
  await expect(card).toContainText(name);
  const target = (await card.getByTestId("cname-record").textContent()) ?? "";
  expect(target).toMatch(/p[a-z0-9]{16}\.portal\.embark\.localhost/);

  // A bad name is explained next to the field and stores nothing.
  await page.getByLabel("Your domain").fill("lumen.com");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(card.getByRole("alert")).toContainText("apex");
  await shot(page, "portal-domain-settings-invalid");

  await page.getByLabel("Your domain").fill(`https://${domain.toUpperCase()}/`);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(card.getByRole("heading", { name: domain })).toBeVisible();
  await expect(card.getByTestId("portal-domain-status")).toHaveText(/Pending|Verifying DNS|DNS failed/);
  await expect(card.getByTestId("cname-record")).toContainText(domain);
  await expect(card.getByTestId("cname-record")).toContainText(/p[a-z0-9]{16}\.portal\.embark\.localhost/);
  // No DNS record exists for it here: the check fails and says what to set.
  await expect(card.getByTestId("portal-domain-status")).toHaveText("DNS failed", { timeout: 30_000 });
  await expect(card.getByTestId("portal-domain-message")).toContainText("portal.embark.localhost");
  await shot(page, "portal-domain-settings");
  await page.setViewportSize(PHONE);
  await shot(page, "portal-domain-settings-phone");

  // A stuck certificate needs a cluster and an hour; its alert row is what the pages read, so one is opened here.
  const db = new pg.Client({ connectionString: e2eState().databaseUrl });
  await db.connect();
  const { rows } = await db.query<{ id: string; tenant_id: string }>("SELECT id, tenant_id FROM portal_domains WHERE domain = $1", [domain]);
  await db.query(
    "INSERT INTO ops_alerts (id, kind, subject_id, tenant_id, message, open_key, raised_at) VALUES ($1, 'portal_domain.certificate_stuck', $2, $3, $4, $5, now())",
    [`alert_e2e${run}`, rows[0]!.id, rows[0]!.tenant_id, `${domain}: Certificate not Ready for over an hour`, `portal_domain.certificate_stuck:${rows[0]!.id}`],
  );
  await db.end();

  const ops = await browser.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const op = await ops.newPage();
  await signIn(op, E2E_ADMIN, "/cp");
  const alerts = op.getByTestId("open-alerts");
  await expect(alerts).toContainText(`${domain}: Certificate not Ready for over an hour`);
  await shot(op, "cp-overview-alert");
  await alerts.getByRole("link", { name: "Open domain" }).click();
  await expect(op.getByRole("heading", { name: domain })).toBeVisible();
  await expect(op.getByTestId("open-alerts")).toContainText("Certificate not Ready");
  await op.goto("/cp/domains");
  await expect(op.getByTestId("domain-totals")).toContainText("Failed");
  await op.getByRole("link", { name: "Failed", exact: true }).click();
  await op.getByRole("link", { name: domain }).click();
  await expect(op.getByRole("heading", { name: domain })).toBeVisible();
  await expect(op.getByTestId("domain-status")).toHaveText("DNS failed");
  await expect(op.getByTestId("trace-timeline")).toContainText("Portal domain dns failed");
  await op.getByRole("button", { name: "Reconcile now" }).click();
  await expect(op.getByTestId("reconcile-queued")).toBeVisible();
  await shot(op, "cp-portal-domain");

  const nativeDialogs = recordNativeDialogs(op);
  await confirmWithDialog(op, op.getByRole("button", { name: "Disable" }), { title: `Disable ${domain}?`, confirm: "Disable domain" });
  expect(nativeDialogs).toEqual([]);
  await expect(op.getByTestId("domain-status")).toHaveText("Disabled");
  await expect(op.getByTestId("domain-status-message")).toContainText(/Disabled/);
  await expect(op.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await op.goto("/cp/domains");
  await expect(op.getByRole("row", { name: new RegExp(domain.replace(/\./g, "\\.")) })).toContainText("Disabled");
  await shot(op, "cp-portal-domains");
  await op.setViewportSize(PHONE);
  await shot(op, "cp-portal-domains-phone");
  await op.goto(await op.getByRole("link", { name: domain }).getAttribute("href") ?? "/cp/domains");
  // Disabling cleared the alert.
  await expect(op.getByTestId("open-alerts")).toHaveCount(0);
  await shot(op, "cp-portal-domain-phone");
  await ops.close();

  // The tenant's user is free to add another domain now.
  await page.reload();
  await expect(page.getByLabel("Your domain")).toBeVisible();
});
