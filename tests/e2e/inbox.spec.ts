// The to-do inbox on the landing page (issue 16): bureau staff see what waits on them, counted, and
// follow an item to the list it stands for; a receiving supervisor follows his logs to confirm and
// returns one; the doctor then finds that returned log in his own inbox and follows it to his logs.
// Screenshots at 1280 and 390 px (tests/e2e/screenshots/inbox-*.png).
import { expect, type Page } from "@playwright/test";
import { test } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

test("staff open the inbox and follow the applications waiting at the physical exam to their list", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "staff");
  await page.goto("/");
  const inbox = page.getByRole("list", { name: "待办" });
  await expect(inbox).toBeVisible();
  const exam = inbox.getByRole("link", { name: "体检待审：2 项" });
  await expect(exam).toBeVisible();
  await expect(inbox.getByRole("link", { name: "考察待审：1 项" })).toBeVisible();
  await saveScreenshot(page, "inbox-staff-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalScroll(page);
  await saveScreenshot(page, "inbox-staff-390");

  await exam.click();
  await expect(page).toHaveURL(/\/applications\?status=IN_PROGRESS&stage=PHYSICAL_EXAM$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the receiving supervisor follows his logs to confirm and returns one; the doctor finds it in his own inbox", async ({ browser }) => {
  const receiverContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const receiver = await receiverContext.newPage();
  await login(receiver, "wz-receiver");
  await receiver.goto("/");
  const logs = receiver.getByRole("list", { name: "待办" }).getByRole("link", { name: "工作日志待确认：2 项" });
  await expect(logs).toBeVisible();
  await logs.click();
  await expect(receiver).toHaveURL(/\/worklogs$/);
  const row = receiver.getByTestId("queue-row").filter({ hasText: "谭晓宇" });
  await receiver.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await row.getByRole("button", { name: "退回", exact: true }).click();
  await row.getByLabel("退回意见").fill("诊疗人次与门诊日志不符，请核对。");
  await row.getByRole("button", { name: "退回给医生" }).click();
  await expect(row).toHaveCount(0);
  await receiver.goto("/");
  await expect(receiver.getByRole("list", { name: "待办" }).getByRole("link", { name: "工作日志待确认：1 项" })).toBeVisible();
  await receiverContext.close();

  const doctorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const doctor = await doctorContext.newPage();
  await login(doctor, "wz-doctor");
  await doctor.goto("/");
  const inbox = doctor.getByRole("list", { name: "待办" });
  const returned = inbox.getByRole("link", { name: "退回的工作日志待修改后重新提交：1 项" });
  await expect(returned).toBeVisible();
  // Only his own: nothing of the supervisor's or the bureau's work.
  await expect(inbox.getByRole("link")).toHaveCount(1);
  await noHorizontalScroll(doctor);
  await saveScreenshot(doctor, "inbox-doctor-390");
  await doctor.setViewportSize({ width: 1280, height: 900 });
  await saveScreenshot(doctor, "inbox-doctor-1280");
  await returned.click();
  await expect(doctor).toHaveURL(/\/dispatches\/\w+\/logs$/);
  await expect(doctor.getByText("诊疗人次与门诊日志不符，请核对。").first()).toBeVisible();
  await doctorContext.close();
});
