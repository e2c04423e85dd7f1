// The demo data (prisma/seed.ts) on a real, freshly migrated database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidIdNumber, birthDateFromIdNumber } from "@/lib/domain/id-number";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, seedDemoData, type SeedResult } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

const ROLES = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR", "FINANCE_OFFICER"] as const;

let db: TestDatabase;
let first: SeedResult;

/** Row count of every table of the schema, `_prisma_migrations` included. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await db.prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table_name.replaceAll('"', '""')}"`);
    counts[table_name] = Number(row!.n);
  }
  return counts;
}

beforeAll(async () => {
  db = await createTestDatabase();
  first = await seedDemoData(db.prisma);
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

describe("seedDemoData on a fresh database", () => {
  it("reports that it created the data and lists the demo accounts", () => {
    expect(first.created).toBe(true);
    expect(first.accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(["admin", "staff", "nominator", "nominator2", "receiver", "doctor", "auditor", "wz-admin", "finance"]),
    );
    expect(first.accounts.find((a) => a.username === "admin")).toMatchObject({ role: "BUREAU_ADMIN", organization: "浙江省绍兴市卫生健康委员会", displayName: "徐彤" });
  });

  it("creates the Xinjiang programme with 14 posts' worth of headcount, 7 per rotation batch", async () => {
    const program = await db.prisma.program.findFirstOrThrow({
      where: { name: "绍兴市第八批援疆医生选派" },
      include: { posts: { include: { receivingOrg: true } }, stages: true, cutoffDates: true, eligibilityRules: true, bureau: true },
    });
    expect(program).toMatchObject({ kind: "LONG_TERM_AID", year: 2013, batchNumber: 8, status: "OPEN", serviceMonths: 18, rotationBatches: 2 });
    expect(program.bureau.name).toBe("浙江省绍兴市卫生健康委员会");
    expect(program.posts.reduce((sum, p) => sum + p.headcount, 0)).toBe(14);
    for (const batch of [1, 2]) expect(program.posts.filter((p) => p.rotationBatch === batch).reduce((s, p) => s + p.headcount, 0)).toBe(7);
    expect(program.posts.filter((p) => p.title === "副院长").every((p) => p.specialty === "泌尿外科")).toBe(true);
    expect(new Set(program.posts.map((p) => p.receivingOrg.name))).toEqual(new Set(["阿瓦提县人民医院"]));
    expect(new Set(program.posts.map((p) => p.specialty))).toEqual(new Set(["泌尿外科", "口腔科", "眼科", "耳鼻喉科", "重症监护科", "麻醉科", "新生儿科"]));

    // Asia/Shanghai wall-clock times stored as instants: nominations close 11 Nov 12:00 (= 04:00 UTC).
    const registration = program.stages.find((s) => s.kind === "REGISTRATION")!;
    expect(registration.opensAt.toISOString()).toBe("2013-11-07T16:00:00.000Z");
    expect(registration.closesAt.toISOString()).toBe("2013-11-11T04:00:00.000Z");
    expect(program.stages.find((s) => s.kind === "INSPECTION_SHORTLIST")?.ratio).toBe(3);
    expect(program.stages.find((s) => s.kind === "REPORT_LIST")?.ratio).toBe(2);
    expect(program.stages).toHaveLength(7);
    expect(Object.fromEntries(program.cutoffDates.map((c) => [c.code, c.date.toISOString().slice(0, 10)]))).toEqual({
      AGE: "2013-12-31",
      TITLE_TENURE: "2013-10-31",
    });

    // One programme-wide rule plus one per post, all rule trees of the agreed shape.
    expect(program.eligibilityRules.filter((r) => r.postId === null)).toHaveLength(1);
    expect(program.eligibilityRules.filter((r) => r.postId !== null)).toHaveLength(14);
    for (const rule of program.eligibilityRules) expect(["ALL", "ANY", "NOT", "leaf"]).toContain((rule.tree as { op: string }).op);
    expect(await db.prisma.nominationQuota.count({ where: { programId: program.id } })).toBeGreaterThan(0);
  });

  it("creates the Wanzhou programme at township centres", async () => {
    const program = await db.prisma.program.findFirstOrThrow({
      where: { kind: "COUNTY_HIRE_TOWNSHIP_USE" },
      include: { posts: { include: { receivingOrg: true } }, bureau: true, eligibilityRules: true },
    });
    expect(program.bureau.name).toBe("重庆市万州区卫生健康委员会");
    expect(program.serviceMonths).toBe(12);
    expect(program.posts.length).toBeGreaterThanOrEqual(3);
    expect(program.posts.every((p) => p.receivingOrg.kind === "TOWNSHIP_CENTRE" && p.receivingOrg.level === "TOWNSHIP")).toBe(true);
    expect(program.eligibilityRules).toHaveLength(1);
  });

  it("creates at least 60 doctors, every ID number valid and matching the birth date and sex", async () => {
    const doctors = await db.prisma.doctor.findMany({ include: { employer: true, titles: true } });
    expect(doctors.length).toBeGreaterThanOrEqual(60);
    expect(doctors.filter((d) => d.employer.region.startsWith("浙江省绍兴市")).length).toBeGreaterThanOrEqual(60);
    // Hong Kong/Macao and Taiwan permits and a passport: recorded with the birth date entered by hand.
    expect(doctors.filter((d) => d.idType !== "MAINLAND_ID").map((d) => [d.idType, d.name]).sort()).toEqual([
      ["HK_MACAO_PERMIT", "陈家豪"],
      ["PASSPORT", "安娜·施密特"],
      ["TAIWAN_PERMIT", "林怡君"],
    ]);
    expect(doctors.find((d) => d.name === "安娜·施密特")).toMatchObject({ positionRank: null, birthDate: new Date("1979-02-11T00:00:00.000Z") });
    for (const d of doctors.filter((doctor) => doctor.idType === "MAINLAND_ID")) {
      expect(isValidIdNumber(d.idNumber), `${d.name} ${d.idNumber}`).toBe(true);
      expect(birthDateFromIdNumber(d.idNumber)?.toISOString()).toBe(d.birthDate.toISOString());
      expect(Number(d.idNumber[16]) % 2 === 1 ? "MALE" : "FEMALE").toBe(d.sex);
      if (d.phone) expect(d.phone).toMatch(/^1[358]\d{9}$/);
    }
    // every Xinjiang specialty is covered, with several urologists
    for (const s of ["口腔科", "眼科", "耳鼻喉科", "重症监护科", "麻醉科", "新生儿科"]) expect(doctors.filter((d) => d.specialty === s).length).toBeGreaterThanOrEqual(3);
    expect(doctors.filter((d) => d.specialty === "泌尿外科").length).toBeGreaterThanOrEqual(5);
    // the deliberate edge cases are there
    const byName = (name: string) => doctors.find((d) => d.name === name)!;
    expect(byName("胡建国").birthDate.toISOString().slice(0, 10)).toBe("1958-12-31"); // 55 on the cut-off
    expect(byName("孙立新").birthDate.toISOString().slice(0, 10)).toBe("1957-12-31"); // 56 on the cut-off
    expect(byName("谢国良").titles.find((t) => t.level === "INTERMEDIATE")?.obtainedOn.toISOString().slice(0, 10)).toBe("2011-10-31");
    expect(byName("裘伟军").titles.find((t) => t.level === "INTERMEDIATE")?.obtainedOn.toISOString().slice(0, 10)).toBe("2011-11-01");
    expect(byName("骆勇").education).toBe("TECHNICAL_SECONDARY");
    expect(doctors.filter((d) => d.titles.length === 0).length).toBeGreaterThanOrEqual(2);
  });

  it("creates one account per role, all usable at once with the demo password", async () => {
    const users = await db.prisma.user.findMany({ include: { organization: true, doctor: { include: { employer: true } } } });
    for (const role of ROLES) expect(users.filter((u) => u.role === role).length, role).toBeGreaterThanOrEqual(1);
    expect(users.every((u) => !u.mustChangePassword && u.locale === "zh-CN" && u.isActive)).toBe(true);
    const doctorUser = users.find((u) => u.username === "doctor")!;
    expect(doctorUser.doctor?.specialty).toBe("眼科");
    expect(doctorUser.doctor?.employer.name).toBe("绍兴市人民医院");
    expect(users.find((u) => u.username === "receiver")?.organization.name).toBe("阿瓦提县人民医院");
    expect(users.find((u) => u.username === "wz-admin")?.organization.name).toBe("重庆市万州区卫生健康委员会");
    // the shared hash was computed once
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong-password", users[0]!.passwordHash)).toBe(false);
  });

  it("writes one seed.demo audit row", async () => {
    const rows = await db.prisma.auditLog.findMany({ where: { action: "seed.demo" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.entity).toBe("System");
  });

  it("changes nothing when run a second time", async () => {
    const before = await rowCounts();
    const stamps = await db.prisma.user.findMany({ select: { username: true, updatedAt: true, passwordHash: true }, orderBy: { username: "asc" } });
    const second = await seedDemoData(db.prisma);
    expect(second.created).toBe(false);
    expect(second.accounts).toEqual(first.accounts);
    expect(await rowCounts()).toEqual(before);
    expect(await db.prisma.user.findMany({ select: { username: true, updatedAt: true, passwordHash: true }, orderBy: { username: "asc" } })).toEqual(stamps);
  });

  it("fills in only what is missing", async () => {
    const before = await rowCounts();
    await db.prisma.user.delete({ where: { username: "auditor" } });
    const post = await db.prisma.post.findFirstOrThrow({ where: { title: "眼科医生", rotationBatch: 2 } });
    await db.prisma.nominationQuota.deleteMany({ where: { postId: post.id } });
    const again = await seedDemoData(db.prisma);
    expect(again.created).toBe(true);
    const after = await rowCounts();
    expect({ ...after, AuditLog: 0 }).toEqual({ ...before, AuditLog: 0 });
    expect(after.AuditLog).toBe(before.AuditLog! + 1);
  });
});

describe("the demo round carried through notice and confirmation to dispatch (prisma/seed/round-notice.ts)", () => {
  it("shows a notice with an answered objection, a confirmed list with its SHA-256, and dispatches made from it", async () => {
    const { seedDemoRound } = await import("@/prisma/seed/round");
    const { seedDemoRoundClosing } = await import("@/prisma/seed/round-notice");
    const { createHash } = await import("node:crypto");
    await seedDemoRound(db.prisma);
    expect(await seedDemoRoundClosing(db.prisma)).toBe(2);
    const program = await db.prisma.program.findFirstOrThrow({ where: { name: "绍兴市第八批援疆医生选派" } });
    const notice = await db.prisma.publicNotice.findFirstOrThrow({ where: { programId: program.id, rotationBatch: 1 } });
    expect(notice.startDate.toISOString().slice(0, 10)).toBe("2013-12-23");
    expect(notice.endDate.toISOString().slice(0, 10)).toBe("2013-12-27");
    const objection = await db.prisma.noticeObjection.findFirstOrThrow({ where: { noticeId: notice.id }, include: { answer: true } });
    expect(objection.answer?.answer).toContain("异议不成立");
    const version = await db.prisma.frozenListVersion.findFirstOrThrow({ where: { programId: program.id, rotationBatch: 1 } });
    expect(version.version).toBe(1);
    expect(createHash("sha256").update(version.content, "utf8").digest("hex")).toBe(version.contentHash);
    expect(JSON.parse(version.content).entries.map((e: { doctor: string }) => e.doctor).sort()).toEqual(["俞丽萍", "楼志刚"].sort());
    const dispatches = await db.prisma.dispatch.findMany({ where: { programId: program.id }, select: { applicationId: true, status: true, startDate: true, lastDay: true } });
    expect(dispatches).toHaveLength(2);
    expect(dispatches.every((d) => (version.applicationIds as string[]).includes(d.applicationId) && d.status === "COMPLETED")).toBe(true);
    expect(dispatches[0]!.lastDay.toISOString().slice(0, 10)).toBe("2015-08-14");
    // The round's papers (issue 15): 沈燕 sent none, 方芳 passed the review on a written exception for her
    // missing 报名表, and 方芳 and 宣海峰 wait at a stage whose papers are not in yet.
    const papers = async (name: string) => (await db.prisma.attachment.findMany({ where: { application: { doctor: { name }, post: { programId: program.id } } }, select: { kind: true } })).map((a) => a.kind).sort();
    expect(await papers("沈燕")).toEqual([]);
    expect(await papers("方芳")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT"]);
    expect(await papers("楼志刚")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "INSPECTION_MATERIAL", "PHYSICAL_EXAM", "REGISTRATION_FORM"]);
    const excepted = await db.prisma.stageDecision.findMany({ where: { documentException: { not: null }, application: { post: { programId: program.id } } }, select: { waivedDocuments: true, application: { select: { doctor: { select: { name: true } } } } } });
    expect(excepted.map((d) => [d.application.doctor.name, d.waivedDocuments])).toEqual([["方芳", ["REGISTRATION_FORM"]]]);
    // The 眼科 post is left to the e2e round; run again, nothing more.
    expect(await db.prisma.application.count({ where: { post: { programId: program.id, title: "眼科医生" } } })).toBe(0);
    expect(await seedDemoRoundClosing(db.prisma)).toBe(0);
  }, 90_000); // the round goes through the use cases, 25 document uploads included (issue 15)
});
