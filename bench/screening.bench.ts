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
import { benchDatabaseUrl } from "./lib/bench-db";
import { benchApi } from "./lib/api-bench";
import { benchRouteInProcess } from "./lib/route-bench";
import { mb, ms, ratio, table, time } from "./lib/measure";
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

    // (b) The use case, and where its time goes.
    const prismaLoad = await time(async () => { for await (const chunk of loadDoctorFacts(prisma, doctorWhere(scope))) void chunk; }, { runs: RUNS });
    const floor = await time(() => bareFacts(bare, scope.subtreeIds), { runs: RUNS });
    console.log(`Loading the facts: Prisma loader p50 ${ms(prismaLoad.p50)} / p95 ${ms(prismaLoad.p95)}; floor (bare pg, same columns, 3 queries) p50 ${ms(floor.p50)}; ratio ${ratio(prismaLoad.p50, floor.p50)}`);
    // screenPost also sorts every match by name (zh-CN collation) before taking the page.
    const collator = new Intl.Collator("zh-CN");
    const names = facts.map((d) => ({ id: d.id, name: d.name }));
    const sort = await time(() => [...names].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)), { runs: RUNS });
    console.log(`Sorting ${names.length} matches by name (Intl.Collator zh-CN, as screenPost does): p50 ${ms(sort.p50)}\n`);
    const useCaseRows: string[][] = [];
    const useCaseP50 = new Map<string, number>();
    let p50Total = 0;
    for (const post of posts) {
      let counts = "";
      const t = await time(async () => {
        const r = await screenPost(prisma, scope, { postId: post.id });
        counts = `${r.counts.ELIGIBLE}/${r.counts.INELIGIBLE}/${r.counts.UNKNOWN}`;
      }, { runs: RUNS });
      p50Total += t.p50;
      useCaseP50.set(post.id, t.p50);
      useCaseRows.push([post.title, counts, ms(t.p50), ms(t.p95), ms(floor.p50), ratio(t.p50, floor.p50)]);
    }
    useCaseRows.push(["total", "", ms(p50Total), "", ms(floor.p50 * posts.length), ratio(p50Total, floor.p50 * posts.length)]);
    console.log("(b) screenPost as the city bureau admin (page 1, every verdict): loads facts + evaluates + sorts + loads the page");
    console.log(table(["post", "eligible/inelig./unknown", "p50", "p95", "floor: bare pg", "ratio"], useCaseRows) + "\n");
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

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
