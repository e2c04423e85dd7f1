// The demo's end-of-service evaluation and rater link, through the product's use cases (so every
// step carries its audit row). Idempotent: nothing is done when the form exists.
//
// - Wanzhou (seed 001): 谭晓宇 (wz-doctor, 分水镇) — the bureau (wz-admin) has opened his 服务期满评价表
//   (the workload copied from his confirmed logs), he has written his summary and 重庆市万州区人民医院
//   (wz-nominator-rm) has given its opinion; the receiving unit's opinion, the procedure, the public
//   notice and the result are still to come, so the form can be played to its end in the browser.
// - Seed 003's six-party scheme on the 援疆 programme: the two appointees who served 2014 (prisma/seed/
//   round-notice.ts) are assessed for 2014, and staff made a rater link for a mentored doctor of one
//   of them. The token is shown only when a link is made, so the demo's link is listed (open) but not
//   printable; staff make a new one on the doctor's 评分链接 page to try /rate on a phone.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { openAssessment } from "../../lib/server/evaluations";
import { buildScope } from "../../lib/server/organization-tree";
import { createRaterLink } from "../../lib/server/rater-links";
import { openServiceEvaluation, saveServiceEvaluationSection } from "../../lib/server/service-evaluations";
import { shanghaiDay } from "../../lib/domain/dispatch";

async function scopeOf(prisma: PrismaClient, username: string) {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  return user ? buildScope(prisma, user) : null;
}

export async function seedServiceEndEvaluations(prisma: PrismaClient, now = new Date()): Promise<number> {
  let written = 0;
  const [bureau, doctor, nominator, staff] = await Promise.all([scopeOf(prisma, "wz-admin"), scopeOf(prisma, "wz-doctor"), scopeOf(prisma, "wz-nominator-rm"), scopeOf(prisma, "staff")]);
  const today = shanghaiDay(now);
  if (bureau && doctor?.user.doctorId && nominator) {
    const dispatch = await prisma.dispatch.findFirst({ where: { doctorId: doctor.user.doctorId, status: { in: ["ACTIVE", "COMPLETED"] } }, select: { id: true, serviceEvaluation: { select: { id: true } } }, orderBy: { startDate: "desc" } });
    if (dispatch && !dispatch.serviceEvaluation) {
      const opened = await openServiceEvaluation(prisma, bureau, { dispatchId: dispatch.id });
      const w = opened.form!.workload;
      await saveServiceEvaluationSection(prisma, doctor, {
        dispatchId: dispatch.id,
        part: {
          section: "self",
          mainTasks: "在分水镇中心卫生院全脱产开展内科门诊和病房诊疗，带教卫生院内科医生，开展病例讨论和业务讲座，推广慢病规范管理。",
          workload: w,
          summary: `服务期间本人严格遵守卫生院各项规章制度，全脱产在岗，完成门诊诊疗${w.outpatients}人次，主持病例讨论${w.caseDiscussions}次，带教下级医生${w.juniorsMentored}人，开展专题讲座${w.lectures}次，帮助卫生院提升了常见病、慢性病的诊疗水平。`,
        },
      });
      await saveServiceEvaluationSection(prisma, nominator, { dispatchId: dispatch.id, part: { section: "dispatching", opinion: "同意。该同志服务期间服从安排、表现良好。", opinionOn: today } });
      written += 3;
    }
  }
  if (staff) {
    const program = await prisma.program.findFirst({ where: { dispatches: { some: { startDate: { lte: new Date("2014-12-31T00:00:00Z") }, lastDay: { gte: new Date("2014-07-01T00:00:00Z") } } } }, select: { id: true } });
    if (program && !(await prisma.assessment.count({ where: { programId: program.id, year: 2014 } }))) {
      const opened = await openAssessment(prisma, staff, { programId: program.id, year: 2014, schemeId: "scheme_six_party" });
      const subject = await prisma.assessmentSubject.findFirst({ where: { assessmentId: opened.id, assessed: true }, select: { id: true }, orderBy: { doctor: { name: "asc" } } });
      if (subject) {
        await createRaterLink(prisma, staff, { subjectId: subject.id, party: "MENTORED_STAFF", raterName: "艾力·买买提（受援医生）" }, { now, config: null });
        written += 1;
      }
    }
  }
  return written;
}
