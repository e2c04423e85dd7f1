// The demo's annual assessment in progress (seed 001): the Wanzhou cohort of prisma/seed/service-
// cohort.ts assessed for the year most of it served (this year from July on, last year before), with
// seed 001's default scheme (60:30:10, 15 % 优秀). The bureau (wz-admin) has submitted its scores for
// every assessed doctor but one, which is a draft; 分水镇中心卫生院 (wz-receiver) has submitted two of
// its three doctors and saved a draft for the third. The other centres and the dispatching units have
// not scored yet, so nothing can be graded: the assessment is where a bureau would be in mid-December.
//
// Loaded through the product's use cases (openAssessment, saveScore), so every row carries its audit
// row. Idempotent: nothing is done when the assessment exists.
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

export async function seedServiceEvaluations(prisma: PrismaClient, now = new Date()): Promise<number> {
  const bureau = await prisma.organization.findUnique({ where: { name: COHORT_BUREAU }, select: { id: true } });
  const admin = await prisma.user.findUnique({ where: { username: "wz-admin" }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  const receiver = await prisma.user.findUnique({ where: { username: "wz-receiver" }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  if (!bureau || !admin || !receiver) return 0;
  const program = await prisma.program.findFirst({ where: { bureauId: bureau.id, dispatches: { some: {} } }, select: { id: true }, orderBy: { createdAt: "desc" } });
  if (!program) return 0;
  const year = assessedYear(shanghaiDay(now));
  if (await prisma.assessment.count({ where: { programId: program.id, year } })) return 0;

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
