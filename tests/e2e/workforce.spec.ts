// Seed 002's workforce indicators: 沈佳怡 (Shaoxing's bureau staff) opens 人才队伍指标, enters the
// city's 2025 count of grassroots health workers (19 800 of 5 430 000 residents: 3.65 per 1 000),
// sees the gap to the target of 3.8 (−0.15, not met) in the indicator's table beside its chart, and
// exports the table; the workbook holds the same row. Then the page at 1280 and 390 px, in Chinese
// and English, without a sideways scroll.
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { fillField, login, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const INDICATOR = "每千常住人口基层卫生人员数";

async function as(browser: Browser, username: string, width = 1280, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true });
  const page = await context.newPage();
  await login(page, username);
  if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  return page;
}

/** The screen as the reader sees it around `target` (the full-page shots are too tall to read). */
async function view(page: Page, target: Locator, name: string) {
  await target.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png` });
}

async function noSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("the bureau enters the city's 2025 actual, sees the gap to target, and exports the table", async ({ browser }) => {
  const page = await as(browser, "staff");
  await page.getByRole("link", { name: "人才队伍指标" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "人才队伍指标" })).toBeVisible();
  const table = page.getByRole("table", { name: `${INDICATOR}：逐年目标值、实际值与差距` });
  const row2025 = table.getByRole("row").filter({ hasText: "2025" });
  await expect(row2025).toContainText("3.8");
  await expect(page.getByRole("img", { name: `${INDICATOR}：目标值与实际值逐年对比图` }).locator("svg").first()).toBeVisible();

  // The form opens on the first entered indicator and the latest year, which already has its target.
  await expect(page.getByLabel("指标", { exact: true })).toHaveValue(/.+/);
  await expect(page.getByText("修改 2025 年已有数据（沈佳怡录入）")).toBeVisible();
  await fillField(page.getByLabel("基层卫生人员数", { exact: true }), "19800");
  await fillField(page.getByLabel("常住人口", { exact: true }), "5430000");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("已保存。")).toBeVisible();
  await expect(row2025).toContainText("3.65");
  await expect(row2025).toContainText("-0.15");
  await expect(row2025).toContainText("未达标");
  await saveScreenshot(page, "workforce-entered-1280-zh");
  await view(page, table, "workforce-table-1280-zh");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出本地区指标表（Excel）" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("人才队伍指标-浙江省绍兴市卫生健康委员会.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 8)).toEqual(["地区", "指标", "年度", "单位", "目标值", "实际值", "差距", "是否达标"]);
  const rows: unknown[][] = [];
  sheet.eachRow((r, n) => n > 1 && rows.push((r.values as unknown[]).slice(1)));
  expect(rows).toHaveLength(6 * 4);
  const exported = rows.find((r) => r[1] === INDICATOR && r[2] === 2025)!;
  expect(exported.slice(4, 10)).toEqual([3.8, 3.65, -0.15, "未达标", 19800, 5430000]);
  await page.context().close();
});

test("the page fits a phone, in Chinese and in English; a county's region below the city can be chosen", async ({ browser }) => {
  const phone = await as(browser, "staff", 390);
  await phone.goto("/workforce");
  await expect(phone.getByRole("heading", { level: 1, name: "人才队伍指标" })).toBeVisible();
  await expect(phone.getByRole("heading", { name: "定向医学生服务协议" })).toBeVisible();
  await expect(phone.getByRole("heading", { name: "晋升前基层服务" })).toBeVisible();
  await noSidewaysScroll(phone, 390);
  await saveScreenshot(phone, "workforce-390-zh");
  await view(phone, phone.getByRole("heading", { level: 1 }), "workforce-top-390-zh");
  await view(phone, phone.getByRole("heading", { name: "定向医学生服务协议" }), "workforce-contracts-390-zh");

  await phone.getByRole("combobox", { name: "地区", exact: true }).selectOption({ label: "诸暨市卫生健康局" });
  await phone.getByRole("button", { name: "查看" }).click();
  await expect(phone).toHaveURL(/regionId=/);
  await expect(phone.getByRole("table", { name: "定向医学生服务协议" }).getByRole("row").filter({ hasText: "何雨桐" })).toBeVisible();
  await noSidewaysScroll(phone, 390);
  await phone.context().close();

  const english = await as(browser, "staff", 390, "en");
  await english.goto("/workforce");
  await expect(english.getByRole("heading", { level: 1, name: "Workforce indicators" })).toBeVisible();
  await noSidewaysScroll(english, 390);
  await saveScreenshot(english, "workforce-390-en");
  await english.context().close();
});

test("the bureau corrects a targeted student's contract: a note at once, the years of service after a confirmation", async ({ browser }) => {
  const page = await as(browser, "staff");
  await page.goto("/workforce");
  const contracts = page.getByRole("table", { name: "定向医学生服务协议" });
  const row = contracts.getByRole("row").filter({ hasText: "徐浩然" });
  await expect(row).toContainText("2027年8月31日");
  await row.getByRole("link", { name: "更正徐浩然的服务协议" }).click();
  await expect(page.getByRole("heading", { name: "更正服务协议：徐浩然" })).toBeVisible();
  const form = page.locator("#contract-form");
  await expect(form.getByLabel("服务年限（年）")).toHaveValue("6");

  // A note: saved without asking.
  await fillField(form.getByLabel("备注"), "按协议原件核对");
  await form.getByRole("button", { name: "保存更正" }).click();
  await expect(form.getByText("已更正。")).toBeVisible();

  // The years of service change the days owed: asked once more, then saved from the new version.
  await fillField(form.getByLabel("服务年限（年）"), "5");
  await form.getByRole("button", { name: "保存更正" }).click();
  const dialog = page.getByRole("alertdialog", { name: "更正徐浩然的服务期？" });
  await expect(dialog).toBeVisible();
  await view(page, dialog, "workforce-contract-confirm-1280-zh");
  await dialog.getByRole("button", { name: "保存更正" }).click();
  await expect(row).toContainText("2026年8月31日");
  await saveScreenshot(page, "workforce-contract-corrected-1280-zh");

  // Back to six years (the demo's contract as seeded), again after the question.
  await fillField(form.getByLabel("服务年限（年）"), "6");
  await form.getByRole("button", { name: "保存更正" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "保存更正" }).click();
  await expect(row).toContainText("2027年8月31日");
  await page.context().close();
});
