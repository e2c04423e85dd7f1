// Issue 14: the demo's annual assessment of the Wanzhou cohort (seed 001, eight assessed, so one 优秀
// at most: 15 % of 8 rounded down) played to the end by its three parties in the browser. 分水's
// supervisor finishes her sheet on a phone (390 px) and sees the total and band update as she types;
// the other centres' supervisors (receiving unit, 60 %) and the three hospitals' nominators
// (dispatching unit, 10 %) score their doctors; the bureau (30 %) submits its last sheet, tries to
// save the grades as the bands propose them, is refused with the names of those over the quota and
// the ranking, lowers them to 合格 and finalises. Screenshots at 1280 and 390 px, Chinese and English.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { login, saveScreenshot } from "./support/login";

test.describe.configure({ mode: "serial" });
test.setTimeout(900_000);

const FS_RECEIVER = "wz-receiver";
const OTHER_RECEIVERS = ["wz-receiver-lj", "wz-receiver-tl", "wz-receiver-wl", "wz-receiver-gn"];
const NOMINATORS = ["wz-nominator-rm", "wz-nominator-yy", "wz-nominator-zy"];
const FS_DOCTORS = ["谭晓宇", "周敏", "牟红"];

async function as(browser: Browser, username: string, width = 1280, locale: "zh-CN" | "en" = "zh-CN"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  await login(page, username);
  if (locale === "en") {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  }
  return page;
}

async function openAssessment(page: Page): Promise<string> {
  await page.goto("/evaluations");
  const link = page.getByRole("link", { name: /县聘乡用/ }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: /年度考核/ })).toBeVisible();
  return page.url();
}

/** Scores every doctor the user still has to score on the assessment's page, the same points for each aspect. */
async function scoreAll(page: Page, url: string, points: (doctor: string) => string): Promise<string[]> {
  const scored: string[] = [];
  for (;;) {
    await page.goto(url);
    const link = page.getByRole("link", { name: /^评分 / }).first();
    if ((await link.count()) === 0) break;
    const name = (await link.textContent())!.replace(/^评分\s*/, "").split(" · ")[0]!.trim();
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: `评分：${name}` })).toBeVisible();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    const inputs = page.getByRole("textbox", { name: /得分（0–/ });
    await expect(inputs).toHaveCount(5);
    for (let i = 0; i < 5; i++) await inputs.nth(i).fill(points(name));
    await page.getByRole("button", { name: "提交评分" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "提交评分" }).click();
    await expect(page.getByText("评分已提交。").or(page.getByText("本方已提交对该人员的评分："))).toBeVisible();
    scored.push(name);
  }
  return scored;
}

test("three parties score the cohort; the bureau is refused a second 优秀 with the names, then finalises", async ({ browser }) => {
  // 分水's supervisor on a phone: two sheets submitted in the demo, one draft left.
  const phone = await as(browser, FS_RECEIVER, 390);
  const url = await openAssessment(phone);
  await saveScreenshot(phone, "assessment-receiver-390-zh");
  const draftLink = phone.getByRole("link", { name: /^评分 / });
  await expect(draftLink).toHaveCount(1);
  await draftLink.click();
  await phone.locator("html[data-hydrated]").waitFor({ state: "attached" });
  const inputs = phone.getByRole("textbox", { name: /得分（0–/ });
  // The bound is shown and a wrong precision is named as one types.
  await inputs.nth(0).fill("18.55");
  await expect(phone.getByText("得分最多保留一位小数。")).toBeVisible();
  await inputs.nth(0).fill("21");
  await expect(phone.getByText("得分须在 0 至该项满分之间。")).toBeVisible();
  for (let i = 0; i < 5; i++) await inputs.nth(i).fill("19.5");
  await expect(phone.getByTestId("party-sum")).toHaveText("97.5 / 100 分");
  await expect(phone.getByTestId("proposed-grade")).toHaveText("优秀");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await saveScreenshot(phone, "score-form-390-zh");
  await phone.getByRole("button", { name: "提交评分" }).click();
  await phone.getByRole("alertdialog").getByRole("button", { name: "提交评分" }).click();
  await expect(phone.getByText("评分已提交。").or(phone.getByText("本方已提交对该人员的评分："))).toBeVisible();
  await phone.context().close();

  // The other centres (receiving unit) and the hospitals (dispatching unit).
  for (const username of OTHER_RECEIVERS) {
    const page = await as(browser, username);
    expect((await scoreAll(page, url, () => "17")).length).toBeGreaterThan(0);
    await page.context().close();
  }
  for (const username of NOMINATORS) {
    const page = await as(browser, username);
    expect((await scoreAll(page, url, (doctor) => (FS_DOCTORS.includes(doctor) ? "19.5" : "17"))).length).toBeGreaterThan(0);
    await page.context().close();
  }

  // The bureau: its last sheet (a draft in the demo), then the grades.
  const bureau = await as(browser, "wz-admin");
  expect(await scoreAll(bureau, url, () => "16")).toHaveLength(1);
  await bureau.goto(url);
  await expect(bureau.getByRole("heading", { name: "评定等次" })).toBeVisible();
  await bureau.getByRole("button", { name: "保存等次" }).click();
  await bureau.getByRole("alertdialog").getByRole("button", { name: "保存等次" }).click();
  const refusal = bureau.getByRole("alert").filter({ hasText: "超出名额的是" });
  await expect(refusal).toBeVisible();
  const text = (await refusal.textContent())!;
  expect(text).toContain("即 1 人");
  expect(text).toContain("按总分排名：1. ");
  const over = /超出名额的是：([^。]+)。/.exec(text)![1]!.split("、");
  expect(over.length).toBeGreaterThanOrEqual(1);
  await saveScreenshot(bureau, "assessment-quota-refused-1280-zh");
  for (const name of over) await bureau.getByRole("combobox", { name: `等次 · ${name}` }).selectOption({ label: "合格" });
  await bureau.getByRole("button", { name: "保存等次" }).click();
  await bureau.getByRole("alertdialog").getByRole("button", { name: "保存等次" }).click();
  await expect(bureau.getByText("考核已定档，结果已反馈派出单位。")).toBeVisible();
  await bureau.reload();
  await expect(bureau.getByText("本年度考核已定档。")).toBeVisible();
  await saveScreenshot(bureau, "assessment-final-1280-zh");
  await bureau.context().close();
});

test("the evaluation pages at 1280 and 390 px, in Chinese and English, without a sideways scroll", async ({ browser }) => {
  const first = await as(browser, "wz-admin");
  const url = await openAssessment(first);
  await first.context().close();
  for (const [width, locale] of [[1280, "zh-CN"], [390, "zh-CN"], [1280, "en"], [390, "en"]] as const) {
    const page = await as(browser, "wz-admin", width, locale);
    const tag = `${width}-${locale === "en" ? "en" : "zh"}`;
    await page.goto("/evaluations");
    await saveScreenshot(page, `evaluations-${tag}`);
    await page.goto("/evaluations/schemes");
    await saveScreenshot(page, `schemes-${tag}`);
    await page.goto(url);
    await saveScreenshot(page, `assessment-${tag}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.goto("/evaluations/schemes/new");
    await saveScreenshot(page, `scheme-new-${tag}`);
    await page.context().close();
  }
});
