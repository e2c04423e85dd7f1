// A programme from the 援疆 template takes the start date the clerk chooses (offered: the next day
// the template opens, never a day already past), and opening one whose registration window has
// passed warns before it opens and offers to shift the timeline so registration opens today (issue 15).
import { expect, test } from "@playwright/test";
import { fillField, login, saveScreenshot } from "./support/login";

/** A Beijing calendar day `days` from today, "YYYY-MM-DD". */
function beijingDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test("template start date, and opening after the registration window with the timeline shifted", async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, "admin");
  await page.goto("/programs/new");
  const start = page.getByLabel("报名开始日期");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  // Offered: the template's own day (8 November) not before today.
  const offered = await start.inputValue();
  expect(offered).toMatch(/^\d{4}-11-08$/);
  expect(offered >= beijingDay(0)).toBe(true);
  await expect(page.getByLabel("年度")).toHaveValue(offered.slice(0, 4));
  await saveScreenshot(page, "program-dates-new-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, "program-dates-new-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });

  // A start 40 days ago: registration (4 days) has long closed.
  await fillField(start, beijingDay(-40));
  await fillField(page.getByLabel("项目名称"), "起始日期与顺延测试项目");
  await page.getByRole("button", { name: "创建项目" }).click();
  await expect(page).toHaveURL(/\/programs\/(?!new$)[^/]+$/);
  const programUrl = new URL(page.url()).pathname;

  await page.goto(`${programUrl}/posts`);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("接收单位", { exact: true }).selectOption({ index: 1 });
  await fillField(page.getByLabel("岗位", { exact: true }), "心内科医师");
  await fillField(page.getByLabel("专业/科室"), "心血管内科");
  await fillField(page.getByLabel("名额"), "1");
  await page.getByRole("button", { name: "添加岗位" }).click();
  await expect(page.getByRole("cell", { name: "心内科医师" }).first()).toBeVisible();

  await page.goto(programUrl);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "开始报名" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByText("报名时间已过")).toBeVisible();
  await expect(dialog.getByText(/顺延 40 天/)).toBeVisible();
  await saveScreenshot(page, "program-dates-warning-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, "program-dates-warning-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await dialog.getByRole("button", { name: "顺延并开始报名" }).click();
  await expect(page.getByRole("status").filter({ hasText: "时间安排已顺延 40 天，项目已开始报名" })).toBeVisible();
  // Registration now opens today and is open.
  await expect(page.getByText("报名中").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "进入审核" })).toBeVisible();
  await saveScreenshot(page, "program-dates-shifted-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await saveScreenshot(page, "program-dates-shifted-390");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
