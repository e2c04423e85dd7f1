// Issue 15, "the auditor must be able to read the audit log": the demo auditor opens the log and reads
// each entry as a sentence in words (who did what to whom), with no action codes (auth.login) or
// stored values (IN_PROGRESS) on the page — ids only as the grey secondary detail; each entry says
// what changed in one line, and its sentence opens its own page listing every field by its label with
// its value in words; the entry of the auditor's own sign-in carries
// the client's address; the Excel export's 变更后 column is words, not JSON. At 1280 and 390 px.
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, fillField, saveScreenshot } from "./support/login";

/** An action code (auth.login, application.decide) or a stored enum value (IN_PROGRESS, PRELIMINARY_REVIEW). */
const RAW_CODE = /\b[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*\b|\b[A-Z]{2,}(?:_[A-Z]+)+\b|\b(?:PASS|FAIL|WITHDRAW|DRAFT|OPEN|SUBMITTED)\b/;
/** A database id (cuid). */
const RAW_ID = /\bc[a-z0-9]{20,}\b/;
const DECISION_SENTENCE = /沈佳怡 将 \S+（[^）]+·第\d批）在「[^」]+」阶段标为\S+/;

/**
 * The text a reader sees in the page's main area: every visible text node, except the grey secondary
 * details (font-mono: a record's id, a value as stored), which are allowed to be raw.
 */
async function wordsOnPage(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest(".font-mono, script, style")) continue;
      if (!parent.checkVisibility()) continue;
      texts.push(text);
    }
    return texts;
  });
}

async function expectNoRawCodes(page: Page) {
  const texts = await wordsOnPage(page);
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((t) => RAW_CODE.test(t) || RAW_ID.test(t))).toEqual([]);
}

async function expectNoPageScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
}

/**
 * Opens the first visible entry of the list on its own page (its sentence is the link) and returns the
 * rows of the entry's table: label, before and after in words (secondary raw values left out).
 */
async function openFirstEntry(page: Page) {
  const link = page.locator("main table tbody tr td a:visible").first();
  await link.click();
  await expect(page).toHaveURL(/\/admin\/audit\/\d+/);
  const table = page.locator("main table").last();
  await expect(table).toBeVisible();
  return table.evaluate((t) =>
    [...t.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.children].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".font-mono, .sr-only").forEach((e) => e.remove());
        return copy.textContent?.trim() ?? "";
      }),
    ),
  );
}

test("the auditor reads the audit log in words, opens an entry's details and exports it in words", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Signing in hashes at bcrypt's cost on a busy machine: give it longer than the default 10 s.
  await page.goto("/login");
  await fillField(page.getByLabel("用户名", { exact: true }), "auditor");
  await fillField(page.getByLabel("密码", { exact: true }), DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 60_000 });
  await page.getByRole("link", { name: "审计日志" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("审计日志");

  // Newest first: the auditor's own sign-in, in words, with the client's address.
  const ownLogin = page.locator("main table tbody tr").filter({ hasText: "钱国平" }).filter({ hasText: "登录成功" }).first();
  await expect(ownLogin).toBeVisible();
  await expect(ownLogin).toContainText(/127\.0\.0\.1|::1/);
  await expect(ownLogin).not.toContainText("未记录");
  await expectNoRawCodes(page);
  await saveScreenshot(page, "audit-words-1280-all");

  // The vetting decisions of the demo round: who marked whom, at which stage, as what.
  await page.goto("/admin/audit?action=application.decide");
  await expect(page.locator("main").getByText(DECISION_SENTENCE).filter({ visible: true }).first()).toBeVisible();
  await expectNoRawCodes(page);
  // Each entry's change in one line of words; the whole before/after on the entry's own page.
  await expect(page.locator("main table tbody tr").first()).toContainText(/变更 \d+ 项：\S+/);
  const rows = await openFirstEntry(page);
  const labels = rows.map((r) => r[0]!);
  expect(labels).toEqual(expect.arrayContaining(["医生", "岗位", "状态", "当前阶段"]));
  expect(labels.filter((l) => /^[a-z]+[A-Z]|^[a-z]+$/.test(l)), "labels in words, not field names").toEqual([]);
  const values = rows.flatMap((r) => r.slice(1)).filter((v) => v && v !== "（空）");
  expect(values.length).toBeGreaterThan(3);
  expect(values.filter((v) => RAW_CODE.test(v) || RAW_ID.test(v)), "values in words").toEqual([]);
  expect(values.some((v) => /[\u4e00-\u9fff]/.test(v))).toBe(true);
  await expectNoRawCodes(page);
  await saveScreenshot(page, "audit-words-1280-details");
  // Back to the same filtered list.
  await page.getByRole("link", { name: "返回审计日志" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?action=application\.decide$/);

  // The export of the same filter: the 变更后 column holds words (当前阶段：体检), never JSON.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0]!;
  // The header row (a title row may come first).
  let headerRow = 1;
  for (let n = 1; n <= 5; n++) if ((sheet.getRow(n).values as unknown[]).some((v) => v === "变更后")) headerRow = n;
  const header = (sheet.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ""));
  const afterColumn = header.indexOf("变更后");
  const summaryColumn = header.indexOf("经过");
  expect(afterColumn, `header: ${header.join(" | ")}`).toBeGreaterThan(0);
  expect(summaryColumn).toBeGreaterThan(0);
  const afters: string[] = [];
  const summaries: string[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    afters.push(String(row.getCell(afterColumn).value ?? ""));
    summaries.push(String(row.getCell(summaryColumn).value ?? ""));
  });
  expect(afters.length).toBeGreaterThan(3);
  expect(afters.filter((v) => /^[{[]|"\w+":/.test(v)), "变更后 is not JSON").toEqual([]);
  expect(afters.some((v) => /当前阶段：\S+/.test(v))).toBe(true);
  expect(afters.filter((v) => /\b[A-Z]{2,}(?:_[A-Z]+)+\b/.test(v)), "变更后 has no stored codes").toEqual([]);
  expect(summaries.some((s) => DECISION_SENTENCE.test(s))).toBe(true);

  // A phone: one card per entry, no horizontal page scroll, the details open inside the card.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/audit?action=application.decide");
  await expect(page.locator("main").getByText(DECISION_SENTENCE).filter({ visible: true }).first()).toBeVisible();
  await expectNoPageScroll(page, 390);
  await expectNoRawCodes(page);
  await saveScreenshot(page, "audit-words-390-list");
  const phoneRows = await openFirstEntry(page);
  expect(phoneRows.map((r) => r[0])).toEqual(expect.arrayContaining(["医生", "当前阶段"]));
  await expectNoPageScroll(page, 390);
  await saveScreenshot(page, "audit-words-390-details");
  await page.goto("/admin/audit");
  await expect(page.locator("main table tbody tr").filter({ hasText: "登录成功" }).first()).toContainText(/127\.0\.0\.1|::1/);
  await expectNoPageScroll(page, 390);
});
