// The demo's annual assessment in progress (seed 001): the Wanzhou cohort of prisma/seed/service-
// cohort.ts assessed for the year most of it served (this year from July on, last year before), with
// seed 001's default scheme (60:30:10, 15 % 优秀). The bureau (wz-admin) has submitted its scores for
// every assessed doctor but one, which is a draft; 分水镇中心卫生院 (wz-receiver) has submitted two of
// its three doctors and saved a draft for the third. The other centres and the dispatching units have
// not scored yet, so nothing can be graded: the assessment is where a bureau would be in mid-December.
//
// The parties need accounts: the seed adds one supervisor for each of the other four centres and one
// nominator for each of the three dispatching hospitals (password DEMO_PASSWORD), so the assessment can
// be played to the end in the browser.
//
// Loaded through the product's use cases (openAssessment, saveScore), so every row carries its audit
// row. Idempotent: nothing is done when the assessment exists.
import { hashPassword } from "../../lib/auth/password";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { shanghaiDay } from "../../lib/domain/dispatch";
import { openAssessment, saveScore } from "../../lib/server/evaluations";
import { buildScope } from "../../lib/server/organization-tree";
import { COHORT_BUREAU } from "./service-cohort";

/** The year assessed: this one once half of it has passed, else the last. */
export function assessedYear(today: string): number {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m >= 7 ? y : y - 1;
}

/** Points per aspect (履职情况, 工作作风, 出勤情况, 工作量, 工作业绩), a doctor's by their place in the list. */
const BUREAU_POINTS = [
  [19, 18.5, 19, 18, 19],
  [18, 18, 18.5, 17, 18],
  [17.5, 18, 19, 16.5, 17],
  [18.5, 19, 19.5, 19, 18.5],
  [16, 17, 18, 15.5, 16],
  [17, 17.5, 18, 17, 17.5],
  [18, 18.5, 19, 18, 18],
  [15, 16, 17, 15, 15.5],
];
const RECEIVING_POINTS = [
  [19.5, 19, 19.5, 19, 19.5],
  [18, 18.5, 19, 17.5, 18],
  [18.5, 18, 19, 18, 18.5],
];

/** The parties' accounts the base seed lacks: username, role, organisation, name. */
export const PARTY_ACCOUNTS = [
  { username: "wz-receiver-lj", role: "RECEIVING_SUPERVISOR", org: "重庆市万州区龙驹镇中心卫生院", displayName: "邓永红" },
  { username: "wz-receiver-tl", role: "RECEIVING_SUPERVISOR", org: "重庆市万州区太龙镇卫生院", displayName: "熊开兵" },
  { username: "wz-receiver-wl", role: "RECEIVING_SUPERVISOR", org: "重庆市万州区武陵镇中心卫生院", displayName: "黄丽" },
  { username: "wz-receiver-gn", role: "RECEIVING_SUPERVISOR", org: "重庆市万州区甘宁镇卫生院", displayName: "谢明权" },
  { username: "wz-nominator-rm", role: "HOSPITAL_NOMINATOR", org: "重庆市万州区人民医院", displayName: "向晓琴" },
  { username: "wz-nominator-yy", role: "HOSPITAL_NOMINATOR", org: "重庆市万州区第一人民医院", displayName: "牟春梅" },
  { username: "wz-nominator-zy", role: "HOSPITAL_NOMINATOR", org: "重庆市万州区中医院", displayName: "陈国栋" },
] as const;

async function seedPartyAccounts(prisma: PrismaClient, password: string): Promise<void> {
  const present = new Set((await prisma.user.findMany({ where: { username: { in: PARTY_ACCOUNTS.map((a) => a.username) } }, select: { username: true } })).map((u) => u.username));
  const missing = PARTY_ACCOUNTS.filter((a) => !present.has(a.username));
  if (!missing.length) return;
  const orgs = await prisma.organization.findMany({ where: { name: { in: missing.map((a) => a.org) } }, select: { id: true, name: true } });
  const passwordHash = await hashPassword(password);
  await prisma.user.createMany({
    data: missing.flatMap((a) => {
      const org = orgs.find((o) => o.name === a.org);
      return org ? [{ username: a.username, displayName: a.displayName, role: a.role, organizationId: org.id, passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), locale: "zh-CN" }] : [];
    }),
    skipDuplicates: true,
  });
}

export async function seedServiceEvaluations(prisma: PrismaClient, password: string, now = new Date()): Promise<number> {
  const bureau = await prisma.organization.findUnique({ where: { name: COHORT_BUREAU }, select: { id: true } });
  const admin = await prisma.user.findUnique({ where: { username: "wz-admin" }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  const receiver = await prisma.user.findUnique({ where: { username: "wz-receiver" }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  if (!bureau || !admin || !receiver) return 0;
  const program = await prisma.program.findFirst({ where: { bureauId: bureau.id, dispatches: { some: {} } }, select: { id: true }, orderBy: { createdAt: "desc" } });
  if (!program) return 0;
  const year = assessedYear(shanghaiDay(now));
  if (await prisma.assessment.count({ where: { programId: program.id, year } })) return 0;
  await seedPartyAccounts(prisma, password);

  const adminScope = await buildScope(prisma, admin);
  const receiverScope = await buildScope(prisma, receiver);
  const opened = await openAssessment(prisma, adminScope, { programId: program.id, year });
  const subjects = await prisma.assessmentSubject.findMany({
    where: { assessmentId: opened.id, assessed: true },
    select: { id: true, receivingOrgId: true, doctor: { select: { name: true } } },
    orderBy: { doctor: { idNumber: "asc" } },
  });
  let rows = 0;
  for (const [i, s] of subjects.entries()) {
    const points = BUREAU_POINTS[i % BUREAU_POINTS.length]!;
    await saveScore(prisma, adminScope, { subjectId: s.id, party: "BUREAU", points, submit: i !== subjects.length - 1 });
    rows += 1;
  }
  const mine = subjects.filter((s) => s.receivingOrgId === receiver.organizationId);
  for (const [i, s] of mine.entries()) {
    const points = RECEIVING_POINTS[i % RECEIVING_POINTS.length]!;
    await saveScore(prisma, receiverScope, { subjectId: s.id, party: "RECEIVING_UNIT", points, submit: i < mine.length - 1 });
    rows += 1;
  }
  return rows;
}
