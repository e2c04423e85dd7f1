// The lists' tools (issue 15) as a bureau officer uses them: a sortable column header (server-side,
// aria-sort), the page size, a breadcrumb back from a nested page, and the screening list downloaded
// as Excel and read back in words; at 1280 and 390 px, with no sideways page scroll on the phone.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

const PROGRAM = "绍兴市第八批援疆医生选派";

async function expectFits(page: Page, what: string): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  expect(scrollWidth, `${what} is ${scrollWidth} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}

test("a bureau officer sorts the doctors, changes the page size, goes back by a breadcrumb and exports the screening list", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "staff");

  // Sort the doctors by birth date: the header says so (aria-sort), a second click turns it round.
  await page.goto("/doctors");
  const table = page.getByRole("table");
  const birthHeader = table.getByRole("columnheader", { name: "出生日期" });
  await expect(birthHeader).toHaveAttribute("aria-sort", "none");
  await birthHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=birthDate&dir=asc/);
  await expect(table.getByRole("columnheader", { name: "出生日期" })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: "姓名" })).toHaveAttribute("aria-sort", "none");
  await table.getByRole("columnheader", { name: "出生日期" }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=birthDate&dir=desc/);
  await expect(table.getByRole("columnheader", { name: "出生日期" })).toHaveAttribute("aria-sort", "descending");

  // 50 a page, the order kept.
  const pager = page.getByRole("navigation", { name: "分页" });
  await pager.getByLabel("每页").selectOption("50");
  await pager.getByRole("button", { name: "前往" }).click();
  await expect(page).toHaveURL(/size=50/);
  await expect(page).toHaveURL(/sort=birthDate/);
  await expect(table.locator("tbody tr")).toHaveCount(50);
  await saveScreenshot(page, "list-tools-doctors-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, "the sorted doctor list");
  await saveScreenshot(page, "list-tools-doctors-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The screening list of a post, opened from the programme; the breadcrumb leads back.
  await page.goto("/programs");
  await page.getByRole("link", { name: PROGRAM }).first().click();
  await expect(page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "项目管理" })).toBeVisible();
  const programUrl = page.url();
  await page.goto(`${new URL(programUrl).pathname}/posts`);
  await page.locator("tr", { hasText: "眼科医生" }).first().getByRole("link", { name: "资格筛查" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("眼科医生");
  const main = page.getByRole("main");
  await main.getByRole("link", { name: /^不符合（\d+）/ }).click();
  await expect(main.getByRole("link", { name: /^不符合（\d+）/ })).toHaveAttribute("aria-current", "page");

  // The download: the rows of the tab shown, in words.
  const shownNames = await main.getByRole("table").locator("tbody tr td:first-child").allInnerTexts();
  const [download] = await Promise.all([page.waitForEvent("download"), main.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/资格筛查.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(["姓名", "单位", "专业", "职称", "结果", "原因"]);
  expect(sheet.getRow(2).getCell(1).value).toBe(shownNames[0]!.trim());
  expect(sheet.getRow(2).getCell(5).value).toBe("不符合");
  await saveScreenshot(page, "list-tools-screening-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, "the screening list");
  await saveScreenshot(page, "list-tools-screening-390");

  // Back to the programme by its crumb.
  await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: PROGRAM }).click();
  await expect(page).toHaveURL(programUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PROGRAM);
  await expectFits(page, "the programme page");
  await saveScreenshot(page, "list-tools-program-390");
});
