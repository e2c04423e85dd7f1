// Issue 14: a mentee without an account scores through a single-use link on a phone (390 px), and
// the end-of-service form (服务期满评价表) prints as an A4 PDF rendered on the server, turned into a PNG
// here (pdftoppm) so it can be looked at. The demo's six-party 2014 assessment of the 援疆 programme
// gives the link's doctor; the Wanzhou bureau's form for 谭晓宇 (in progress) gives the PDF.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { fillField, login, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

test("staff make a rater link; a mentee scores by it on a phone, once", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await login(page, "staff");
  await page.goto("/evaluations");
  await page.getByRole("row").filter({ hasText: "2014" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /2014/ })).toBeVisible();
  await page.getByRole("link", { name: /^评分链接/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^评分链接：/ })).toBeVisible();
  // The demo's link is listed, open; its token is not shown again.
  await expect(page.getByTestId("rater-link-row").filter({ hasText: "艾力" })).toContainText("可使用");
  await page.getByLabel("评分方").selectOption("MENTORED_STAFF");
  await fillField(page.getByLabel("评分人"), "古丽（受援医生）");
  await page.getByRole("button", { name: "生成评分链接" }).click();
  const url = (await page.getByTestId("rater-link-url").textContent())!.trim();
  expect(url).toMatch(/\/rate\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("rater-link-qr").locator("svg")).toBeVisible();
  await saveScreenshot(page, "rater-link-created-1280");

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true });
  const mentee = await phone.newPage();
  await mentee.goto(new URL(url).pathname);
  await expect(mentee.getByRole("heading", { level: 1, name: "年度考核评分" })).toBeVisible();
  await expect(mentee.getByText(/古丽（受援医生），您好/)).toBeVisible();
  await mentee.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const inputs = mentee.getByRole("textbox", { name: /得分（0–/ });
  await expect(inputs).toHaveCount(5);
  // Out of range first: refused at its aspect.
  await inputs.nth(0).fill("31");
  await expect(mentee.getByText("得分须在 0 至该项满分之间。")).toBeVisible();
  for (const [i, v] of ["26", "21", "12.5", "13", "14"].entries()) await inputs.nth(i).fill(v);
  await expect(mentee.getByTestId("party-sum")).toContainText("86.5");
  expect(await mentee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(mentee, "rater-link-form-390");
  await mentee.getByRole("button", { name: "提交评分" }).click();
  await mentee.getByRole("alertdialog").getByRole("button", { name: "提交评分" }).click();
  await expect(mentee.getByText("评分已提交，感谢您的参与！本链接已失效。")).toBeVisible();
  await saveScreenshot(mentee, "rater-link-done-390");
  // Used: refused in words when opened again.
  await mentee.reload();
  await expect(mentee.getByText("该评分链接已经使用过，评分已提交，每个链接只能使用一次。")).toBeVisible();
  expect(await mentee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(mentee, "rater-link-used-390");
  await page.reload();
  await expect(page.getByTestId("rater-link-row").filter({ hasText: "古丽" })).toContainText("已使用");
  await phone.close();
  await context.close();
});

test("the end-of-service form prints as an A4 PDF with Chinese text", async ({ browser }) => {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await login(page, "wz-admin");
    await page.goto("/evaluations/service");
    await page.getByRole("link", { name: "查看 谭晓宇" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "下沉基层服务经历评价表：谭晓宇" })).toBeVisible();
    await expect(page.getByText("填写中")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await saveScreenshot(page, `service-evaluation-${width}`);
    if (width === 1280) {
      const href = (await page.getByTestId("service-pdf").getAttribute("href"))!;
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      const pdf = await response.body();
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      writeFileSync(`${SCREENSHOTS}service-evaluation.pdf`, pdf);
      execFileSync("pdftoppm", ["-png", "-r", "80", "-singlefile", `${SCREENSHOTS}service-evaluation.pdf`, `${SCREENSHOTS}service-evaluation-pdf`]);
      const fonts = execFileSync("pdffonts", [`${SCREENSHOTS}service-evaluation.pdf`]).toString();
      expect(fonts).toContain("NotoSansSC");
    }
    await context.close();
  }
});
