// The public notice (公示) of the demo's 援疆 round (prisma/seed/round-notice.ts): the bureau's staff
// read the notice with the answered objection and the confirmed list's version and SHA-256, and the
// dispatch page says names come from the confirmed list; the doctor who objected reads the notice on
// a phone with ID numbers masked, the window closed, and the bureau's answer. 1280 and 390 px, in
// Chinese and English, without a sideways scroll.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

const PROGRAM = "绍兴市第八批援疆医生选派";

async function as(browser: Browser, username: string, width: number, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await login(page, username);
  if (locale === "en") await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  return page;
}

async function openNotice(page: Page): Promise<string> {
  await page.goto("/programs");
  await page.getByRole("link", { name: PROGRAM }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PROGRAM);
  await page.getByRole("link", { name: "公示", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("拟选派人员公示");
  return page.url();
}

const noSidewaysScroll = async (page: Page, width: number) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

test("staff see the notice, the answered objection and the confirmed list's hash; the doctor reads it on a phone", async ({ browser }) => {
  const staff = await as(browser, "staff", 1280);
  const url = await openNotice(staff);
  const sheet = staff.getByRole("region", { name: /关于.*拟选派人员的公示/ });
  await expect(sheet.getByRole("cell", { name: "楼志刚" })).toBeVisible();
  await expect(sheet.getByText("公示期：2013-12-23至2013-12-27（5个工作日）", { exact: false })).toBeVisible();
  await expect(staff.getByText("公示期已结束").first()).toBeVisible();
  await expect(staff.getByText("已答复").first()).toBeVisible();
  await expect(staff.getByText("异议不成立", { exact: false })).toBeVisible();
  const current = staff.getByRole("article", { name: "第1版" });
  await expect(current.getByText("当前版本")).toBeVisible();
  await expect(current.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await expect(staff.getByRole("link", { name: "导出公示文本" })).toBeVisible();
  await saveScreenshot(staff, "notice-staff-1280-zh");
  await noSidewaysScroll(staff, 1280);
  await staff.getByRole("link", { name: /派驻（来自已确认名单）/ }).click();
  await expect(staff.getByText("名单须经公示并确认后才能派驻", { exact: false })).toBeVisible();
  await saveScreenshot(staff, "notice-dispatch-page-1280-zh");
  await staff.context().close();

  const doctor = await as(browser, "doctor", 390);
  await doctor.goto(url);
  await expect(doctor.getByRole("heading", { level: 1 })).toContainText("拟选派人员公示");
  await expect(doctor.getByText(/\*{4,}/).first()).toBeVisible();
  await expect(doctor.getByText("公示期已于2013-12-27结束，不再受理异议。")).toBeVisible();
  await expect(doctor.getByRole("heading", { name: "我提出的异议" })).toBeVisible();
  await expect(doctor.getByText("异议不成立", { exact: false })).toBeVisible();
  await expect(doctor.getByText("第1版")).toHaveCount(0);
  await saveScreenshot(doctor, "notice-doctor-390-zh");
  await noSidewaysScroll(doctor, 390);
  await doctor.context().close();

  for (const [width, locale] of [[390, "zh-CN"], [1280, "en"], [390, "en"]] as const) {
    const page = await as(browser, "staff", width, locale);
    await page.goto(url);
    await saveScreenshot(page, `notice-staff-${width}-${locale === "en" ? "en" : "zh"}`);
    await noSidewaysScroll(page, width);
    await page.context().close();
  }
});
