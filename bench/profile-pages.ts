// Where a page's time and bytes go (issue 17), one request at a time, no load: the built app started
// with PRISMA_LOG_QUERIES=1 on the benchmark database, signed in as `staff` (BENCH_USER=wz-admin: the
// audit log and the service pages, on the bench data or BENCH_DATABASE_URL's demo data); for each page the SQL
// statements it ran (with their times), its HTML bytes, how much of them is the RSC payload (the
// inline <script>s), the class attributes and the inline SVG, and the payload decoded into its rows,
// the largest printed (bench/lib/flight.ts; BENCH_FLIGHT_ROWS=<n>, default 8). `npm run bench:profile`
// (after a build); BENCH_DUMP=<dir> also writes each page's HTML there.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { BENCH_PROGRAM_ID } from "./lib/application-data";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";
import { flightRows, flightText } from "./lib/flight";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A page by its path, or the first link matching `link` on the page `from` (a detail page the user may see). */
type PageSpec = string | { from: string; link: RegExp };
const detail = (from: string, link: RegExp): PageSpec => ({ from, link });

function pagesOf(user: string, doctorId: string | undefined): PageSpec[] {
  if (user !== "staff") {
    // A bureau admin: the audit log and the service programme's lists and a dispatch.
    return ["/admin/audit", "/dispatches", detail("/dispatches", /"(\/dispatches\/(?!new"|import")[\w-]+)"/), "/evaluations", "/allowances", "/leave", "/worklogs"];
  }
  const board = `/programs/${BENCH_PROGRAM_ID}/vetting`;
  const list = `/applications?programId=${BENCH_PROGRAM_ID}`;
  return [
    "/account/password",
    "/",
    list,
    board,
    // A post's stage page (the board's first cell) and one application (the list's first row).
    detail(board, /href="(\/programs\/[^"/]+\/vetting\/[^"/?]+)\?stage=[A-Z_]+"/),
    detail(list, /"(\/applications\/(?!new"|import")[\w-]+)"/),
    "/doctors",
    `/doctors/${doctorId}`,
    "/api/v1/me",
  ];
}

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
    const user = process.env.BENCH_USER ?? "staff";
    const jar = await signIn(app.baseUrl, user, DEMO_PASSWORD);
    const headers = { cookie: jar.header(), "accept-language": "zh-CN" };
    const pages: string[] = [];
    for (const spec of pagesOf(user, doctor?.id)) {
      if (typeof spec === "string") pages.push(spec);
      else {
        const found = (await fetch(`${app.baseUrl}${spec.from}`, { headers }).then((r) => r.text())).match(spec.link)?.[1];
        if (found) pages.push(found);
        else console.log(`(no link like ${spec.link} on ${spec.from})`);
      }
    }
    console.log(`Signed in as ${user}`);
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
      const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)];
      console.log(`\n${page}: ${response.status}, ${kb(bytes(html))} HTML, of which ${kb(scripts)} inline scripts (RSC payload), ${kb(classes)} class attributes, ${svg.length} inline <svg> ${kb(svg.reduce((n, m) => n + bytes(m[0]), 0))}; ${log.length} queries, ${elapsed.toFixed(0)} ms`);
      const flight = flightText(html);
      const rows = flightRows(flight);
      console.log(`  payload decoded: ${kb(bytes(flight))} in ${rows.length} rows; the largest:`);
      for (const row of rows.slice(0, Number(process.env.BENCH_FLIGHT_ROWS ?? 8))) console.log(`    ${kb(row.bytes).padStart(8)}  ${row.text.slice(0, 150).replace(/\s+/g, " ")}`);
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
