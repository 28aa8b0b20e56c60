import { expect, type Page } from "@playwright/test";

let client = 0;

/**
 * Signs in through the real /cp/sign-in form. Each call comes from its own
 * client address (documentation range), as separate people would, so the
 * sign-in rate limit — which these tests do not exercise — stays out of the way.
 */
export async function signIn(page: Page, who: { email: string; password: string }, next = "/cp"): Promise<void> {
  client += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${client}` });
  await page.goto(`/cp/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeEnabled();
  await submit.click();
  await page.waitForURL((url) => url.pathname === next);
}
