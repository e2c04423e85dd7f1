// Issue 16, programme health: Shaoxing's staff open the 援疆 programme's health from the programme
// page (the round in progress: posts, stages, ratios, quotas, waits), export one chart's table and
// open the workbook with exceljs — its rows are the table's rows. Wanzhou's admin reads the service
// of the cohort in service (who serves where, leave, workload, allowances, grades). Screenshots at
// 1280 and 390 px (and in English at 1280); on a phone the page never scrolls sideways (tables scroll in their own frame).
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const PROGRAM = "绍兴市第八批援疆医生选派";

async function as(browser: Browser, username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function openHealth(page: Page, program: string | RegExp): Promise<void> {
  await page.goto("/programs");
  await page.getByRole("link", { name: program }).first().click();
  await page.getByRole("link", { name: "项目运行情况 →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "项目运行情况" })).toBeVisible();
}

test("staff open the programme's health and export a chart's table: the workbook holds the table's rows", async ({ browser }) => {
  const page = await as(browser, "staff");
  await openHealth(page, PROGRAM);
  await expect(page.getByRole("heading", { name: "岗位到岗情况" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "各环节等待时长及等待对象" })).toBeVisible();
  await expect(page.getByRole("img", { name: /图表：各岗位各环节人数/ })).toBeVisible();
  // The charts come drawn from the server: each bar carries its figure in an SVG title (shown on hover).
  await expect(page.getByRole("img", { name: /图表：岗位到岗情况/ }).locator("rect > title").first()).toHaveText(/ · 计划人数: \d+$/);
  await saveScreenshot(page, "program-health-1280-zh");

  // The table beside the "applications per post and stage" chart, as the page shows it.
  const table = page.getByRole("table", { name: "各岗位各环节人数" });
  const shown = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown[0]![0]).toBe("全部岗位");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "将“各岗位各环节人数”表格导出为 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^program-health-stages-\d{8}\.xlsx$|各岗位各环节人数/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  expect(sheet.name).toBe("各岗位各环节人数");
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const headShown = await table.locator("thead th").allTextContents();
  expect(header).toEqual(headShown.map((h) => h.trim()));
  const written = sheet
    .getRows(2, sheet.rowCount - 1)!
    .map((row) => (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "—" : String(v))));
  // The page shows the stage totals and the first 15 lines per post; the workbook holds every line, in the same order.
  expect(written.slice(0, shown.length)).toEqual(shown);
  expect(written.length).toBeGreaterThanOrEqual(shown.length);
  await page.context().close();
});

test("on a phone the health page fits: the tables scroll in their own frame", async ({ browser }) => {
  const page = await as(browser, "staff", 390);
  await openHealth(page, PROGRAM);
  await expect(page.getByRole("heading", { name: "考察名单与上报名单比例" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, "program-health-390-zh");
  await page.context().close();
});

test("Wanzhou's bureau reads the service of its cohort: who serves where, leave, workload, allowances, grades", async ({ browser }) => {
  const page = await as(browser, "wz-admin");
  await openHealth(page, /万州区\d{4}年度卫生人才“县聘乡用”/);
  for (const title of ["人员分布", "请假与缺勤", "每月工作量", "各渠道每月补助"]) {
    const card = page.locator("section", { has: page.getByRole("heading", { name: title }) }).last();
    await expect(card.getByRole("table")).toBeVisible();
  }
  await saveScreenshot(page, "program-health-service-1280-zh");
  // In English (the shell's switch; the account keeps the language, so back to Chinese after).
  await page.getByRole("button", { name: "切换为 English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Programme health" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Workload by month" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export the table “Allowances by payer and month” to Excel" })).toBeVisible();
  await saveScreenshot(page, "program-health-service-1280-en");
  await page.getByRole("button", { name: "Switch to 中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "项目运行情况" })).toBeVisible();
  await page.context().close();
  const phone = await as(browser, "wz-admin", 390);
  await openHealth(phone, /万州区\d{4}年度卫生人才“县聘乡用”/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(phone, "program-health-service-390-zh");
  await phone.context().close();
});
