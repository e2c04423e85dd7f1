import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3611";
const [,, user, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const locale of ["zh-CN", "en"]) {
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(base + "/login");
    await page.getByLabel("用户名", { exact: true }).fill(user);
    await page.getByLabel("密码", { exact: true }).fill("Demo@2026");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await ctx.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
    for (const [i, p] of paths.entries()) {
      await page.goto(base + p);
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      console.log(locale, width, p, "scrollWidth", sw);
      await page.screenshot({ path: `/tmp/notice-shots/${user}-${i}-${locale}-${width}.png`, fullPage: true });
    }
    await ctx.close();
  }
}
await browser.close();
