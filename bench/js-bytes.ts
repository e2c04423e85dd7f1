// First-load JavaScript per page (issue 17: ≤ 150 KB gzip a page), from the build.
//
//   npm run bench:js            (-- --build rebuilds the app first; run builds under flock /work/wt/build.lock)
//
// Starts the built app (`next start`) on BENCH_DATABASE_URL (created with the demo data when missing,
// bench/lib/bench-db.ts; the generated registry is not needed: the scripts a page loads do not depend on
// its rows), signs in as each page's user and fetches the page once. Every /_next/static script its HTML
// names (bench/lib/first-load-js.ts; not the noModule polyfills) is read from .next and gzip-compressed: per page the total, the
// part every page shares (the framework, React, the root layout's client components) and the rest.
// With no applications in it (a fresh demo database), it loads the demo selection round first.
// BENCH_JS_CHUNKS=1 also lists each page's own chunks by size.
import pg from "pg";
import { createPrismaClient } from "@/lib/prisma";
import { DEMO_PASSWORD, loadDemoRound, loadServiceCohort } from "@/prisma/seed";
import { ensureBuild, startApp } from "./lib/app-server";
import { CookieJar, signIn } from "./lib/app-session";
import { benchDatabaseUrl, prepareBenchDatabase } from "./lib/bench-db";
import { builtFileSize, firstLoadJs, type FirstLoadJs } from "./lib/first-load-js";
import { table } from "./lib/measure";

const GOAL_KB = 150;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Ids {
  program: string;
  post: string;
  application: string;
  doctor: string;
  dispatch: string | null;
}

/** One example of each kind of record, from staff's city (the demo data's 绍兴) where there is a choice. */
async function exampleIds(url: string): Promise<Ids> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string) => ((await client.query<{ id: string }>(sql)).rows[0]?.id ?? null);
    const application = await one(`SELECT a.id FROM "Application" a ORDER BY a."createdAt" LIMIT 1`);
    const post = await one(`SELECT p.id FROM "Post" p JOIN "Application" a ON a."postId" = p.id ORDER BY a."createdAt" LIMIT 1`);
    const program = await one(`SELECT p."programId" AS id FROM "Post" p JOIN "Application" a ON a."postId" = p.id ORDER BY a."createdAt" LIMIT 1`);
    const doctor = await one(`SELECT d.id FROM "Doctor" d ORDER BY d."createdAt" LIMIT 1`);
    const dispatch = await one(`SELECT id FROM "Dispatch" ORDER BY "createdAt" LIMIT 1`);
    if (!application || !post || !program || !doctor) throw new Error("the database has no applications or doctors: is the demo data there?");
    return { program, post, application, doctor, dispatch };
  } finally {
    await client.end();
  }
}

/** The demo selection round and a cohort in service, as `npm start` loads them, when the database has none. */
async function ensureDemoRound(url: string): Promise<void> {
  const prisma = createPrismaClient(url, { maxConnections: 1 });
  try {
    if ((await prisma.application.count()) === 0) await loadDemoRound(prisma);
    if ((await prisma.dispatch.count()) === 0) await loadServiceCohort(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

function pagesOf(ids: Ids): { what: string; path: string; user: string | null }[] {
  const p = ids.program;
  return [
    { what: "/login (signed out)", path: "/login", user: null },
    { what: "/account/password (the shell + a form)", path: "/account/password", user: "staff" },
    { what: "/ (staff workbench)", path: "/", user: "staff" },
    { what: "/applications?programId=…", path: `/applications?programId=${p}`, user: "staff" },
    { what: "/applications/{id}", path: `/applications/${ids.application}`, user: "staff" },
    { what: "/programs/{id}", path: `/programs/${p}`, user: "staff" },
    { what: "/programs/…/vetting (the board)", path: `/programs/${p}/vetting`, user: "staff" },
    { what: "/programs/…/vetting/{post}", path: `/programs/${p}/vetting/${ids.post}`, user: "staff" },
    { what: "/programs/…/health (charts)", path: `/programs/${p}/health`, user: "staff" },
    { what: "/doctors", path: "/doctors", user: "staff" },
    { what: "/doctors/{id}", path: `/doctors/${ids.doctor}`, user: "staff" },
    { what: "/doctors/new", path: "/doctors/new", user: "staff" },
    { what: "/workforce (charts)", path: "/workforce", user: "admin" },
    { what: "/dispatches", path: "/dispatches", user: "staff" },
    { what: "/admin/users", path: "/admin/users", user: "admin" },
  ];
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  await prepareBenchDatabase(url, () => {});
  await ensureDemoRound(url);
  console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
  const ids = await exampleIds(url);
  const app = await startApp(url, 4);
  try {
    const jars = new Map<string, CookieJar>();
    const measured: { what: string; status: number; js: FirstLoadJs | null }[] = [];
    for (const page of pagesOf(ids)) {
      let cookie = "";
      if (page.user) {
        if (!jars.has(page.user)) jars.set(page.user, await signIn(app.baseUrl, page.user, DEMO_PASSWORD));
        cookie = jars.get(page.user)!.header();
      }
      const response = await fetch(`${app.baseUrl}${page.path}`, { headers: { cookie, "accept-language": "zh-CN" }, redirect: "manual" });
      const html = await response.text();
      measured.push({ what: page.what, status: response.status, js: response.status === 200 ? await firstLoadJs(html) : null });
    }
    const ok = measured.filter((m) => m.js);
    const shared = ok.length ? ok.map((m) => new Set(m.js!.files)).reduce((a, b) => new Set([...a].filter((f) => b.has(f)))) : new Set<string>();
    let sharedGzip = 0;
    for (const file of shared) sharedGzip += (await builtFileSize(process.cwd(), file)).gzip;
    console.log(`\nFirst-load JavaScript per page (the scripts its HTML names, from .next/static, gzip as served); goal ≤ ${GOAL_KB} KB gzip`);
    console.log(`Shared by every page below: ${shared.size} files, ${kb(sharedGzip)} gzip`);
    const legacy = ok[0]?.js!.legacy;
    if (legacy?.files.length) console.log(`Not counted: the noModule polyfills (${legacy.files.length} file, ${kb(legacy.gzip)} gzip), which browsers with ES modules skip`);
    console.log();
    const rows = measured.map((m) =>
      m.js
        ? [m.what, String(m.js.files.length), kb(m.js.raw), kb(m.js.gzip), kb(m.js.gzip - sharedGzip), m.js.gzip <= GOAL_KB * 1024 ? "yes" : "no"]
        : [m.what, "—", "—", `answered ${m.status}`, "—", "—"],
    );
    console.log(table(["page", "files", "raw", "gzip", "beyond shared", `≤ ${GOAL_KB} KB`], rows));
    if (process.env.BENCH_JS_CHUNKS) {
      for (const m of ok) {
        const own = await Promise.all(m.js!.files.filter((f) => !shared.has(f)).map(async (f) => ({ f, ...(await builtFileSize(process.cwd(), f)) })));
        console.log(`\n${m.what}: ${own.sort((a, b) => b.gzip - a.gzip).map((o) => `${o.f.replace("static/chunks/", "")} ${kb(o.gzip)}`).join(", ")}`);
      }
      const all = await Promise.all([...shared].map(async (f) => ({ f, ...(await builtFileSize(process.cwd(), f)) })));
      console.log(`\nshared: ${all.sort((a, b) => b.gzip - a.gzip).map((o) => `${o.f.replace("static/chunks/", "")} ${kb(o.gzip)}`).join(", ")}`);
    }
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error("The JS bytes benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
