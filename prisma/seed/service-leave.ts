// The demo's leave and absences (issue 11), on top of Wanzhou's cohort in service
// (prisma/seed/service-cohort.ts). Dates are relative to the day the demo is loaded, and every row
// goes through the product's own use cases at the instant it would have happened, so each carries
// its audit rows, notifications and — for the approved home leave — the moved last day:
//
// - 谭晓宇 (wz-doctor, 分水镇): a 7-day home leave approved by 冉德华 (wz-receiver) and the bureau,
//   which moved the last day 7 days later; a 3-day personal leave refused; a 2-day sick leave
//   approved by the supervisor alone; a 3-day personal leave filed yesterday, waiting on wz-receiver;
//   two spot checks that found him at his post.
// - 冉静 (龙驹镇): four absences recorded by the bureau (two spot checks, a routine check, leave
//   taken without approval) — more than 3 (旷工超过3次), so her service does not count as grassroots
//   service; her record says so.
//
// Idempotent: nothing is loaded when the cohort has leave or attendance already.
import type { Scope } from "../../lib/auth/policy";
import { shanghaiDay } from "../../lib/domain/dispatch";
import { addDays } from "../../lib/domain/service-period";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { recordAttendance } from "../../lib/server/attendance";
import { decideLeave, fileLeave } from "../../lib/server/leave";
import { buildScope } from "../../lib/server/organization-tree";
import { cohortDates } from "./service-cohort";

const at = (isoDay: string, hour = 9) => new Date(`${isoDay}T${String(hour).padStart(2, "0")}:00:00+08:00`);

async function scopeOf(prisma: PrismaClient, username: string): Promise<Scope | null> {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  return user ? buildScope(prisma, user) : null;
}

/** Loads the leave and absences unless the cohort has any. Returns how many leave requests and checks it wrote. */
export async function seedServiceLeave(prisma: PrismaClient, now = new Date()): Promise<number> {
  const [doctor, receiver, bureau] = await Promise.all([scopeOf(prisma, "wz-doctor"), scopeOf(prisma, "wz-receiver"), scopeOf(prisma, "wz-admin")]);
  if (!doctor || !receiver || !bureau) return 0;
  const dispatches = await prisma.dispatch.findMany({
    where: { program: { bureauId: bureau.user.organizationId }, doctor: { name: { in: ["谭晓宇", "冉静"] } }, status: "ACTIVE" },
    select: { id: true, doctorId: true, doctor: { select: { name: true } } },
  });
  const of = (name: string) => dispatches.find((d) => d.doctor.name === name);
  const tan = of("谭晓宇");
  const ran = of("冉静");
  if (!tan || !ran || tan.doctorId !== doctor.user.doctorId) return 0;
  const ids = [tan.id, ran.id];
  if ((await prisma.leaveRequest.count({ where: { dispatchId: { in: ids } } })) + (await prisma.attendanceCheck.count({ where: { dispatchId: { in: ids } } })) > 0) return 0;

  const today = shanghaiDay(now);
  const { main } = cohortDates(today);
  let written = 0;

  // 谭晓宇's home leave: 7 days (5 or more), filed three weeks ahead, agreed by the unit, approved by the bureau.
  const homeStart = addDays(main, 95);
  const home = await fileLeave(prisma, doctor, { dispatchId: tan.id, kind: "HOME_LEAVE", startDate: homeStart, endDate: addDays(homeStart, 6), reason: "回家探亲，照顾生病的父亲。" }, at(addDays(homeStart, -21), 20));
  const agreed = await decideLeave(prisma, receiver, { leaveId: home.id, version: home.version, approve: true, comment: "同意，已安排周敏代管门诊。" }, at(addDays(homeStart, -20), 10));
  await decideLeave(prisma, bureau, { leaveId: home.id, version: agreed.version, approve: true, comment: "同意备案，服务期限顺延7天。" }, at(addDays(homeStart, -18), 15));
  // A personal leave refused: the centre was short of doctors that week.
  const busy = addDays(main, 150);
  const refused = await fileLeave(prisma, doctor, { dispatchId: tan.id, kind: "PERSONAL", startDate: busy, endDate: addDays(busy, 2), reason: "参加同学婚礼。" }, at(addDays(busy, -10), 21));
  await decideLeave(prisma, receiver, { leaveId: refused.id, version: refused.version, approve: false, comment: "当周流感门诊量大，人手不足，请改期。" }, at(addDays(busy, -9), 9));
  // Two days of sick leave: under the threshold, the supervisor alone approves, the last day stays.
  const sick = addDays(today, -30);
  const ill = await fileLeave(prisma, doctor, { dispatchId: tan.id, kind: "SICK", startDate: sick, endDate: addDays(sick, 1), reason: "急性胃肠炎，需休息两天（附门诊病历）。" }, at(sick, 7));
  await decideLeave(prisma, receiver, { leaveId: ill.id, version: ill.version, approve: true, comment: "同意，注意休息。" }, at(sick, 8));
  // Waiting on wz-receiver since yesterday.
  const next = addDays(today, 12);
  await fileLeave(prisma, doctor, { dispatchId: tan.id, kind: "PERSONAL", startDate: next, endDate: addDays(next, 2), reason: "办理孩子入学手续。" }, at(addDays(today, -1), 19));
  written += 4;

  // Spot checks that found 谭晓宇 at his post.
  for (const [offset, note] of [[40, "暗访：在门诊接诊。"], [120, "暗访：在病房查房。"]] as const) {
    const d = addDays(main, offset);
    await recordAttendance(prisma, bureau, { dispatchId: tan.id, source: "SPOT_CHECK", startDate: d, endDate: d, isPresent: true, note }, at(d, 15));
    written += 1;
  }

  // 冉静: four absences, more than 3 — her service no longer counts as grassroots service.
  const absences = [
    { source: "SPOT_CHECK", offset: 60, days: 1, note: "暗访：上班时间不在岗，电话联系称在城区办事，未请假。" },
    { source: "ROUTINE", offset: 98, days: 1, note: "考勤：全天未到岗，未请假。" },
    { source: "UNAPPROVED_LEAVE", offset: 140, days: 3, note: "未履行请假手续离岗三天。" },
    { source: "SPOT_CHECK", offset: 200, days: 1, note: "暗访：上午不在岗，未请假。" },
  ] as const;
  for (const a of absences) {
    const d = addDays(main, a.offset);
    if (d >= today) continue;
    await recordAttendance(prisma, bureau, { dispatchId: ran.id, source: a.source, startDate: d, endDate: addDays(d, a.days - 1), isPresent: false, note: a.note }, at(addDays(d, a.days), 16));
    written += 1;
  }
  return written;
}
