// 20 000 applications over the province-sized registry, for the vetting benchmark: one programme of
// Shaoxing's city bureau in VETTING, 250 posts, the applications spread over the seven stages with the
// stage decisions behind them (bench/lib/application-data.ts says how). Generates the registry first
// if it is not there (bench/generate-registry.ts).
//
//   npm run bench:applications              (skips if the applications are already there)
//   npm run bench:applications -- --force   (deletes the generated programme and writes it again)
//
// Bare `pg`, one transaction, multi-row INSERT … SELECT FROM unnest(…) per 5 000 rows.
import type pg from "pg";
import { generateRegistry } from "./generate-registry";
import { APP_PREFIX, APPLICATION_COUNT, BENCH_PROGRAM_ID, BENCH_PROGRAM_NAME, buildApplications, HEADCOUNT, STAGES, type RegistryDoctor } from "./lib/application-data";
import { benchDatabaseUrl } from "./lib/bench-db";
import { column as col, generateInTransaction, insertColumns, runAsScript } from "./lib/bulk-insert";
import { CITY_BUREAU, CODE_PREFIX } from "./lib/registry-data";

/** The generated programme, its posts, applications and decisions. Decisions are append-only (a trigger
 *  refuses DELETE), so the delete runs with triggers off for this transaction (superuser) and removes
 *  every dependent row itself. */
async function deleteGenerated(client: pg.ClientBase): Promise<void> {
  await client.query("SET LOCAL session_replication_role = replica");
  await client.query(`DELETE FROM "StageDecision" WHERE "applicationId" LIKE $1`, [`${APP_PREFIX}%`]);
  await client.query(`DELETE FROM "Attachment" WHERE "applicationId" LIKE $1`, [`${APP_PREFIX}%`]);
  await client.query(`DELETE FROM "Application" WHERE id LIKE $1`, [`${APP_PREFIX}%`]);
  for (const table of ["StageReopening", "NominationQuota", "EligibilityRule", "Post", "ProgramStage", "CutoffDate"]) {
    await client.query(`DELETE FROM "${table}" WHERE "programId" = $1`, [BENCH_PROGRAM_ID]);
  }
  await client.query(`DELETE FROM "Program" WHERE id = $1`, [BENCH_PROGRAM_ID]);
  await client.query("SET LOCAL session_replication_role = origin");
}

export async function generateApplications(url: string, { force = false } = {}): Promise<void> {
  await generateRegistry(url);
  await generateInTransaction(url, async (client) => {
    const { rows: [present] } = await client.query<{ apps: number }>(`SELECT count(*)::int AS apps FROM "Application" WHERE id LIKE $1`, [`${APP_PREFIX}%`]);
    if (present!.apps === APPLICATION_COUNT && !force) {
      console.log(`The ${APPLICATION_COUNT} applications are already there: nothing to do (--force to redo).`);
      return null;
    }
    await deleteGenerated(client);

    const { rows: [refs] } = await client.query<{ bureauId: string; receivingId: string; staffId: string; nominatorId: string }>(
      `SELECT (SELECT id FROM "Organization" WHERE name = $1) AS "bureauId",
              (SELECT id FROM "Organization" WHERE kind = 'RECEIVING_HOSPITAL' ORDER BY name LIMIT 1) AS "receivingId",
              (SELECT id FROM "User" WHERE username = 'staff') AS "staffId",
              (SELECT id FROM "User" WHERE username = 'nominator') AS "nominatorId"`,
      [CITY_BUREAU],
    );
    if (!refs?.bureauId || !refs.receivingId || !refs.staffId || !refs.nominatorId) throw new Error("the demo seed is not complete (city bureau, receiving hospital, staff, nominator)");
    const { rows: doctors } = await client.query<RegistryDoctor>(
      `SELECT d.id, d.specialty, d."employerId" FROM "Doctor" d JOIN "Organization" o ON o.id = d."employerId" WHERE o.code LIKE $1`,
      [`${CODE_PREFIX}%`],
    );
    const builtAt = performance.now();
    const { posts, applications, decisions } = buildApplications(doctors);
    const builtMs = performance.now() - builtAt;
    const now = new Date().toISOString();

    await client.query(
      `INSERT INTO "Program" (id, "bureauId", kind, name, year, "batchNumber", status, "serviceMonths", "rotationBatches", description, "updatedAt")
       VALUES ($1, $2, 'LONG_TERM_AID', $3, 2026, 1, 'VETTING', 18, 1, $4, $5)`,
      [BENCH_PROGRAM_ID, refs.bureauId, BENCH_PROGRAM_NAME, "基准测试数据：250 个岗位、20 000 份报名（npm run bench:applications）。", now],
    );
    await insertColumns(client, "ProgramStage", [
      col(STAGES, "id", "text", (s) => `bench-stage-${s.kind}`), col(STAGES, "programId", "text", () => BENCH_PROGRAM_ID),
      col(STAGES, "kind", "text", (s) => s.kind), col(STAGES, "sequence", "int", (s) => STAGES.indexOf(s) + 1),
      col(STAGES, "opensAt", "timestamptz", (s) => s.opensAt.toISOString()), col(STAGES, "closesAt", "timestamptz", (s) => s.closesAt.toISOString()),
      col(STAGES, "ratio", "int", (s) => s.ratio),
    ], { kind: "StageKind" });
    await insertColumns(client, "Post", [
      col(posts, "id", "text", (p) => p.id), col(posts, "programId", "text", () => BENCH_PROGRAM_ID), col(posts, "receivingOrgId", "text", () => refs.receivingId),
      col(posts, "title", "text", (p) => p.title), col(posts, "specialty", "text", (p) => p.specialty), col(posts, "headcount", "int", () => HEADCOUNT),
    ]);
    const a = (name: keyof (typeof applications)[number], sqlType = "text") => col(applications, name, sqlType, (r) => r[name]);
    await insertColumns(client, "Application", [
      a("id"), a("postId"), a("doctorId"), a("nominatingOrgId"), a("source"), a("status"), a("currentStage"), a("eligibilityVerdict"),
      a("exceptionReason"), a("rank", "int"), a("submittedAt", "timestamptz"), col(applications, "createdById", "text", () => refs.nominatorId),
      col(applications, "createdAt", "timestamptz", (r) => r.submittedAt), col(applications, "updatedAt", "timestamptz", () => now),
    ], { source: "ApplicationSource", status: "ApplicationStatus", currentStage: "StageKind", eligibilityVerdict: "EligibilityVerdict" });
    const d = (name: keyof (typeof decisions)[number], sqlType = "text") => col(decisions, name, sqlType, (r) => r[name]);
    await insertColumns(client, "StageDecision", [
      d("id"), d("applicationId"), d("stage"), d("outcome"), d("reason"), col(decisions, "decidedById", "text", () => refs.staffId), d("decidedAt", "timestamptz"),
    ], { stage: "StageKind", outcome: "DecisionOutcome" });

    return {
      analyze: ["Program", "ProgramStage", "Post", "Application", "StageDecision"],
      summary: (ms) =>
        `Generated programme ${BENCH_PROGRAM_NAME} (${BENCH_PROGRAM_ID}): ${posts.length} posts, ${applications.length} applications, ${decisions.length} stage decisions ` +
          `in ${(ms / 1000).toFixed(1)} s (building the rows in memory: ${(builtMs / 1000).toFixed(2)} s)`,
    };
  });
}

runAsScript(import.meta.url, "the applications", ({ force }) => generateApplications(benchDatabaseUrl(), { force }));
