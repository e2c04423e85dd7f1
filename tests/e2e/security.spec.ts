// Security in the browser (issue 12): every page is served with a nonce-based Content-Security-Policy
// and still works — it hydrates, its dialogs open, and the console shows no CSP violation; a forged
// X-Forwarded-For does not reach the audit; a server action from another site's page is refused 403.
import { expect, test, type Page } from "@playwright/test";
import { fillField, saveScreenshot, signIn } from "./support/login";

const FORGED = "203.0.113.66";

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => violations.push(`${page.url()}: ${error.message}`));
  return violations;
}

test("pages work under the Content-Security-Policy, and the audit keeps the real address", async ({ page }) => {
  test.setTimeout(180_000);
  const violations = watchViolations(page);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": FORGED });

  const login = await page.goto("/login");
  const policy = login!.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  // Next.js put the request's nonce on its scripts; a script without it would not run.
  const scripts = await page.locator("script").evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await signIn(page, "admin");

  for (const path of ["/", "/programs", "/doctors", "/dispatches", "/evaluations", "/notifications", "/admin/users", "/admin/organizations", "/doctors/new"]) {
    await page.goto(path);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }
  // A page with a client-side dialog: open a programme and its first confirm dialog, if any.
  await page.goto("/programs");
  const first = page.locator("main a[href^='/programs/']").first();
  if (await first.count()) {
    await first.click();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }

  await page.goto("/admin/audit");
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  // The newest row is this sign-in, with the socket's address (no proxy is trusted in this run).
  await expect(page.getByRole("cell", { name: "127.0.0.1", exact: true }).first()).toBeVisible();
  await expect(page.getByText(FORGED)).toHaveCount(0);
  await saveScreenshot(page, "security-audit-address");

  expect(violations).toEqual([]);
});

test("a server action from another site's page is refused with 403", async ({ page }) => {
  const response = await page.request.post("/programs", {
    headers: { "next-action": "7f0000000000000000000000000000000000000000", origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test("numbers typed into the programme and post forms reach the server as numbers", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = watchViolations(page);
  await page.goto("/login");
  await signIn(page, "admin");
  await page.goto("/programs/new");
  await fillField(page.getByLabel("项目名称"), "整数校验测试项目");
  await fillField(page.getByLabel("年度"), "2031");
  await fillField(page.getByLabel("批次", { exact: true }), "3");
  await fillField(page.getByLabel("服务期限（月）"), "12");
  await page.getByRole("button", { name: "创建项目" }).click();
  await expect(page).toHaveURL(/\/programs\/(?!new$)[^/]+$/);
  const programUrl = new URL(page.url()).pathname;
  // The edit form shows what was stored: numbers, from text typed into number boxes.
  await expect(page.getByLabel("年度")).toHaveValue("2031");
  await expect(page.getByLabel("服务期限（月）")).toHaveValue("12");

  await page.goto(`${programUrl}/posts`);
  const receiving = page.getByLabel("接收单位", { exact: true });
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await receiving.selectOption({ index: 1 });
  await fillField(page.getByLabel("岗位", { exact: true }), "心内科医师");
  await fillField(page.getByLabel("专业/科室"), "心血管内科");
  await fillField(page.getByLabel("名额"), "2");
  await page.getByRole("button", { name: "添加岗位" }).click();
  await expect(page.getByRole("cell", { name: "心内科医师" }).first()).toBeVisible();
  await saveScreenshot(page, "security-numbers-post");
  expect(violations).toEqual([]);
});

test("another bureau's records are the 404 page, as missing ones are", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await signIn(page, "admin");
  const first = async (path: string) => ((await (await page.request.get(path)).json()) as { rows: { id: string }[] }).rows[0]!.id;
  const programId = await first("/api/v1/programs");
  const applicationId = await first("/api/v1/applications");
  const doctorId = await first("/api/v1/doctors");

  const wanzhou = await (await browser.newContext()).newPage();
  await wanzhou.goto("/login");
  await signIn(wanzhou, "wz-admin");
  const statusOf = async (path: string) => (await wanzhou.goto(path))!.status();
  for (const [theirs, missing] of [
    [`/programs/${programId}`, "/programs/missing-id"],
    [`/programs/${programId}/vetting`, "/programs/missing-id/vetting"],
    [`/programs/${programId}/rules`, "/programs/missing-id/rules"],
    [`/applications/${applicationId}`, "/applications/missing-id"],
    [`/doctors/${doctorId}`, "/doctors/missing-id"],
  ]) {
    expect(await statusOf(missing!), missing).toBe(404);
    expect(await statusOf(theirs!), theirs).toBe(404);
  }
  await saveScreenshot(wanzhou, "security-foreign-record-404");
});
