// A province-sized registry for the benchmark: 800 organisations under Shaoxing's bureaus and 50 000
// doctors (~2 titles each, grassroots service for a quarter, a few percent missing data), on top of the
// demo seed, in the database BENCH_DATABASE_URL names (default: secondment_bench on 127.0.0.1:5432).
//
//   npm run bench:generate              (skips if the registry is already there)
//   npm run bench:generate -- --force   (deletes the generated rows and writes them again)
//
// Written through bare `pg` in one transaction: one INSERT … SELECT FROM unnest($1::text[], …) per
// 5 000 rows, so the whole registry is a few dozen statements.
import { benchDatabaseUrl, prepareBenchDatabase } from "./lib/bench-db";
import { column, generateInTransaction, insertColumns, runAsScript, type Column } from "./lib/bulk-insert";
import { buildDoctors, buildOrganizations, CODE_PREFIX, DOCTOR_COUNT, ORG_COUNT } from "./lib/registry-data";

export async function generateRegistry(url: string, { force = false } = {}): Promise<void> {
  await prepareBenchDatabase(url);
  await generateInTransaction(url, async (client) => {
    const { rows: [present] } = await client.query<{ orgs: number; doctors: number }>(
      `SELECT (SELECT count(*)::int FROM "Organization" WHERE code LIKE $1) AS orgs,
              (SELECT count(*)::int FROM "Doctor" d JOIN "Organization" o ON o.id = d."employerId" WHERE o.code LIKE $1) AS doctors`,
      [`${CODE_PREFIX}%`],
    );
    if (present!.orgs === ORG_COUNT && present!.doctors === DOCTOR_COUNT && !force) {
      console.log(`The registry is already there (${ORG_COUNT} organisations, ${DOCTOR_COUNT} doctors): nothing to do (--force to redo).`);
      return null;
    }
    if (present!.orgs || present!.doctors) {
      // Titles and grassroots records go with their doctor (ON DELETE CASCADE).
      await client.query(`DELETE FROM "Doctor" WHERE "employerId" IN (SELECT id FROM "Organization" WHERE code LIKE $1)`, [`${CODE_PREFIX}%`]);
      await client.query(`DELETE FROM "Organization" WHERE code LIKE $1`, [`${CODE_PREFIX}%`]);
    }

    const orgs = buildOrganizations();
    const { rows: bureaus } = await client.query<{ id: string; name: string }>(
      `SELECT id, name FROM "Organization" WHERE name = ANY($1)`, [[...new Set(orgs.map((o) => o.parentName))]],
    );
    const bureauId = new Map(bureaus.map((b) => [b.name, b.id]));
    const missing = orgs.find((o) => !bureauId.has(o.parentName));
    if (missing) throw new Error(`bureau ${missing.parentName} is not in the database: is the demo seed there?`);
    const { rows: taken } = await client.query<{ idNumber: string }>(`SELECT "idNumber" FROM "Doctor"`);
    const built = performance.now();
    const { doctors, titles, services } = buildDoctors(orgs, new Set(taken.map((t) => t.idNumber)));
    const builtMs = performance.now() - built;

    const now = new Date().toISOString();
    const col = column;
    await insertColumns(client, "Organization", [
      col(orgs, "id", "text", (o) => o.id), col(orgs, "name", "text", (o) => o.name), col(orgs, "code", "text", (o) => o.code),
      col(orgs, "kind", "text", (o) => o.kind), col(orgs, "level", "text", (o) => o.level), col(orgs, "grade", "text", (o) => o.grade),
      col(orgs, "region", "text", (o) => o.region), col(orgs, "parentId", "text", (o) => bureauId.get(o.parentName)),
      col(orgs, "updatedAt", "timestamptz", () => now),
    ], { kind: "OrganizationKind", level: "OrganizationLevel", grade: "HospitalGrade" });

    const d = (name: keyof (typeof doctors)[number], sqlType = "text"): Column => col(doctors, name, sqlType, (r) => r[name]);
    await insertColumns(client, "Doctor", [
      d("id"), d("name"), d("sex"), d("ethnicity"), d("birthDate", "date"), d("idNumber"), d("education"), d("degree"), d("major"),
      d("employerId"), d("department"), d("specialty"), d("practisingCategory"), d("positionRank"), d("positionTitle"),
      d("hireDate", "date"), d("phone"), col(doctors, "updatedAt", "timestamptz", () => now),
    ], { sex: "Sex", education: "Education", practisingCategory: "PractisingCategory", positionRank: "PositionRank" });

    const t = (name: keyof (typeof titles)[number], sqlType = "text"): Column => col(titles, name, sqlType, (r) => r[name]);
    await insertColumns(client, "TitleRecord", [t("id"), t("doctorId"), t("level"), t("name"), t("specialty"), t("obtainedOn", "date")], { level: "TitleLevel" });

    const s = (name: keyof (typeof services)[number], sqlType = "text"): Column => col(services, name, sqlType, (r) => r[name]);
    await insertColumns(client, "GrassrootsServiceRecord", [s("id"), s("doctorId"), s("organizationName"), s("startDate", "date"), s("endDate", "date"), s("isFullTime", "bool")]);

    return {
      analyze: ["Organization", "Doctor", "TitleRecord", "GrassrootsServiceRecord"],
      summary: (ms) =>
        `Generated ${orgs.length} organisations, ${doctors.length} doctors, ${titles.length} titles, ${services.length} grassroots records ` +
          `in ${(ms / 1000).toFixed(1)} s (building the rows in memory: ${(builtMs / 1000).toFixed(1)} s)`,
    };
  });
}

runAsScript(import.meta.url, "the registry", ({ force }) => generateRegistry(benchDatabaseUrl(), { force }));
