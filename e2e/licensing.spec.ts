import { expect, test, type Page } from "@playwright/test";
import { findFreePort } from "../src/server/database/free-port";
import { startFakeStripe, type TFakeStripe } from "../src/server/integrations/stripe/stripe-test-server";
import { startExtraEmbark } from "./support/appliance-server";
import { E2E_ADMIN } from "./support/config";
import { confirmWithDialog, recordNativeDialogs } from "./support/confirm";
import { shot } from "./support/shots";
import { signIn } from "./support/sign-in";

const run = Date.now().toString(36);
const PHONE = { width: 390, height: 844 };
const CODE = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, "page wider than the viewport").toBeLessThanOrEqual(viewport);
}

async function fillOrder(page: Page, company: string, email: string) {
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel("Contact email").fill(email);
}

test("an essentials order shows its install code, and an operator reissues it in /cp", async ({ page }) => {
  test.setTimeout(120_000);
  const company = `Essential Works ${run}`;
  await page.goto("/order/appliance");
  await expect(page.getByRole("heading", { name: "Run Embark on your own hardware" })).toBeVisible();
  // No Stripe on this server: the paid editions say why they cannot be bought.
  await expect(page.getByRole("radio", { name: /^Pro / })).toBeDisabled();
  await expect(page.getByText(/STRIPE_SECRET_KEY/).first()).toBeVisible();
  await shot(page, "order-appliance");
  await page.setViewportSize(PHONE);
  await shot(page, "order-appliance-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await fillOrder(page, company, `it-${run}@essentials.example`);
  await page.getByRole("button", { name: "Get my install code" }).click();
  const code = page.getByTestId("install-code");
  await expect(code).toHaveText(CODE);
  const first = (await code.textContent())!;
  await shot(page, "order-appliance-code");
  await page.setViewportSize(PHONE);
  await expectNoSideScroll(page);
  await shot(page, "order-appliance-code-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await signIn(page, E2E_ADMIN, "/cp/licensing");
  await expect(page.getByRole("heading", { name: "Licensing", level: 1 })).toBeVisible();
  const row = page.getByTestId("registry-tenant-row").filter({ hasText: company });
  await expect(row).toBeVisible();
  await expect(page.getByText(first)).toHaveCount(0);
  const nativeDialogs = recordNativeDialogs(page);
  await confirmWithDialog(page, row.getByRole("button", { name: "Reissue code" }), { title: "Send a new install code?", confirm: "Reissue code" });
  expect(nativeDialogs).toEqual([]);
  await expect(row.getByRole("status")).toHaveText("New code emailed");
  const codes = page.getByTestId("install-code-row").filter({ hasText: company });
  await expect(codes).toHaveCount(2);
  await expect(codes.filter({ hasText: "revoked" })).toHaveCount(1);
  await expect(codes.filter({ hasText: "open" })).toHaveCount(1);
  await shot(page, "cp-licensing");
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Licensing", level: 1 })).toBeVisible();
  await expectNoSideScroll(page);
  await shot(page, "cp-licensing-phone");
});

test.describe("a paid order through Stripe Checkout", () => {
  let fake: TFakeStripe;
  let embark: { url: string; stop(): Promise<void> };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const port = await findFreePort();
    const secret = "whsec_e2eApplianceSecret000000000001";
    fake = await startFakeStripe({ webhook: { url: `http://127.0.0.1:${port}/api/webhooks/stripe`, secret } });
    embark = await startExtraEmbark({
      name: "e2e-appliance-stripe",
      port,
      env: {
        STRIPE_SECRET_KEY: "sk_test_e2eApplianceKey000000000000001",
        STRIPE_WEBHOOK_SECRET: secret,
        STRIPE_API_URL: fake.url,
        STRIPE_PRICE_APPLIANCE_PRO: "price_appliance_pro",
        STRIPE_PRICE_APPLIANCE_PREMIUM: "price_appliance_premium",
      },
    });
  });
  test.afterAll(async () => {
    await embark?.stop();
    await fake?.close();
  });

  test("pays for pro and finds the install code on the thank-you page, again after a refresh", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${embark.url}/order/appliance`);
    await page.getByRole("radio", { name: /^Pro / }).check();
    await fillOrder(page, `Paid Works ${run}`, `it-${run}@paid.example`);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
    await page.getByRole("button", { name: "Pay" }).click();
    await page.waitForURL((url) => url.pathname === "/order/appliance/thank-you");
    const code = page.getByTestId("install-code");
    await expect(code).toHaveText(CODE);
    const shown = await code.textContent();
    await shot(page, "order-appliance-thank-you");
    await page.setViewportSize(PHONE);
    await expectNoSideScroll(page);
    await shot(page, "order-appliance-thank-you-phone");
    await page.reload();
    await expect(page.getByTestId("install-code")).toHaveText(shown!);
    expect(fake.events.filter((e) => e.type === "checkout.session.completed")).toHaveLength(1);
  });
});
