// Issue 13: 陈丽萍 (finance, Wanzhou's 规划财务科) opens this month's payments — the demo paid every
// month before this one — ticks every line due, records them paid with one voucher after a
// confirmation, and exports the month's payment sheet; the workbook is opened with exceljs and its
// lines, per-payer subtotal, total and totals sheet are checked against what the page said was paid,
// to the fen. Then the pages at 1280 and 390 px, in Chinese and English: finance's month, the
// programme's policy (wz-admin), the totals, the receiving unit's view and the doctor's schedule on
// the phone, reached from /service — none with a sideways scroll.
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillField, login, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

async function as(browser: Browser, username: string, width = 1280, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", acceptDownloads: true });
  const page = await context.newPage();
  await login(page, username);
  if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  return page;
}

async function noSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** "9,354.84" → 935484 fen, read digit by digit. */
function fenOf(yuan: string): number {
  const [whole, cents = "00"] = yuan.replace(/,/g, "").split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}

let paidCount = 0;
let paidFen = 0;

test("finance pays this month's lines in bulk with one voucher, after a confirmation", async ({ browser }) => {
  const page = await as(browser, "finance");
  await page.goto("/allowances");
  await expect(page.getByRole("heading", { level: 1, name: "津贴发放" })).toBeVisible();
  await expect(page.getByTestId("payer-totals")).toContainText("资金池");
  await expect(page.getByTestId("payer-totals")).not.toContainText("逾期");
  const lines = page.getByTestId("finance-line");
  const count = await lines.count();
  expect(count).toBeGreaterThanOrEqual(8);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("全选本页可登记的款项").check();
  await expect(page.getByTestId("pay-selected")).toContainText(`已选 ${count}笔`);
  await fillField(page.getByLabel("凭证号"), "记-2026-12-088");
  await saveScreenshot(page, "allowances-finance-selected-1280-zh");
  await page.getByRole("button", { name: "登记为已发放" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`登记 ${count}笔为已发放？`);
  await expect(dialog).toContainText("记-2026-12-088");
  await dialog.getByRole("button", { name: "确认登记" }).click();
  const done = page.getByText(/^已登记 \d+笔，合计 [\d,]+\.\d{2}元。$/);
  await expect(done).toBeVisible();
  const [, n, amount] = /已登记 (\d+)笔，合计 ([\d,]+\.\d{2})元/.exec((await done.textContent())!)!;
  paidCount = Number(n);
  paidFen = fenOf(amount!);
  expect(paidCount).toBe(count);
  await expect(page.getByTestId("month-progress")).toContainText(`已发 ${count}笔，未发 0笔`);
  await expect(page.getByText("没有符合条件的应发款项。")).toBeVisible();
  await page.context().close();
});

test("the month's payment sheet: the workbook's lines, subtotal, total and totals sheet match what was paid to the fen", async ({ browser }) => {
  const page = await as(browser, "finance");
  await page.goto("/allowances?status=paid");
  await expect(page.getByTestId("finance-line")).toHaveCount(paidCount);
  await expect(page.getByTestId("finance-line").first()).toContainText("记-2026-12-088");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("export-sheet").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^津贴发放表-\d{4}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getRows(1, sheet.rowCount)!;
  expect(String(rows[0]!.getCell(1).value)).toMatch(/\d{4}年\d{1,2}月津贴补助发放表/);
  const header = rows[1]!.values as unknown[];
  for (const title of ["收款方", "户名", "津贴项目", "所属期间", "金额（元）", "凭证号"]) expect(header).toContain(title);
  const amountCol = header.indexOf("金额（元）");
  const fen = (v: unknown) => Math.round(Number(v) * 100);
  const lineRows = rows.filter((row) => typeof row.getCell(1).value === "number");
  expect(lineRows).toHaveLength(paidCount);
  const linesFen = lineRows.reduce((sum, row) => sum + fen(row.getCell(amountCol).value), 0);
  expect(linesFen).toBe(paidFen);
  const subtotal = rows.find((row) => /^资金池（.+）小计$/.test(String(row.getCell(2).value)))!;
  expect(fen(subtotal.getCell(amountCol).value)).toBe(paidFen);
  const grand = rows.find((row) => row.getCell(2).value === "合计")!;
  expect(fen(grand.getCell(amountCol).value)).toBe(paidFen);
  expect(rows.some((row) => (row.values as unknown[]).includes("财务负责人："))).toBe(true);
  const totals = workbook.worksheets[1]!;
  const last = totals.getRow(totals.rowCount);
  expect(last.getCell(1).value).toBe("合计");
  expect(last.getCell(4).value).toBe(paidCount);
  expect(fen(last.getCell(5).value)).toBe(paidFen);
  await page.context().close();
});

test("the allowance pages at 1280 and 390 px, in Chinese and English, without a sideways scroll", async ({ browser }) => {
  const admin = await as(browser, "wz-admin");
  await admin.goto("/allowances");
  await admin.getByRole("link", { name: "设置政策" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: /的津贴政策$/ })).toBeVisible();
  await expect(admin.getByTestId("policy-item")).toHaveCount(2);
  const policyUrl = admin.url();

  const doctor = await as(browser, "wz-doctor", 390);
  await doctor.goto("/service");
  await doctor.getByRole("link", { name: "我的津贴发放计划" }).click();
  await expect(doctor.getByRole("heading", { level: 1, name: "谭晓宇的发放计划" })).toBeVisible();
  await expect(doctor.getByTestId("schedule-line").first()).toContainText("已发放");
  const scheduleUrl = doctor.url();

  // One sign-in per account; each width and language is the same session resized, with the language cookie.
  const of = { finance: await as(browser, "finance"), "wz-admin": admin, "wz-doctor": doctor, "wz-receiver": await as(browser, "wz-receiver") };
  const shots: [keyof typeof of, string, string][] = [
    ["finance", "/allowances", "finance"],
    ["finance", "/allowances/totals", "totals"],
    ["wz-admin", policyUrl, "policy"],
    ["wz-admin", scheduleUrl, "schedule-staff"],
    ["wz-doctor", scheduleUrl, "schedule-doctor"],
    ["wz-receiver", "/allowances?status=paid", "receiver"],
  ];
  for (const [width, locale] of [[1280, "zh-CN"], [390, "zh-CN"], [1280, "en"], [390, "en"]] as const) {
    const tag = `${width}-${locale === "en" ? "en" : "zh"}`;
    for (const [user, path, name] of shots) {
      const page = of[user];
      await page.setViewportSize({ width, height: 900 });
      // The cookie for the whole site (a url of "/"), not only for the directory of the page last shown.
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: new URL("/", page.url()).toString() }]);
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      await saveScreenshot(page, `allowances-${name}-${tag}`);
      await noSidewaysScroll(page, width);
    }
  }
  for (const page of Object.values(of)) await page.context().close();
});
