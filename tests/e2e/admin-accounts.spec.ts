// Issue 3's journey: an administrator creates a hospital and a nominator account; the nominator
// signs in, must change the password, and sees only its own hospital; the auditor finds both
// actions in the audit log; the language switches to English and back.
import { expect, test, type Page } from "@playwright/test";
import { fillField, login, saveScreenshot, signIn } from "./support/login";

const HOSPITAL = "绍兴市越城区第二人民医院";
const USERNAME = "yc2-hr";
const NEW_PASSWORD = "Yuecheng#2026hr";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("admin creates a hospital and its nominator; the nominator changes the password and sees only its own hospital; the auditor sees it all", async ({ page }) => {
  // 1. The bureau administrator creates the hospital under the 越城区 bureau.
  await login(page, "admin");
  await saveScreenshot(page, "landing-bureau-admin");
  await page.getByRole("link", { name: "机构管理" }).click();
  await page.getByRole("link", { name: "新建机构" }).click();
  // The list's own search box is labelled 按名称、编码或地区搜索: wait for the form, and match its label exactly.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("新建机构");
  await fillField(page.getByLabel("名称", { exact: true }), HOSPITAL);
  await page.getByLabel("类型").selectOption("HOSPITAL");
  await page.getByLabel("级别").selectOption("COUNTY");
  await page.getByLabel("医院等级").selectOption("GRADE_2A");
  await fillField(page.getByLabel("地区"), "浙江省绍兴市越城区");
  const parent = page.getByLabel("上级机构");
  const yuecheng = await parent.locator("option", { hasText: "越城区卫生健康局" }).getAttribute("value");
  await parent.selectOption(yuecheng!);
  await page.getByRole("button", { name: "创建机构" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSPITAL);

  // 2. …and a nominator account for it; the initial password is shown once.
  await page.getByRole("link", { name: "账号管理" }).click();
  await page.getByRole("link", { name: "新建账号" }).click();
  await fillField(page.getByLabel("用户名"), USERNAME);
  await fillField(page.getByLabel("姓名"), "赵晓梅");
  await page.getByLabel("角色").selectOption("HOSPITAL_NOMINATOR");
  const organization = page.getByLabel("所属单位");
  const hospitalId = await organization.locator("option", { hasText: HOSPITAL }).getAttribute("value");
  await organization.selectOption(hospitalId!);
  await page.getByRole("button", { name: "创建账号" }).click();
  const initialPassword = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(initialPassword.length).toBeGreaterThanOrEqual(10);
  await saveScreenshot(page, "admin-account-created");
  await signOut(page);

  // 3. The nominator signs in and is made to change the password before anything else.
  await signIn(page, USERNAME, initialPassword);
  await expect(page).toHaveURL(/\/account\/password/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/account\/password/);
  await fillField(page.getByLabel("当前密码"), initialPassword);
  await fillField(page.getByLabel("新密码", { exact: true }), "woaini1314");
  await fillField(page.getByLabel("再次输入新密码"), "woaini1314");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText(/常见密码/).first()).toBeVisible();
  await fillField(page.getByLabel("新密码", { exact: true }), NEW_PASSWORD);
  await fillField(page.getByLabel("再次输入新密码"), NEW_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("工作台");

  // 4. It sees its own hospital only: no doctors yet, and no administration pages.
  await expect(page.getByText(HOSPITAL).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "机构管理" })).toHaveCount(0);
  const doctorsStat = page.locator("dl > div", { hasText: "在册医生" });
  await expect(doctorsStat.locator("dd").first()).toHaveText("0");
  const forbidden = await page.goto("/admin/organizations");
  expect(forbidden?.status()).toBe(403);
  await page.goto("/");
  await saveScreenshot(page, "landing-new-nominator");
  await signOut(page);

  // 5. The auditor finds both creations in the audit log.
  await signIn(page, "auditor");
  await saveScreenshot(page, "landing-auditor");
  await page.getByRole("link", { name: "审计日志" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("审计日志");
  const log = page.getByRole("table");
  await expect(log.getByText("创建单位").first()).toBeVisible();
  await expect(log.getByText("创建账户").first()).toBeVisible();
  await expect(log.getByText("修改密码").first()).toBeVisible();
  await saveScreenshot(page, "auditor-audit-log");

  // 6. English, and back to Chinese: the choice is kept on the account.
  await page.getByRole("button", { name: "切换为 English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Audit");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dashboard");
  await saveScreenshot(page, "landing-auditor-english");
  await page.getByRole("button", { name: "Switch to 中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("工作台");
});

test("every role lands on its own work", async ({ page }) => {
  for (const username of ["staff", "nominator", "receiver", "doctor"]) {
    await login(page, username);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("工作台");
    await saveScreenshot(page, `landing-${username}`);
    await signOut(page);
  }
});

test("the shell works at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "admin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("工作台");
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await saveScreenshot(page, "landing-bureau-admin-phone");
  // On a phone the menu is a drawer behind its button.
  await page.getByRole("button", { name: "打开菜单" }).click();
  const menu = page.getByRole("dialog", { name: "主导航" });
  await expect(menu.getByRole("link", { name: "审计日志" })).toBeVisible();
  await menu.getByRole("link", { name: "机构管理" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("机构管理");
  await saveScreenshot(page, "organizations-phone");
});
