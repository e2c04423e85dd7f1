// The service lists' tools and the way back from nested pages (issue 15), as the bureau that runs the
// service uses them: the dispatch board's list view sorted by a column header (aria-sort) and shown
// 50 a page; a dispatch's leave page left by its breadcrumbs (the dispatch named by its doctor, then
// the area as the menu names it); the leave queue's sort bar; at 1280 and 390 px, no sideways page scroll.
import { expect, test, type Page } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

async function expectFits(page: Page, what: string): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
  expect(scrollWidth, `${what} is ${scrollWidth} px wide on a ${width} px screen`).toBeLessThanOrEqual(width);
}

test("the bureau sorts the dispatch list, changes its page size and follows breadcrumbs back from a dispatch's leave", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await login(page, "wz-admin");

  // The board as a list, sorted by doctor: the header says so; a second click turns it round.
  await page.goto("/dispatches");
  await page.getByRole("navigation", { name: "分组方式" }).getByRole("link", { name: "列表" }).click();
  await expect(page).toHaveURL(/by=list/);
  const table = page.getByRole("table", { name: "派驻列表" });
  const doctorHeader = table.getByRole("columnheader", { name: "医生" });
  await expect(doctorHeader).toHaveAttribute("aria-sort", "none");
  await expect(table.getByRole("columnheader", { name: "到岗日" })).toHaveAttribute("aria-sort", "descending");
  await doctorHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=doctor&dir=asc/);
  await expect(table.getByRole("columnheader", { name: "医生" })).toHaveAttribute("aria-sort", "ascending");
  const names = await table.locator("tbody tr td:first-child").allInnerTexts();
  expect(names.length).toBeGreaterThan(1);

  // 50 a page, the order and the view kept.
  const pager = page.getByRole("navigation", { name: "分页" });
  await pager.getByLabel("每页").selectOption("50");
  await pager.getByRole("button", { name: "前往" }).click();
  await expect(page).toHaveURL(/size=50/);
  await expect(page).toHaveURL(/sort=doctor/);
  await expect(page).toHaveURL(/by=list/);
  await expect(table.getByRole("columnheader", { name: "医生" })).toHaveAttribute("aria-sort", "ascending");
  await saveScreenshot(page, "breadcrumbs-dispatch-list-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, "the dispatch list");
  await saveScreenshot(page, "breadcrumbs-dispatch-list-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Into 谭晓宇's dispatch and its leave; back by the crumbs, named in words.
  await table.getByRole("link", { name: "谭晓宇" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("谭晓宇");
  const dispatchUrl = page.url();
  await page.goto(`${new URL(dispatchUrl).pathname}/leave`);
  const crumbs = page.getByRole("navigation", { name: "位置" });
  await expect(crumbs.getByRole("link", { name: "派驻与轮换" })).toBeVisible();
  await expect(crumbs.getByText("请假", { exact: true })).toHaveAttribute("aria-current", "page");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFits(page, "a dispatch's leave page");
  await saveScreenshot(page, "breadcrumbs-dispatch-leave-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await saveScreenshot(page, "breadcrumbs-dispatch-leave-1280");
  await crumbs.getByRole("link", { name: "谭晓宇的派驻" }).click();
  await expect(page).toHaveURL(dispatchUrl);
  await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "派驻与轮换" }).click();
  await expect(page).toHaveURL(/\/dispatches$/);
});
