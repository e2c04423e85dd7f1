// What the allowance tests share: the demo seed, the scopes of its accounts and of finance officers
// made for the tests (another bureau's, a hospital's), and dispatches inserted directly (setting the
// scene: the dispatch use cases are the notice helper's) with their schedule generated as dispatch
// creation does.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { composeIdNumber } from "@/lib/domain/id-number";
import { lastDayOfService, dayDate } from "@/lib/domain/service-period";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DispatchStatus, Role } from "@/lib/generated/prisma/enums";
import { regenerateSchedule } from "@/lib/server/allowance-schedule";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./db";

/** The tests' "now": 3 Dec 2026, 10:00 in Beijing. */
export const NOW = new Date("2026-12-03T02:00:00Z");

export const WZ_PROGRAM = "万州区2023年度卫生人才“县聘乡用”";
export const SX_PROGRAM = "绍兴市第八批援疆医生选派";

const EXTRA = [
  { username: "sx-finance", role: "FINANCE_OFFICER", org: "浙江省绍兴市卫生健康委员会" },
  { username: "sxrm-finance", role: "FINANCE_OFFICER", org: "绍兴市人民医院" },
  { username: "wz-staff", role: "BUREAU_STAFF", org: "重庆市万州区卫生健康委员会" },
] as const satisfies readonly { username: string; role: Role; org: string }[];

export const USERNAMES = ["admin", "staff", "auditor", "nominator", "receiver", "doctor", "wz-admin", "wz-receiver", "wz-doctor", "finance", ...EXTRA.map((e) => e.username)] as const;
export type Username = (typeof USERNAMES)[number];

export interface AllowanceWorld {
  db: TestDatabase;
  s: Record<Username, Scope>;
  org: (name: string) => string;
  program: (name: string) => string;
  userId: (username: Username) => string;
}

/** A fresh database with the demo seed and the test's extra accounts, for the test file. */
export function allowanceWorld(): AllowanceWorld {
  const w = {} as AllowanceWorld;
  beforeAll(async () => {
    w.db = await createTestDatabase();
    const prisma = w.db.prisma;
    await seedDemoData(prisma);
    const orgs = await prisma.organization.findMany({ select: { id: true, name: true } });
    w.org = (name) => orgs.find((o) => o.name === name)?.id ?? fail(`organisation ${name}`);
    for (const e of EXTRA) {
      await prisma.user.create({ data: { username: e.username, displayName: e.username, role: e.role, organizationId: w.org(e.org), passwordHash: "x", mustChangePassword: false } });
    }
    const programs = await prisma.program.findMany({ select: { id: true, name: true } });
    w.program = (name) => programs.find((p) => p.name === name)?.id ?? fail(`programme ${name}`);
    const users = await prisma.user.findMany({ where: { username: { in: [...USERNAMES] } } });
    w.userId = (username) => users.find((u) => u.username === username)?.id ?? fail(`user ${username}`);
    w.s = {} as Record<Username, Scope>;
    for (const u of users) w.s[u.username as Username] = await buildScope(prisma, u);
  });
  afterAll(async () => {
    await w.db?.drop();
  });
  return w;
}

function fail(what: string): never {
  throw new Error(`demo data has no ${what}`);
}

export interface DispatchSpec {
  programId: string;
  receivingOrgId: string;
  employerId: string;
  startDate: string;
  months?: number;
  lastDay?: string;
  status?: DispatchStatus;
  doctorName?: string;
  createdById: string;
}

/** A doctor, an approved application and a dispatch, inserted directly; the schedule generated as dispatch creation does. */
export async function makeDispatch(prisma: PrismaClient, spec: DispatchSpec): Promise<{ dispatchId: string; doctorId: string }> {
  const months = spec.months ?? 12;
  const planned = lastDayOfService(spec.startDate, months);
  let doctorId = "";
  for (;;) {
    const idNumber = composeIdNumber("500101", "1988-03-03", randomInt(10, 990));
    if (await prisma.doctor.count({ where: { idNumber } })) continue;
    doctorId = (
      await prisma.doctor.create({
        data: { name: spec.doctorName ?? "测试医生", sex: "FEMALE", ethnicity: "汉族", birthDate: new Date("1988-03-03T00:00:00Z"), idNumber, education: "BACHELOR", employerId: spec.employerId, department: "全科", specialty: "全科医学" },
        select: { id: true },
      })
    ).id;
    break;
  }
  const post = await prisma.post.create({ data: { programId: spec.programId, receivingOrgId: spec.receivingOrgId, title: "测试岗位", specialty: "全科医学", headcount: 1, rotationBatch: 1 }, select: { id: true } });
  const application = await prisma.application.create({
    data: { postId: post.id, doctorId, nominatingOrgId: spec.employerId, source: "UNIT", status: "APPROVED", currentStage: "APPROVAL", createdById: spec.createdById },
    select: { id: true },
  });
  const dispatchId = await prisma.$transaction(async (tx) => {
    const dispatch = await tx.dispatch.create({
      data: {
        programId: spec.programId,
        postId: post.id,
        applicationId: application.id,
        doctorId,
        receivingOrgId: spec.receivingOrgId,
        rotationBatch: 1,
        startDate: dayDate(spec.startDate),
        serviceMonths: months,
        plannedLastDay: dayDate(planned),
        lastDay: dayDate(spec.lastDay ?? planned),
        status: spec.status ?? "ACTIVE",
        createdById: spec.createdById,
      },
      select: { id: true },
    });
    await regenerateSchedule(tx, dispatch.id, null, "created", NOW);
    return dispatch.id;
  });
  return { dispatchId, doctorId };
}
