// Signing in through the real login form, and full-page screenshots kept as artefacts
// (tests/e2e/screenshots/<name>.png, gitignored).
import { expect, type Locator, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD } from "../../../prisma/seed";

export { DEMO_PASSWORD };

const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** Fills and submits the login form on the current page, and waits until the app has let us in. */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await fillField(page.getByLabel("用户名", { exact: true }), username);
  await fillField(page.getByLabel("密码", { exact: true }), password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** Opens /login and signs in: the start of most journeys. */
export async function login(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await signIn(page, username, password);
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * Fills an input of a react-hook-form form. Text typed before React hydrates the form is reset to
 * the form's default when react-hook-form registers the field: wait for the page's hydration mark
 * (components/shell/hydration-marker.tsx), then fill until the value stays.
 */
export async function fillField(locator: Locator, value: string): Promise<void> {
  await locator.page().locator("html[data-hydrated]").waitFor({ state: "attached" });
  await expect(async () => {
    await locator.fill(value);
    await locator.page().waitForTimeout(150);
    await expect(locator).toHaveValue(value, { timeout: 300 });
  }).toPass({ timeout: 15_000 });
}
