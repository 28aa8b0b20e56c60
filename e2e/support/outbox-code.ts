import { expect, type Browser } from "@playwright/test";
import { registerSecret } from "../../test/support/log-capture";
import { E2E_ADMIN, E2E_PORT } from "./config";
import { signIn } from "./sign-in";

/**
 * Reads the newest code mailed to `email` the way this deployment delivers it
 * without SMTP: the mail is held in the outbox, and an admin reveals it in /cp.
 */
export async function codeFromOutbox(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const page = await context.newPage();
  try {
    await signIn(page, E2E_ADMIN, "/cp/outbox");
    await page.getByRole("row", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) }).first().getByRole("link").click();
    await page.getByRole("button", { name: /Reveal/ }).click();
    const body = page.getByTestId("outbox-body");
    await expect(body).toContainText(/code is \d{6}/);
    const code = /code is (\d{6})/.exec((await body.textContent()) ?? "")![1]!;
    registerSecret("otp-code", code);
    return code;
  } finally {
    await context.close();
  }
}
