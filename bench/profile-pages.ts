// Where a page's time and bytes go (issue 17), one request at a time, no load: the built app started
// with PRISMA_LOG_QUERIES=1 on the benchmark database, signed in as `staff`; for each page the SQL
// statements it ran (with their times), its HTML bytes, how much of them is the RSC payload (the
// inline <script>s) and the class attributes. `npm run bench:profile` (after a build); BENCH_DUMP=<dir>
// also writes each page's HTML there.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { BENCH_PROGRAM_ID } from "./lib/application-data";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  const { rows: [doctor] } = await bare.query<{ id: string }>(`SELECT id FROM "Doctor" ORDER BY id LIMIT 1`);
  await bare.end();
  console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
  let log: string[] = [];
  process.env.PRISMA_LOG_QUERIES = "1";
  const app = await startApp(url, 10, (text) => log.push(...text.split("\n").filter((l) => l.startsWith("[query]"))));
  try {
    const jar = await signIn(app.baseUrl, "staff", DEMO_PASSWORD);
    const headers = { cookie: jar.header(), "accept-language": "zh-CN" };
    const pages = ["/account/password", "/", `/applications?programId=${BENCH_PROGRAM_ID}`, `/programs/${BENCH_PROGRAM_ID}/vetting`, "/doctors", `/doctors/${doctor?.id}`, "/api/v1/me"];
    for (const page of pages.filter((p) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(",").some((o) => p.includes(o)))) {
      await fetch(`${app.baseUrl}${page}`, { headers }).then((r) => r.text()); // warm-up
      await new Promise((r) => setTimeout(r, 300));
      log = [];
      const started = performance.now();
      const response = await fetch(`${app.baseUrl}${page}`, { headers, redirect: "manual" });
      const html = await response.text();
      const elapsed = performance.now() - started;
      if (process.env.BENCH_DUMP) await writeFile(path.join(process.env.BENCH_DUMP, `${page.replace(/[^a-z0-9]+/gi, "_") || "root"}.html`), html);
      await new Promise((r) => setTimeout(r, 300));
      const bytes = (text: string) => Buffer.byteLength(text);
      const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + bytes(m[1]!), 0);
      const classes = [...html.matchAll(/class="([^"]*)"/g)].reduce((n, m) => n + bytes(m[1]!), 0);
      console.log(`\n${page}: ${response.status}, ${kb(bytes(html))} HTML, of which ${kb(scripts)} inline scripts (RSC payload), ${kb(classes)} class attributes; ${log.length} queries, ${elapsed.toFixed(0)} ms`);
      for (const line of log) console.log(`  ${line.slice(0, 220)}`);
    }
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error("The profile failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
