// How long screening takes on a province-sized registry (bench/generate-registry.ts: 50 000 doctors in
// 800 organisations), for each of the seven batch-1 posts of seed 000's Xinjiang programme. Prints
// figures, asserts nothing; every figure stands beside a floor measured in the same run, with the ratio:
//
//   (a) the engine alone: facts in memory, evaluateRules for every doctor   floor: a bare loop over the same facts
//   (b) the use case screenPost as the city bureau admin (load + evaluate + page)   floor: the loader's data through bare pg
//   (c) the API route handler in-process with a bearer token                floor: screenPost direct, from (b)
//       and, when BENCH_URL names a running app, under autocannon            floor: a trivial JSON route of the same app
//
//   npm run bench:generate && npm run bench      (BENCH_DATABASE_URL, BENCH_RUNS, BENCH_URL, BENCH_TOKEN)
import os from "node:os";
import pg from "pg";
import { doctorWhere } from "@/lib/auth/policy";
import { evaluateRules, type DoctorFacts } from "@/lib/domain/eligibility";
import { createPrismaClient } from "@/lib/prisma";
import { loadDoctorFacts, rulesForPost, screenPost } from "@/lib/server/eligibility";
import { buildScope } from "@/lib/server/organization-tree";
import { enqueueScreening, runScreeningJobs, SCREENING_CHUNK } from "@/lib/server/screening-store";
import { benchDatabaseUrl } from "./lib/bench-db";
import { benchApi } from "./lib/api-bench";
import { benchRouteInProcess } from "./lib/route-bench";
import { mb, ms, percentile, ratio, table, time } from "./lib/measure";
import { DOCTOR_COUNT } from "./lib/registry-data";

const XINJIANG = "绍兴市第八批援疆医生选派";
const RUNS = Number(process.env.BENCH_RUNS) || 5;

/** What loadDoctorFacts reads, through bare pg: the doctors with their employer's level, their titles and service. */
async function bareFacts(client: pg.Client, orgIds: string[]): Promise<number> {
  const doctors = await client.query(
    `SELECT d.id, d.name, d."birthDate", d.education, d.specialty, d."practisingCategory", d."positionRank", d."hireDate", o.level
       FROM "Doctor" d JOIN "Organization" o ON o.id = d."employerId" WHERE d."employerId" = ANY($1) ORDER BY d.id`,
    [orgIds],
  );
  await client.query(
    `SELECT t."doctorId", t.level, t.specialty, t."obtainedOn" FROM "TitleRecord" t JOIN "Doctor" d ON d.id = t."doctorId" WHERE d."employerId" = ANY($1)`,
    [orgIds],
  );
  await client.query(
    `SELECT g."doctorId", g."startDate", g."endDate", g."isFullTime" FROM "GrassrootsServiceRecord" g JOIN "Doctor" d ON d.id = g."doctorId" WHERE d."employerId" = ANY($1)`,
    [orgIds],
  );
  return doctors.rowCount ?? 0;
}

/** The store's facts query (lib/server/screening-store.ts: titles and service as json_agg, one query per chunk) through bare pg, every chunk. */
async function bareChunkedFacts(client: pg.Client): Promise<number> {
  let after: string | null = null;
  let n = 0;
  for (;;) {
    const { rows }: { rows: { id: string }[] } = await client.query<{ id: string }>(
      `SELECT d.id, d.name, d."employerId", d.version, d."birthDate", d.education::text, d.specialty, d."practisingCategory"::text, d."positionRank"::text, d."hireDate", o.level::text AS "employerLevel",
         (SELECT json_agg(json_build_object('level', t.level, 'specialty', t.specialty, 'obtainedOn', t."obtainedOn")) FROM "TitleRecord" t WHERE t."doctorId" = d.id) AS titles,
         (SELECT json_agg(json_build_object('startDate', g."startDate", 'endDate', g."endDate", 'isFullTime', g."isFullTime")) FROM "GrassrootsServiceRecord" g WHERE g."doctorId" = d.id) AS services
       FROM "Doctor" d JOIN "Organization" o ON o.id = d."employerId" WHERE ($1::text IS NULL OR d.id > $1) ORDER BY d.id LIMIT $2`,
      [after, SCREENING_CHUNK],
    );
    n += rows.length;
    if (rows.length < SCREENING_CHUNK) return n;
    after = rows.at(-1)!.id;
  }
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  const prisma = createPrismaClient(url, { maxConnections: 4 });
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  try {
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    const scope = await buildScope(prisma, admin);
    const posts = await prisma.post.findMany({
      where: { program: { name: XINJIANG }, rotationBatch: 1 },
      select: { id: true, title: true, specialty: true },
      orderBy: { title: "asc" },
    });
    const inScope = await prisma.doctor.count({ where: doctorWhere(scope) });
    if (inScope < DOCTOR_COUNT) throw new Error(`only ${inScope} doctors in the admin's scope: run npm run bench:generate first`);
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; ${(await bare.query("SHOW server_version")).rows[0].server_version} PostgreSQL`);
    console.log(`Screening ${inScope} doctors (the city bureau admin's scope) against ${posts.length} posts; ${RUNS} runs after a warm-up.\n`);

    // BENCH_ONLY=read: the page's read alone (c), on verdicts of the whole registry, the first post's
    // rewritten just before (a rule change: its rows' pages not yet vacuumed), nothing else.
    if (process.env.BENCH_ONLY === "read") {
      posts.splice(Number(process.env.BENCH_READ_POSTS) || 3);
      for (const post of posts) {
        if ((await prisma.screeningVerdict.count({ where: { postId: post.id } })) >= inScope) continue;
        await enqueueScreening(prisma, [post.id], "bench");
        await runScreeningJobs(prisma);
      }
      await bare.query(`VACUUM ANALYZE "ScreeningVerdict"`);
      await bare.query(`UPDATE "ScreeningVerdict" SET "rulesVersion" = 'earlier' WHERE "postId" = $1`, [posts[0]!.id]);
      await bare.query(`VACUUM "ScreeningVerdict"`);
      await enqueueScreening(prisma, [posts[0]!.id], "bench");
      await runScreeningJobs(prisma);
      console.log(`${posts[0]!.title}: every verdict rewritten just before its reads (not vacuumed since).\n`);
      await benchPageReads(prisma, scope, posts, RUNS);
      return;
    }

    // Facts in memory, once, as screenPost loads them (Prisma, chunks of 2 000).
    const before = process.memoryUsage();
    const loadStarted = performance.now();
    const facts: { id: string; name: string; facts: DoctorFacts }[] = [];
    for await (const chunk of loadDoctorFacts(prisma, doctorWhere(scope))) facts.push(...chunk);
    const loadMs = performance.now() - loadStarted;
    const after = process.memoryUsage();
    console.log(`Facts of ${facts.length} doctors loaded in ${ms(loadMs)} (cold); memory: rss ${mb(before.rss)} → ${mb(after.rss)}, heapUsed ${mb(before.heapUsed)} → ${mb(after.heapUsed)}\n`);

    // (a) The engine alone.
    const engineRows: string[][] = [];
    let engineTotal = 0, loopTotal = 0;
    for (const post of posts) {
      const trees = (await rulesForPost(prisma, post.id)).map((r) => r.tree);
      let eligible = 0;
      const engine = await time(() => {
        eligible = 0;
        for (const d of facts) if (evaluateRules(trees, d.facts).verdict === "ELIGIBLE") eligible++;
      }, { runs: RUNS });
      // Floor: the cheapest pass over the same objects (one comparison per doctor).
      let sink = 0;
      const loop = await time(() => {
        for (const d of facts) if (d.facts.specialty === post.specialty && (d.facts.titles?.length ?? 0) > 0) sink++;
      }, { runs: RUNS });
      if (sink < 0) console.log(sink);
      engineTotal += engine.p50;
      loopTotal += loop.p50;
      engineRows.push([post.title, String(eligible), ms(engine.p50), `${Math.round(facts.length / (engine.p50 / 1000)).toLocaleString("en")}/s`, ms(loop.p50), ratio(engine.p50, loop.p50)]);
    }
    engineRows.push(["total", "", ms(engineTotal), `${Math.round((facts.length * posts.length) / (engineTotal / 1000)).toLocaleString("en")}/s`, ms(loopTotal), ratio(engineTotal, loopTotal)]);
    console.log("(a) Engine only: evaluateRules over the facts in memory (p50)");
    console.log(table(["post", "eligible", "engine", "doctors/s", "floor: bare loop", "ratio"], engineRows) + "\n");

    // (b) The full re-evaluation of a post (issue 17: the job a rule change enqueues), beside bare pg returning the same facts.
    const prismaLoad = await time(async () => { for await (const chunk of loadDoctorFacts(prisma, doctorWhere(scope))) void chunk; }, { runs: RUNS });
    const floor = await time(() => bareFacts(bare, scope.subtreeIds), { runs: RUNS });
    const sameSql = await time(() => bareChunkedFacts(bare), { runs: RUNS });
    console.log(`Loading the facts: Prisma loader (includes) p50 ${ms(prismaLoad.p50)}; the store's one query per chunk (json_agg) through bare pg p50 ${ms(sameSql.p50)}; floor (bare pg, same columns, 3 queries) p50 ${ms(floor.p50)}`);
    // Three cases per post: the first computation (every row inserted), a re-evaluation that changes
    // nothing (a post edit that leaves the rules: no row written), and one that rewrites every row (a
    // rule change: rulesVersion moved on every row, set aside before the run, outside the timing).
    const reevalRows: string[][] = [];
    const reevalPosts = posts.slice(0, Number(process.env.BENCH_REEVAL_POSTS) || 3);
    const run = async (postId: string) => {
      await enqueueScreening(prisma, [postId], "bench");
      const started = performance.now();
      const chunks = await runScreeningJobs(prisma);
      return { ms: performance.now() - started, chunks };
    };
    for (const post of reevalPosts) {
      await bare.query(`DELETE FROM "ScreeningVerdict" WHERE "postId" = $1`, [post.id]);
      await bare.query(`VACUUM "ScreeningVerdict"`);
      const fresh = await run(post.id);
      const same = [await run(post.id), await run(post.id)].map((r) => r.ms).sort((x, y) => x - y);
      await bare.query(`UPDATE "ScreeningVerdict" SET "rulesVersion" = 'earlier' WHERE "postId" = $1`, [post.id]);
      await bare.query(`VACUUM "ScreeningVerdict"`);
      const changed = await run(post.id);
      reevalRows.push([post.title, String(fresh.chunks), ms(fresh.ms), ratio(fresh.ms, floor.p50), ms(same[0]!), ratio(same[0]!, floor.p50), ms(changed.ms), ratio(changed.ms, floor.p50)]);
    }
    console.log(`(b) Full re-evaluation of one post over the whole registry, ${SCREENING_CHUNK} doctors a chunk (one facts query, judge, one INSERT … ON CONFLICT); floor: bare pg, 3 queries, p50 ${ms(floor.p50)}`);
    console.log(table(["post", "chunks", "first computation", "ratio", "nothing changed (best of 2)", "ratio", "every row rewritten", "ratio"], reevalRows) + "\n");

    const useCaseP50 = await benchPageReads(prisma, scope, posts, RUNS);
    const m = process.memoryUsage();
    console.log(`Memory at the end: rss ${mb(m.rss)}, heapUsed ${mb(m.heapUsed)}\n`);

    // (c) Through the API: the route handler in-process, and a running app when BENCH_URL is given.
    await benchRouteInProcess(prisma, scope, posts, useCaseP50, RUNS);
    await benchApi(posts);
  } finally {
    await bare.end();
    await prisma.$disconnect();
  }
}

/** (c) The screening page's read from the store: screenPost as the city bureau admin; the p50 of 全部 per post. */
async function benchPageReads(prisma: ReturnType<typeof createPrismaClient>, scope: Awaited<ReturnType<typeof buildScope>>, posts: { id: string; title: string }[], runs: number): Promise<Map<string, number>> {
  const readRows: string[][] = [];
  const useCaseP50 = new Map<string, number>();
  const readRuns = Math.max(runs, 40);
  const all: number[] = [];
  for (const post of posts) {
    let counts = "";
    let lastPage = 1;
    const opening = await time(async () => {
      const r = await screenPost(prisma, scope, { postId: post.id, verdict: "ELIGIBLE" });
      counts = `${r.counts.ELIGIBLE}/${r.counts.INELIGIBLE}/${r.counts.UNKNOWN}`;
    }, { runs: readRuns });
    const everyone = await time(async () => {
      lastPage = (await screenPost(prisma, scope, { postId: post.id })).page.pageCount;
    }, { runs: readRuns });
    const deep = await time(() => screenPost(prisma, scope, { postId: post.id, page: Math.ceil(lastPage / 2) }), { runs: readRuns });
    all.push(...opening.runs, ...everyone.runs, ...deep.runs);
    useCaseP50.set(post.id, everyone.p50);
    readRows.push([post.title, counts, `${ms(opening.p50)} / ${ms(opening.p95)}`, `${ms(everyone.p50)} / ${ms(everyone.p95)}`, `${ms(deep.p50)} / ${ms(deep.p95)} (page ${Math.ceil(lastPage / 2)})`]);
  }
  all.sort((x, y) => x - y);
  console.log(`(c) The screening page's read from the store (screenPost: post, rules, counts, one page of 20, freshness), ${readRuns} runs each, one at a time`);
  console.log(table(["post", "eligible/inelig./unknown", "符合 tab p50 / p95", "全部 p50 / p95", "middle page p50 / p95"], readRows));
  console.log(`Over every read: p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, max ${ms(all.at(-1) ?? 0)}\n`);
  return useCaseP50;
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
