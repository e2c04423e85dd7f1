// The smoke journey: a signed-out visitor is sent to the login page, the bureau administrator of
// the demo data signs in and lands on the workbench.
import { expect, test } from "@playwright/test";
import { saveScreenshot, signIn } from "./support/login";

test("the demo administrator signs in and lands on the workbench", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login(\?|$)/);

  await signIn(page, "admin");

  await expect(page.getByRole("heading", { level: 1 })).toContainText("工作台");
  await expect(page.getByText("徐彤").first()).toBeVisible();
  await saveScreenshot(page, "smoke-admin-workbench");
});
