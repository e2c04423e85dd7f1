// Every main page fits a 390 px phone: for each demo role, every item of its menu (and the nested
// pages the issue found too wide: the vetting board, a programme, the doctor's home) is visited at
// 390 px and the document may not scroll sideways (a wide table scrolls inside its own frame). The
// menu itself is opened from its button and must list every item of the role.
import { expect, test, type Page } from "@playwright/test";
import { navFor } from "../../lib/navigation";
import type { Role } from "../../lib/generated/prisma/enums";
import { fillField, saveScreenshot } from "./support/login";
import { DEMO_PASSWORD } from "../../prisma/seed";

const ROLES: { username: string; role: Role }[] = [
  { username: "admin", role: "BUREAU_ADMIN" },
  { username: "staff", role: "BUREAU_STAFF" },
  { username: "nominator", role: "HOSPITAL_NOMINATOR" },
  { username: "receiver", role: "RECEIVING_SUPERVISOR" },
  { username: "doctor", role: "DOCTOR" },
  { username: "auditor", role: "AUDITOR" },
  { username: "finance", role: "FINANCE_OFFICER" },
];

/** Signs in, waiting as long as a loaded machine needs (the password hash is slow on purpose). */
async function login(page: Page, username: string): Promise<void> {
  await page.goto("/login");
  await fillField(page.getByLabel("用户名", { exact: true }), username);
  await fillField(page.getByLabel("密码", { exact: true }), DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 60_000 });
}

async function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The widest elements that stick out, to say which one breaks the page when the test fails.
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      // An absolutely placed element (e.g. an sr-only label) whose containing block lies outside a
      // scrolling frame escapes the frame: name those first, they are the usual cause.
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .sort((a, b) => Number(getComputedStyle(b).position === "absolute") - Number(getComputedStyle(a).position === "absolute"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

async function expectFits(page: Page, path: string): Promise<void> {
  const { scrollWidth, width, culprits } = await overflow(page);
  expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${width} px screen: ${culprits.join("; ")}`).toBeLessThanOrEqual(width);
}

test.use({ viewport: { width: 390, height: 844 } });

for (const { username, role } of ROLES) {
  test(`${username}: every page of the menu fits 390 px, and the menu lists every item`, async ({ page }) => {
    test.setTimeout(240_000);
    await login(page, username);
    const items = navFor(role);

    // The menu: a button opens it, it lists every item of the role, Escape closes it.
    const menuButton = page.getByRole("button", { name: "打开菜单" });
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await menuButton.click();
    const menu = page.getByRole("dialog", { name: "主导航" });
    await expect(menu.getByRole("link")).toHaveCount(items.length);
    await saveScreenshot(page, `phone-menu-${username}`);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");

    const paths = [...new Set(items.map((i) => i.href))];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await expectFits(page, path);
      await saveScreenshot(page, `phone-${username}${path.replaceAll("/", "-")}`);
    }

    // A programme and, for those who may see it, its vetting board (929 px wide before).
    await page.goto("/programs");
    const programLink = page.locator("main a[href^='/programs/']").first();
    if (await programLink.count()) {
      const href = (await programLink.getAttribute("href"))!;
      const programPath = href.split("?")[0]!;
      const nested = [programPath];
      if (["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"].includes(role)) nested.push(`${programPath}/vetting`, `${programPath}/rules`);
      for (const path of nested) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await expectFits(page, path);
        await saveScreenshot(page, `phone-${username}${path.replaceAll("/", "-")}`);
      }
    }
  });
}
