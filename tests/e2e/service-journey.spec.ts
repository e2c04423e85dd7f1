// Issue 11's service journey at 390 px, beside tests/e2e/leave.spec.ts (which files the 7-day leave,
// has the supervisor and the bureau approve it and sees the last day move): 谭晓宇 (wz-doctor) files
// this week's log on his phone; 冉德华 (wz-receiver) confirms it; the bureau (wz-admin) sees 秦露's
// ten uncovered days after 陈春燕 flagged on the dispatch board and the timeline; 蒋波's predecessor's
// hand-over is readable by 龙驹's unit. Then the service pages at 1280 and 390 px in both languages,
// as screenshots to look at, each checked for horizontal page scroll.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, fillField, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function signedIn(browser: Browser, username: string, viewport = PHONE, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await fillField(page.getByLabel(/^(用户名|User name)$/), username);
  await fillField(page.getByLabel(/^(密码|Password)$/), DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 60_000 });
  // The language the pages are shown in: the cookie the locale switch sets.
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
  return page;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

test("the doctor files this week's log on his phone from his workspace", async ({ browser }) => {
  const page = await signedIn(browser, "wz-doctor");
  await page.goto("/service");
  await expect(page.getByRole("heading", { name: "我的派驻" })).toBeVisible();
  await expect(page.getByText("已服务")).toBeVisible();
  const week = page.locator("#this-week");
  await fillField(week.getByLabel("诊疗人次"), "86");
  await fillField(week.getByLabel("手术台次"), "3");
  await fillField(week.getByLabel("主持病例讨论"), "2");
  await saveScreenshot(page, "journey-log-file-390");
  await week.getByRole("button", { name: "提交", exact: true }).click();
  // Filed: the form gives way to the week's log, waiting for the receiving unit (待确认).
  await expect(page.getByText("诊疗人次 86 · 手术台次 3 · 主持病例讨论 2").first()).toBeVisible();
  await expect(page.getByText("待确认").first()).toBeVisible();
  await noHorizontalScroll(page);
  await page.context().close();
});

test("the receiving supervisor confirms it on his phone", async ({ browser }) => {
  const page = await signedIn(browser, "wz-receiver");
  await page.goto("/worklogs");
  const row = page.getByTestId("queue-row").filter({ hasText: "谭晓宇" }).filter({ hasText: "诊疗人次 86" });
  await expect(row).toBeVisible();
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await row.getByRole("button", { name: "确认", exact: true }).click();
  await expect(row).toHaveCount(0);
  await noHorizontalScroll(page);
  await saveScreenshot(page, "journey-log-confirmed-390");
  await page.context().close();
});

test("the bureau sees the successor's gap flagged on the board and the timeline", async ({ browser }) => {
  const page = await signedIn(browser, "wz-admin");
  await page.goto("/dispatches");
  await expect(page.getByText("空档 10 天").first()).toBeVisible();
  await expect(page.getByText(/陈春燕离岗后、秦露到岗前，有10天无人在岗/).first()).toBeVisible();
  await noHorizontalScroll(page);
  await saveScreenshot(page, "journey-board-gap-390");
  await page.context().close();
});

// The pages of the service area as each role opens them: 1280 and 390 px, Chinese and English.
const PAGES: { user: string; path: string; name: string }[] = [
  { user: "wz-doctor", path: "/service", name: "service" },
  { user: "wz-receiver", path: "/receiving", name: "receiving" },
  { user: "wz-admin", path: "/worklogs", name: "worklogs" },
  { user: "wz-admin", path: "/dispatches", name: "dispatches" },
  { user: "wz-admin", path: "/counterparts", name: "counterparts" },
];

for (const locale of ["zh-CN", "en"] as const) {
  for (const [width, viewport] of [
    ["1280", DESKTOP],
    ["390", PHONE],
  ] as const) {
    test(`the service pages at ${width} px in ${locale}`, async ({ browser }) => {
      const pages = new Map<string, Page>();
      for (const p of PAGES) {
        const page = pages.get(p.user) ?? (await signedIn(browser, p.user, viewport, locale));
        pages.set(p.user, page);
        await page.goto(p.path);
        await expect(page.locator("main h1").first()).toBeVisible();
        await noHorizontalScroll(page);
        await saveScreenshot(page, `service-${p.name}-${width}-${locale}`);
      }
      // The hand-over the demo filed (向成 → 蒋波), as 龙驹's unit would read it; here the bureau.
      const admin = pages.get("wz-admin")!;
      await admin.goto("/counterparts");
      const link = admin.locator('a[href^="/dispatches/"]').filter({ hasText: "向成" }).first();
      await admin.goto(`${await link.getAttribute("href")}/handover`);
      await expect(admin.getByText(locale === "en" ? "Open cases" : "未结病例")).toBeVisible();
      await noHorizontalScroll(admin);
      await saveScreenshot(admin, `service-handover-${width}-${locale}`);
      for (const page of pages.values()) await page.context().close();
    });
  }
}
