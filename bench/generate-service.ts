// 2 000 doctors in service with 18 months of daily logs, for bench/service.bench.ts: a programme
// (BENCH-SERVICE) of Wanzhou's bureau (wz-admin's scope), 10 dispatching hospitals and 40 township
// centres under it, 200 posts, 2 000 doctors with approved applications and ACTIVE dispatches that
// began 548 days ago (24 months of service: all in service now), and one CONFIRMED work log a day
// for each of them up to yesterday (~1.1 million rows). Written with set-based SQL (generate_series)
// in one transaction; deterministic counts from the row numbers. Into BENCH_SERVICE_DATABASE_URL
// (default secondment_bench_service on 127.0.0.1:5432), created, migrated and seeded on first use.
// Skips when the data is there; --force deletes it and writes it again.
import pg from "pg";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { addDays, lastDayOfService } from "@/lib/domain/service-period";
import { prepareBenchDatabase } from "./lib/bench-db";

export const SERVICE_BENCH_URL = process.env.BENCH_SERVICE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/secondment_bench_service";
export const SERVICE_PROGRAM_ID = "bench-service-program";
export const DOCTORS = 2_000;
const DAYS = 548; // 18 months
const HOSPITALS = 10;
const CENTRES = 40;
const POSTS = 200;

async function main(): Promise<void> {
  const force = process.argv.includes("--force");
  await prepareBenchDatabase(SERVICE_BENCH_URL);
  const db = new pg.Client({ connectionString: SERVICE_BENCH_URL });
  await db.connect();
  try {
    const { rows: [have] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Dispatch" WHERE "programId" = $1`, [SERVICE_PROGRAM_ID]);
    if (have!.n === DOCTORS && !force) {
      console.log(`The service data is there (${DOCTORS} dispatches): nothing to do (--force to write it again).`);
      return;
    }
    const today = shanghaiDay(new Date());
    const start = addDays(today, -DAYS);
    const last = lastDayOfService(start, 24);
    const started = Date.now();
    await db.query("BEGIN");
    await db.query(`DELETE FROM "WorkLog" WHERE "dispatchId" LIKE 'bsd-%'`);
    await db.query(`DELETE FROM "Dispatch" WHERE id LIKE 'bsd-%'`);
    await db.query(`DELETE FROM "Application" WHERE id LIKE 'bsa-%'`);
    await db.query(`DELETE FROM "Doctor" WHERE id LIKE 'bsdoc-%'`);
    await db.query(`DELETE FROM "Post" WHERE id LIKE 'bsp-%'`);
    await db.query(`DELETE FROM "Program" WHERE id = $1`, [SERVICE_PROGRAM_ID]);
    await db.query(`DELETE FROM "Organization" WHERE code LIKE 'BENCH-SVC-%'`);
    const { rows: [ctx] } = await db.query<{ bureau: string; admin: string }>(
      `SELECT o.id AS bureau, u.id AS admin FROM "User" u JOIN "Organization" o ON o.id = u."organizationId" WHERE u.username = 'wz-admin'`,
    );
    if (!ctx) throw new Error("wz-admin is missing: the demo seed did not load");
    await db.query(
      `INSERT INTO "Organization" (id, name, code, kind, level, region, "parentId", "updatedAt")
       SELECT 'bsh-' || i, '万州基准派出医院' || i, 'BENCH-SVC-H' || i, 'HOSPITAL'::"OrganizationKind", 'COUNTY'::"OrganizationLevel", '重庆市万州区', $1, now() FROM generate_series(1, ${HOSPITALS}) i
       UNION ALL
       SELECT 'bsc-' || i, '万州基准受援卫生院' || lpad(i::text, 2, '0'), 'BENCH-SVC-C' || i, 'TOWNSHIP_CENTRE'::"OrganizationKind", 'TOWNSHIP'::"OrganizationLevel", '重庆市万州区', $1, now() FROM generate_series(1, ${CENTRES}) i`,
      [ctx.bureau],
    );
    await db.query(
      `INSERT INTO "Program" (id, "bureauId", kind, name, year, status, "serviceMonths", "updatedAt")
       VALUES ($1, $2, 'COUNTY_HIRE_TOWNSHIP_USE', '万州区基准测试“县聘乡用”', $3, 'IN_SERVICE', 24, now())`,
      [SERVICE_PROGRAM_ID, ctx.bureau, Number(start.slice(0, 4))],
    );
    await db.query(
      `INSERT INTO "Post" (id, "programId", "receivingOrgId", title, specialty, headcount, "rotationBatch")
       SELECT 'bsp-' || i, $1, 'bsc-' || (1 + (i - 1) % ${CENTRES}), (ARRAY['全科医生','内科医生','外科医生','中医科医生','口腔科医生'])[1 + (i - 1) % 5], '全科', 10, 1
         FROM generate_series(1, ${POSTS}) i`,
      [SERVICE_PROGRAM_ID],
    );
    // ID numbers: 500101 (万州) + birth date + a sequence; the check digit is not validated by the database.
    await db.query(
      `INSERT INTO "Doctor" (id, name, sex, ethnicity, "birthDate", "idNumber", education, "employerId", department, specialty, "updatedAt")
       SELECT 'bsdoc-' || i, '基准医生' || lpad(i::text, 4, '0'), CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END::"Sex", '汉族',
              DATE '1980-01-01' + (i % 3000), '500101' || to_char(DATE '1980-01-01' + (i % 3000), 'YYYYMMDD') || lpad(i::text, 4, '0'),
              'BACHELOR', 'bsh-' || (1 + (i - 1) % ${HOSPITALS}), '全科', '全科', now()
         FROM generate_series(1, ${DOCTORS}) i`,
    );
    await db.query(
      `INSERT INTO "Application" (id, "postId", "doctorId", "nominatingOrgId", source, status, "currentStage", "createdById", "updatedAt")
       SELECT 'bsa-' || i, 'bsp-' || (1 + (i - 1) % ${POSTS}), 'bsdoc-' || i, 'bsh-' || (1 + (i - 1) % ${HOSPITALS}), 'UNIT', 'APPROVED', 'APPROVAL', $1, now()
         FROM generate_series(1, ${DOCTORS}) i`,
      [ctx.admin],
    );
    await db.query(
      `INSERT INTO "Dispatch" (id, "programId", "postId", "applicationId", "doctorId", "receivingOrgId", "rotationBatch", "startDate", "serviceMonths", "plannedLastDay", "lastDay", status, "createdById", "updatedAt")
       SELECT 'bsd-' || i, $1, 'bsp-' || (1 + (i - 1) % ${POSTS}), 'bsa-' || i, 'bsdoc-' || i, 'bsc-' || (1 + ((1 + (i - 1) % ${POSTS}) - 1) % ${CENTRES}), 1,
              $2::date, 24, $3::date, $3::date, 'ACTIVE', $4, now()
         FROM generate_series(1, ${DOCTORS}) i`,
      [SERVICE_PROGRAM_ID, start, last, ctx.admin],
    );
    const logs = await db.query(
      `INSERT INTO "WorkLog" (id, "dispatchId", "periodStart", "periodEnd", outpatients, operations, "caseDiscussions", "juniorsMentored", lectures, "freeClinics", "donatedMedicineFen", status, "reviewedById", "reviewedAt", "filedById", "filedAt")
       SELECT 'bsl-' || i || '-' || n, 'bsd-' || i, $1::date + n, $1::date + n, 10 + (i * 7 + n * 13) % 40, (i + n) % 3, (i + n) % 2, (i * n) % 4, CASE WHEN n % 7 = 0 THEN 1 ELSE 0 END,
              CASE WHEN n % 30 = 0 THEN 1 ELSE 0 END, CASE WHEN n % 30 = 0 THEN 50000 ELSE 0 END, 'CONFIRMED', $2, now(), $2, now()
         FROM generate_series(1, ${DOCTORS}) i CROSS JOIN generate_series(0, ${DAYS - 1}) n`,
      [start, ctx.admin],
    );
    await db.query("COMMIT");
    await db.query(`ANALYZE "WorkLog"; ANALYZE "Dispatch"; ANALYZE "Doctor"; ANALYZE "Post"; ANALYZE "Organization"`);
    console.log(`${DOCTORS} doctors in service since ${start} (last day ${last}) at ${CENTRES} centres from ${HOSPITALS} hospitals; ${logs.rowCount} daily logs; ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await db.end();
  }
}

if (process.argv[1]?.endsWith("generate-service.ts")) {
  main().catch((error: unknown) => {
    console.error("Generating the service data failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
