// Issue 16, one timeline per doctor: 谭晓宇 (wz-doctor) opens 我的履历 on his phone — his nomination,
// dispatch, leave, logs and allowances by year, oldest first — filters it to the allowances paid and
// follows an entry to its record; Wanzhou's bureau (wz-admin) opens the same timeline from the
// doctor's page in the registry, in English too.
import { expect, test } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

test.setTimeout(240_000);

async function noHorizontalScroll(page: import("@playwright/test").Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the doctor reads his own timeline on his phone, filters it and opens a record", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await login(page, "wz-doctor");
  await page.goto("/timeline");
  await expect(page.getByRole("heading", { name: "我的履历", level: 1 })).toBeVisible();
  const entries = page.locator("main ol > li");
  await expect(entries.first()).toBeVisible();
  await expect(page.getByText(/本人报名|推荐报名/).first()).toBeVisible();
  await expect(page.getByText(/登记到岗|创建派驻/).first()).toBeVisible();
  await expect(page.getByText(/已确认工作日志 \d+ 篇/).first()).toBeVisible();
  await noHorizontalScroll(page);
  await saveScreenshot(page, "timeline-doctor-390");

  await page.getByRole("link", { name: "补助发放", exact: true }).click();
  await expect(page).toHaveURL(/\/timeline\?kind=payment$/);
  const payments = page.locator("main ol > li");
  await expect(payments.first()).toContainText(/发放补助 \d+ 笔，合计 ¥/);
  expect(await page.locator("main ol > li").filter({ hasNotText: "补助发放" }).count()).toBe(0);
  await payments.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/dispatches\/[^/]+\/allowances$/);
  await context.close();
});

test("the bureau opens a doctor's timeline from the registry, in Chinese and in English", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await login(page, "wz-admin");
  await page.goto("/doctors?q=谭晓宇");
  await page.getByRole("link", { name: "谭晓宇" }).first().click();
  await page.getByRole("link", { name: "履历时间线" }).click();
  await expect(page.getByRole("heading", { name: "谭晓宇的履历时间线" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "谭晓宇" })).toBeVisible();
  await expect(page.getByText(/\d{4}年\d{1,2}月/).first()).toBeVisible();
  await saveScreenshot(page, "timeline-bureau-1280");

  // The shell's language switch (the account keeps the choice).
  await page.getByRole("button", { name: "切换为 English" }).click();
  await expect(page.getByRole("heading", { name: "Timeline of 谭晓宇" })).toBeVisible();
  await expect(page.getByText(/confirmed work logs?:/).first()).toBeVisible();
  await saveScreenshot(page, "timeline-bureau-1280-en");
  // Back to Chinese: the account keeps the language, and the later journeys sign in as wz-admin.
  await page.getByRole("button", { name: "Switch to 中文" }).click();
  await expect(page.getByRole("heading", { name: "谭晓宇的履历时间线" })).toBeVisible();
  await context.close();
});
