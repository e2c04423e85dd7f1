// Issue 11 at 390 px: 谭晓宇 (wz-doctor) requests a 7-day personal leave on his phone — the form says
// it is 7 days, 5 or more, and moves his last day; 冉德华 (wz-receiver) agrees from the leave waiting
// on him; Wanzhou's bureau (wz-admin) approves, and the dispatch's last day moves 7 days later (on top
// of the 7 days of the demo's approved home leave: 14 in all).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, fillField, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };

/** A calendar day `days` from today in Shanghai, as <input type="date"> takes it. */
function shanghaiDayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function phonePage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await fillField(page.getByLabel("用户名", { exact: true }), username);
  await fillField(page.getByLabel("密码", { exact: true }), DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  // Signing in hashes the password (scrypt): slow on a loaded machine.
  await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 60_000 });
  return page;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

let leaveUrl = "";
const START = shanghaiDayFromNow(40);
const END = shanghaiDayFromNow(46);

test("the doctor requests a 7-day leave on his phone; the form says it moves the last day", async ({ browser }) => {
  const page = await phonePage(browser, "wz-doctor");
  // His notifications lead to his dispatch's leave (the demo's decisions on his earlier requests).
  await page.goto("/notifications");
  const href = await page.locator('a[href^="/dispatches/"][href$="/leave"]').first().getAttribute("href");
  expect(href).toMatch(/^\/dispatches\/[^/]+\/leave$/);
  leaveUrl = href!;
  await page.goto(leaveUrl);
  await expect(page.getByRole("heading", { name: "谭晓宇的请假" })).toBeVisible();
  await expect(page.getByText("已顺延7天")).toBeVisible();
  await noHorizontalScroll(page);

  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.getByLabel("请假类别").selectOption("PERSONAL");
  await fillField(page.getByLabel("开始日期"), START);
  await fillField(page.getByLabel("结束日期"), END);
  await expect(page.getByTestId("leave-days")).toHaveText("共7天（含首尾两天）");
  await expect(page.getByText(/达到5天以上（含5天）.*服务期限顺延7天/)).toBeVisible();
  await fillField(page.getByLabel("请假事由"), "陪同家人赴外地就医，往返及诊疗共七天。");
  await saveScreenshot(page, "leave-file-390");
  await page.getByRole("button", { name: "提交请假申请" }).click();
  await expect(page.getByText("请假申请已提交，等待接收单位审批。")).toBeVisible();
  const item = page.getByTestId("leave-item").filter({ hasText: "陪同家人赴外地就医" });
  await expect(item.getByText("待接收单位审批")).toBeVisible();
  await expect(item.getByText("顺延服务期限")).toBeVisible();
  await page.context().close();
});

test("the receiving supervisor agrees from the leave waiting on him: it goes to the bureau", async ({ browser }) => {
  const page = await phonePage(browser, "wz-receiver");
  await page.goto("/leave");
  const queued = page.getByTestId("queue-item").filter({ hasText: "事假 · 7天" });
  await expect(queued).toBeVisible();
  await noHorizontalScroll(page);
  await saveScreenshot(page, "leave-queue-supervisor-390");
  await queued.getByRole("link", { name: "查看并审批" }).click();
  await expect(page).toHaveURL(leaveUrl);
  const item = page.getByTestId("leave-item").filter({ hasText: "陪同家人赴外地就医" });
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await item.getByRole("button", { name: "同意", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("达到5天以上，同意后将报卫健局审批");
  await dialog.getByRole("button", { name: "同意", exact: true }).click();
  await expect(item.getByText("待卫健局审批")).toBeVisible();
  await page.context().close();
});

test("the bureau approves: the last day moves 7 days later", async ({ browser }) => {
  const page = await phonePage(browser, "wz-admin");
  await page.goto("/leave");
  const queued = page.getByTestId("queue-item").filter({ hasText: "谭晓宇 · 事假 · 7天" });
  await queued.getByRole("link", { name: "查看并审批" }).click();
  const lastDayBefore = await page.getByTestId("clock-last-day").textContent();
  const item = page.getByTestId("leave-item").filter({ hasText: "陪同家人赴外地就医" });
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await item.getByRole("button", { name: "同意", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`谭晓宇的服务截止日由${lastDayBefore}顺延至`);
  await dialog.getByRole("button", { name: "同意", exact: true }).click();
  await expect(item.getByText("已批准")).toBeVisible();
  await expect(page.getByText("已顺延14天")).toBeVisible();
  await expect(page.getByTestId("clock-last-day")).not.toHaveText(lastDayBefore!);
  await noHorizontalScroll(page);
  await saveScreenshot(page, "leave-approved-bureau-390");
  await page.context().close();
});
