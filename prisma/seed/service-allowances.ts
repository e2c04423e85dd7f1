// The demo's allowances (issue 13), on top of Wanzhou's cohort in service (prisma/seed/service-cohort.ts).
// Dates are relative to the day the demo is loaded, and every row goes through the product's own use
// cases, so each carries its audit rows:
//
// - Seed 001's policy (资金池 1 000 yuan a month per person to the receiving unit; 1 500 yuan for an
//   excellent annual grade) on the cohort's programme(s), applied by wz-admin: every dispatch gets its
//   schedule, partial months pro-rated by days.
// - 陈丽萍 (finance, the bureau's 规划财务科) paid every month before this one at its end, one voucher a
//   month (记-YYYY-MM-0xx); this month's lines are due and unpaid, for the demo's finance month.
// - Seed 000's template on the 援疆 programme (绍兴市第八批援疆医生选派), applied by its bureau's admin,
//   so its policy page shows the outfit, the living subsidy and the monthly subsidy; its dispatches,
//   if any, get their schedules.
// - wz-admin's two lines by hand on the dispatch of the earliest part month paid: an adjusting line
//   (one day missed in that paid month, paid on top; the paid line unchanged) and the 1 500 yuan award
//   for an excellent annual grade.
//
// Idempotent: nothing is loaded when the cohort's programme has allowance items already.
import type { Scope } from "../../lib/auth/policy";
import { monthBounds, monthOf } from "../../lib/domain/allowance-schedule";
import { shanghaiDay } from "../../lib/domain/dispatch";
import { isoDay } from "../../lib/domain/eligibility/calendar";
import { prorateFen } from "../../lib/domain/money";
import { dayDate } from "../../lib/domain/service-period";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addEventLineAs, adjustLine, applyTemplate, markPaid } from "../../lib/server/allowances";
import { buildScope } from "../../lib/server/organization-tree";
import { COHORT_BUREAU } from "./service-cohort";

const AID_PROGRAM = "绍兴市第八批援疆医生选派";
const at = (isoDayText: string, hour = 16) => new Date(`${isoDayText}T${String(hour).padStart(2, "0")}:00:00+08:00`);

async function scopeOf(prisma: PrismaClient, username: string): Promise<Scope | null> {
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  return user ? buildScope(prisma, user) : null;
}

/** Loads the policies and the paid months unless the cohort has a policy. Returns how many lines it marked paid. */
export async function seedServiceAllowances(prisma: PrismaClient, now = new Date()): Promise<number> {
  const [bureau, finance, aidAdmin] = await Promise.all([scopeOf(prisma, "wz-admin"), scopeOf(prisma, "finance"), scopeOf(prisma, "admin")]);
  if (!bureau || !finance) return 0;
  const programs = await prisma.program.findMany({ where: { bureau: { name: COHORT_BUREAU }, dispatches: { some: {} } }, select: { id: true } });
  if (programs.length === 0) return 0;
  if ((await prisma.allowanceItem.count({ where: { programId: { in: programs.map((p) => p.id) } } })) > 0) return 0;

  for (const program of programs) await applyTemplate(prisma, bureau, { programId: program.id, template: "countyHireTownshipUse" }, now);
  const aid = await prisma.program.findFirst({ where: { name: AID_PROGRAM }, select: { id: true } });
  if (aid && aidAdmin) await applyTemplate(prisma, aidAdmin, { programId: aid.id, template: "longTermAid" }, now);

  // Every month before this one paid at its end, one voucher a month.
  const thisMonth = monthOf(shanghaiDay(now));
  const due = await prisma.allowanceLine.findMany({
    where: { status: "UNPAID", dispatch: { programId: { in: programs.map((p) => p.id) } }, dueDate: { lt: dayDate(monthBounds(thisMonth).first) } },
    select: { id: true, dueDate: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const byMonth = new Map<string, string[]>();
  for (const line of due) {
    const month = monthOf(isoDay(line.dueDate));
    byMonth.set(month, [...(byMonth.get(month) ?? []), line.id]);
  }
  let paid = 0;
  let sequence = 0;
  for (const [month, lineIds] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const paidOn = monthBounds(month).last;
    const voucherNumber = `记-${month}-${String(++sequence * 7).padStart(3, "0")}`;
    paid += (await markPaid(prisma, finance, { lineIds, voucherNumber, paidOn }, at(paidOn))).paid;
  }

  // The two kinds of line staff add by hand, on the dispatch of the earliest part month paid: a
  // correction of that paid line (one more day than counted, as a new adjusting line; the paid line
  // stays) and the award for an excellent annual grade from the per-event item.
  const partMonth = await prisma.allowanceLine.findFirst({
    where: { status: "PAID", kind: "SCHEDULED", dispatch: { programId: { in: programs.map((p) => p.id) } }, daysServed: { not: null } },
    select: { id: true, dispatchId: true, daysServed: true, monthDays: true, rateFen: true, dispatch: { select: { programId: true } } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  if (partMonth && partMonth.daysServed! < partMonth.monthDays!) {
    const oneDayFen = prorateFen(partMonth.rateFen, partMonth.daysServed! + 1, partMonth.monthDays!) - prorateFen(partMonth.rateFen, partMonth.daysServed!, partMonth.monthDays!);
    await adjustLine(prisma, bureau, { lineId: partMonth.id, amountFen: oneDayFen, reason: "考勤核对：到岗当天漏计1天，补发" }, now);
    const award = await prisma.allowanceItem.findFirst({ where: { programId: partMonth.dispatch.programId, kind: "PER_EVENT", isActive: true }, select: { id: true } });
    if (award) await addEventLineAs(prisma, bureau, { dispatchId: partMonth.dispatchId, itemId: award.id, eventDate: shanghaiDay(now), reason: "年度考核优秀（考核表已归档）" });
  }
  return paid;
}
