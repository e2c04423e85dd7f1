// The migration runner (prisma/migrate.ts) and the guards the init migration adds beyond Prisma:
// history kept as `prisma migrate deploy` keeps it, refusal of an edited or failed history, full
// rollback of a failing migration, append-only tables, CHECK constraints.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/prisma/migrate";
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from "./setup/db";
import { withClient } from "./setup/global-setup";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const INIT = "20261123000000_init";
const isEmbedded = inject("testDatabase").mode === "embedded";

const opened: TestDatabase[] = [];
async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createEmptyDatabase();
  opened.push(db);
  return db;
}
async function migratedDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.drop()));
});

async function rows<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query<T>(sql, params)).rows);
}

interface HistoryRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}
const history = (url: string) => rows<HistoryRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
const tablesOf = async (url: string) =>
  (await rows<{ name: string }>(url, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`)).map((r) => r.name);

/** The migration folders, found independently of the runner. */
async function migrationNames(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql"))).map((e) => e.name).sort();
}

describe("applyMigrations", () => {
  it("applies every migration to an empty database, and nothing the second time", async () => {
    const db = await emptyDatabase();
    const names = await migrationNames();
    expect(names).toContain(INIT);

    expect((await applyMigrations(db.url)).applied).toEqual(names);
    expect((await applyMigrations(db.url)).applied).toEqual([]);
    expect(await tablesOf(db.url)).toContain("Program");
  });

  it("records each migration as prisma migrate deploy does", async () => {
    const db = await migratedDatabase(); // the template was migrated by the runner
    const names = await migrationNames();
    const recorded = await history(db.url);
    expect(recorded.map((r) => r.migration_name)).toEqual(names);
    for (const row of recorded) {
      const bytes = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("refuses to run when an applied migration's file was edited", async () => {
    const db = await migratedDatabase();
    await rows(db.url, `UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, ["0".repeat(64), INIT]);
    await expect(applyMigrations(db.url)).rejects.toThrow(
      `Migration ${INIT} was modified after it was applied (checksum in the database ${"0".repeat(64)}`,
    );
  });

  it("refuses to run while a previous migration is recorded as started but not finished", async () => {
    const db = await migratedDatabase();
    await rows(db.url, `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
      randomUUID(),
      "f".repeat(64),
      "20261124000000_half_done",
    ]);
    await expect(applyMigrations(db.url)).rejects.toThrow("Migration 20261124000000_half_done started but did not finish");
  });

  describe("with a migration that fails", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });
    async function write(name: string, sql: string) {
      await mkdir(path.join(dir, name), { recursive: true });
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    }

    it("rolls it back entirely, keeps the ones before it, and applies it once fixed", async () => {
      await write("20260101000000_first", `CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY);\n`);
      await write(
        "20260102000000_second",
        `CREATE TABLE "Half" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "First" VALUES (1);\nINSERT INTO "Missing" VALUES (1);\n`,
      );
      await mkdir(path.join(dir, "not-a-migration")); // a folder without migration.sql is ignored
      const db = await emptyDatabase();

      await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
        /Migration 20260102000000_second failed and was rolled back \(nothing was applied\): relation "Missing" does not exist/,
      );
      expect(await tablesOf(db.url)).toEqual(["First", "_prisma_migrations"]); // no "Half"
      expect(await rows(db.url, `SELECT * FROM "First"`)).toEqual([]); // its INSERT is gone too
      const recorded = await history(db.url);
      expect(recorded.map((r) => [r.migration_name, r.finished_at !== null])).toEqual([["20260101000000_first", true]]);

      await write("20260102000000_second", `CREATE TABLE "Half" ("id" INTEGER NOT NULL PRIMARY KEY);\n`);
      expect((await applyMigrations(db.url, { migrationsDir: dir })).applied).toEqual(["20260102000000_second"]);
      expect(await tablesOf(db.url)).toEqual(["First", "Half", "_prisma_migrations"]);
    });
  });

  it.skipIf(isEmbedded)("lets only one of two simultaneous runs apply (advisory lock)", async () => {
    const db = await emptyDatabase();
    const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(await migrationNames());
    expect(await history(db.url)).toHaveLength((await migrationNames()).length);
  });
});

describe("guards of the init migration", () => {
  let db: TestDatabase;
  let ids: Awaited<ReturnType<typeof seedMinimal>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    ids = await seedMinimal(db);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("StageDecision is append-only: UPDATE and DELETE are refused, a correction is a new row", async () => {
    const { prisma } = db;
    await expect(prisma.stageDecision.update({ where: { id: ids.decisionId }, data: { outcome: "FAIL" } })).rejects.toThrow(
      "StageDecision is append-only: UPDATE is not allowed",
    );
    await expect(prisma.stageDecision.delete({ where: { id: ids.decisionId } })).rejects.toThrow(
      "StageDecision is append-only: DELETE is not allowed",
    );
    await prisma.stageDecision.create({
      data: { applicationId: ids.applicationId, stage: "REGISTRATION", outcome: "FAIL", reason: "更正", decidedById: ids.userId },
    });
    expect((await prisma.stageDecision.findUniqueOrThrow({ where: { id: ids.decisionId } })).outcome).toBe("PASS");
    expect(await prisma.stageDecision.count()).toBe(2);
  });

  it("AuditLog is append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const { prisma } = db;
    await expect(prisma.auditLog.updateMany({ data: { action: "forged" } })).rejects.toThrow("AuditLog is append-only: UPDATE is not allowed");
    await expect(prisma.auditLog.deleteMany()).rejects.toThrow("AuditLog is append-only: DELETE is not allowed");
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow("AuditLog is append-only: TRUNCATE is not allowed");
    await prisma.auditLog.create({ data: { action: "stage.correct", entity: "StageDecision" } });
    expect((await prisma.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["stage.decide", "stage.correct"]);
  });

  const stage = (opensAt: string, closesAt: string, ratio: number | null = null) => ({
    programId: ids.programId,
    kind: "INSPECTION" as const,
    sequence: 5,
    opensAt: new Date(opensAt),
    closesAt: new Date(closesAt),
    ratio,
  });
  const attachment = (extra: { content?: Uint8Array<ArrayBuffer>; storageKey?: string; sizeBytes?: number }) => ({
    doctorId: ids.doctorId,
    kind: "OTHER" as const,
    fileName: "a.pdf",
    contentType: "application/pdf",
    sizeBytes: 3,
    sha256: "0".repeat(64),
    uploadedById: ids.userId,
    ...extra,
  });
  const checks: Array<[string, () => Promise<unknown>]> = [
    ["Post_headcount_check", () => db.prisma.post.create({ data: { programId: ids.programId, receivingOrgId: ids.orgId, title: "眼科医生", specialty: "眼科", headcount: 0 } })],
    ["Program_serviceMonths_check", () => db.prisma.program.update({ where: { id: ids.programId }, data: { serviceMonths: 0 } })],
    ["Program_rotationBatches_check", () => db.prisma.program.update({ where: { id: ids.programId }, data: { rotationBatches: 0 } })],
    ["NominationQuota_minimum_check", () => db.prisma.nominationQuota.create({ data: { programId: ids.programId, postId: ids.postId, nominatingOrgId: ids.orgId, minimum: -1 } })],
    ["ProgramStage_closesAt_check", () => db.prisma.programStage.create({ data: stage("2026-11-11T04:00:00Z", "2026-11-11T04:00:00Z") })],
    ["ProgramStage_ratio_check", () => db.prisma.programStage.create({ data: stage("2026-11-01T00:00:00Z", "2026-11-11T04:00:00Z", 0) })],
    ["Application_rank_check", () => db.prisma.application.update({ where: { id: ids.applicationId }, data: { rank: 0 } })],
    ["User_failedLoginCount_check", () => db.prisma.user.update({ where: { id: ids.userId }, data: { failedLoginCount: -1 } })],
    ["Attachment_sizeBytes_check", () => db.prisma.attachment.create({ data: attachment({ storageKey: "k", sizeBytes: -1 }) })],
    ["Attachment_content_storageKey_check", () => db.prisma.attachment.create({ data: attachment({}) })],
    ["Attachment_content_storageKey_check", () => db.prisma.attachment.create({ data: attachment({ storageKey: "k", content: new Uint8Array([1, 2, 3]) }) })],
  ];
  it.each(checks)("%s refuses a bad row", async (constraint, write) => {
    await expect(write()).rejects.toThrow(constraint);
  });

  it("the same writes with valid values succeed (the checks refuse only what they should)", async () => {
    const { prisma } = db;
    await prisma.post.create({ data: { programId: ids.programId, receivingOrgId: ids.orgId, title: "麻醉科医生", specialty: "麻醉", headcount: 1 } });
    await prisma.programStage.create({ data: stage("2026-11-01T00:00:00Z", "2026-11-11T04:00:00Z", 3) });
    await prisma.application.update({ where: { id: ids.applicationId }, data: { rank: 1 } });
    await prisma.nominationQuota.create({ data: { programId: ids.programId, postId: ids.postId, nominatingOrgId: ids.orgId, minimum: 0 } });
    await prisma.attachment.create({ data: attachment({ content: new Uint8Array([1, 2, 3]) }) });
    await prisma.attachment.create({ data: attachment({ storageKey: "2026/11/a.pdf", sizeBytes: 0 }) });
    expect(await prisma.attachment.count()).toBe(2);
  });
});

/** The smallest set of rows a StageDecision needs. */
async function seedMinimal({ prisma }: TestDatabase) {
  const org = await prisma.organization.create({ data: { name: "市卫生健康委员会", kind: "BUREAU", level: "CITY", region: "浙江省杭州市" } });
  const user = await prisma.user.create({
    data: { username: "staff1", displayName: "经办人", role: "BUREAU_STAFF", organizationId: org.id, passwordHash: "not-a-hash" },
  });
  const doctor = await prisma.doctor.create({
    data: {
      name: "张三", sex: "MALE", ethnicity: "汉族", birthDate: new Date("1980-05-01"), idNumber: "330106198005010012",
      education: "BACHELOR", employerId: org.id, department: "眼科", specialty: "眼科",
    },
  });
  const program = await prisma.program.create({ data: { bureauId: org.id, kind: "LONG_TERM_AID", name: "援疆医疗队", year: 2026, serviceMonths: 18 } });
  const post = await prisma.post.create({ data: { programId: program.id, receivingOrgId: org.id, title: "眼科医生", specialty: "眼科", headcount: 2 } });
  const application = await prisma.application.create({
    data: { postId: post.id, doctorId: doctor.id, nominatingOrgId: org.id, source: "UNIT", createdById: user.id },
  });
  const decision = await prisma.stageDecision.create({
    data: { applicationId: application.id, stage: "REGISTRATION", outcome: "PASS", decidedById: user.id },
  });
  await prisma.auditLog.create({ data: { action: "stage.decide", entity: "StageDecision", entityId: decision.id, after: { outcome: "PASS" } } });
  return { orgId: org.id, userId: user.id, doctorId: doctor.id, programId: program.id, postId: post.id, applicationId: application.id, decisionId: decision.id };
}
