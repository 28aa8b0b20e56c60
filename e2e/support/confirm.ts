import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Records every native alert/confirm/prompt the page opens (and dismisses it,
 * so the action it guards does not happen). The dashboard asks with its own
 * dialog; a test asserts the returned list stays empty.
 */
export function recordNativeDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

/** Clicks `opener`, expects the app's confirmation dialog titled `title`, and confirms with `confirm`. */
export async function confirmWithDialog(page: Page, opener: Locator, opts: { title: RegExp | string; confirm: string; shotName?: string }) {
  await opener.click();
  const dialog = page.getByRole("dialog", { name: opts.title });
  await expect(dialog).toBeVisible();
  // The safe choice has focus, so Enter by mistake does nothing harmful.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: opts.confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}
