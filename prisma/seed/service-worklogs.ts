// The demo's work logs and mentoring on the Wanzhou cohort (prisma/seed/service-cohort.ts): every
// week each doctor in service has served, a confirmed weekly log with deterministic pseudo-random
// counts (the same demo every time); last week's logs at 分水镇 (wz-receiver's centre) wait for
// confirmation, one of them returned with a comment to correct; this week is left for the doctor to
// file (wz-doctor files it in the demo). Each doctor has one or two mentees; some passed an exam.
// Written with a few bulk inserts (unnest), so a fresh `npm start` on the embedded database stays
// quick; idempotent (nothing is written when the cohort already has logs).
import { shanghaiDay } from "../../lib/domain/dispatch";
import { isoDay } from "../../lib/domain/eligibility/calendar";
import { addDays, daysFrom } from "../../lib/domain/service-period";
import { mondayOf, TEACHING_ACTIONS } from "../../lib/domain/work-log";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { COHORT_BUREAU } from "./service-cohort";

/** A small deterministic generator (mulberry32): the same counts on every load. */
function random(seed: number) {
  let a = seed >>> 0;
  return (max: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max + 1));
  };
}

const TECHNIQUES = ["慢性阻塞性肺疾病规范化管理", "中医针刺治疗颈椎病", "家庭医生签约随访信息化", "清创缝合新方法", "高血压分级诊疗路径", "糖尿病足早期筛查"];
/** New departments (seed 003: 新建业务科室) a doctor helped a township centre set up: one, in the fifth week, for every third doctor. */
const DEPARTMENTS = ["康复医学科", "中医馆", "血液净化室", "消化内镜室", "慢病管理门诊", "疼痛科"];
const DEPARTMENT_WEEK = 5;
const MENTEE_NAMES = ["向丽", "谭军", "牟芳", "冉涛", "黄燕", "熊伟", "陈静", "杨帆", "刘洋", "周婷", "李强", "邓敏", "何鑫", "彭丽", "秦浩", "付娟", "曾勇", "罗兰", "孙琳", "马骏"];
const MENTEES = [
  { name: "向丽", title: "住院医师", department: "全科", goals: "一年内通过执业医师考试，能独立处理常见病" },
  { name: "谭军", title: "执业助理医师", department: "内科", goals: "掌握慢病随访规范，考取执业医师" },
  { name: "牟芳", title: "护师", department: "预防保健科", goals: "能独立开展健康教育讲座" },
  { name: "冉涛", title: "住院医师", department: "中医科", goals: "掌握针灸推拿常用技术，通过主治医师考试" },
];

export async function seedServiceWorklogs(prisma: PrismaClient, now = new Date()): Promise<number> {
  const bureau = await prisma.organization.findFirst({ where: { name: COHORT_BUREAU }, select: { id: true } });
  if (!bureau) return 0;
  const dispatches = await prisma.dispatch.findMany({
    where: { program: { bureauId: bureau.id }, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { id: true, startDate: true, lastDay: true, receivingOrgId: true, doctor: { select: { name: true, user: { select: { id: true } } } } },
    orderBy: { startDate: "asc" },
  });
  if (dispatches.length === 0) return 0;
  if ((await prisma.workLog.count({ where: { dispatchId: { in: dispatches.map((d) => d.id) } } })) > 0) return 0;
  const [receivers, fallback] = await Promise.all([
    prisma.user.findMany({ where: { role: "RECEIVING_SUPERVISOR", organizationId: { in: dispatches.map((d) => d.receivingOrgId) } }, select: { id: true, organizationId: true, username: true } }),
    prisma.user.findFirst({ where: { username: "wz-admin" }, select: { id: true } }),
  ]);
  const waitingOrg = receivers.find((r) => r.username === "wz-receiver")?.organizationId;
  const today = shanghaiDay(now);
  const thisMonday = mondayOf(today);
  const lastMonday = addDays(thisMonday, -7);

  const rows = {
    dispatchId: [] as string[], periodStart: [] as string[], periodEnd: [] as string[], outpatients: [] as number[], operations: [] as number[], caseDiscussions: [] as number[],
    juniorsMentored: [] as number[], lectures: [] as number[], newTechniques: [] as string[], newDepartments: [] as string[], freeClinics: [] as number[], donatedMedicineFen: [] as number[], teaching: [] as string[],
    otherWork: [] as (string | null)[], status: [] as string[], reviewComment: [] as (string | null)[], reviewedById: [] as (string | null)[], reviewedAt: [] as (Date | null)[], filedById: [] as string[], filedAt: [] as Date[],
  };
  let returnedOne = false;
  dispatches.forEach((d, index) => {
    const filer = d.doctor.user?.id ?? fallback?.id;
    if (!filer) return;
    const reviewer = receivers.find((r) => r.organizationId === d.receivingOrgId)?.id ?? null;
    const next = random(index * 7919 + 17);
    const first = isoDay(d.startDate);
    const last = isoDay(d.lastDay) < addDays(thisMonday, -1) ? isoDay(d.lastDay) : addDays(thisMonday, -1);
    let week = 0;
    for (let monday = mondayOf(first); daysFrom(monday, last) >= 0; monday = addDays(monday, 7)) {
      week += 1;
      const start = daysFrom(monday, first) > 0 ? first : monday;
      const end = daysFrom(addDays(monday, 6), last) < 0 ? last : addDays(monday, 6);
      const days = daysFrom(start, end) + 1;
      const isLastWeek = monday === lastMonday;
      const waits = isLastWeek && d.receivingOrgId === waitingOrg;
      const returned = waits && !returnedOne && d.doctor.name !== "谭晓宇";
      if (returned) returnedOne = true;
      const teaching: Record<string, number> = {};
      if (next(2) > 0) teaching.MENTORING = 1 + next(2);
      if (next(4) === 0) teaching[TEACHING_ACTIONS[1 + next(6)]!] = 1;
      rows.dispatchId.push(d.id);
      rows.periodStart.push(start);
      rows.periodEnd.push(end);
      rows.outpatients.push(Math.round((days / 7) * (60 + next(90))));
      rows.operations.push(next(3) === 0 ? next(4) : 0);
      rows.caseDiscussions.push(next(2));
      rows.juniorsMentored.push(next(3));
      rows.lectures.push(next(5) === 0 ? 1 : 0);
      rows.newTechniques.push(JSON.stringify(next(20) === 0 ? [TECHNIQUES[next(TECHNIQUES.length - 1)]] : []));
      // Not drawn from `next`, so the other counts stay what they were before departments were logged.
      rows.newDepartments.push(JSON.stringify(week === DEPARTMENT_WEEK && index % 3 === 0 ? [DEPARTMENTS[(index / 3) % DEPARTMENTS.length]] : []));
      const clinic = next(8) === 0;
      rows.freeClinics.push(clinic ? 1 : 0);
      rows.donatedMedicineFen.push(clinic ? (1000 + next(5000)) * 100 : 0);
      rows.teaching.push(JSON.stringify(teaching));
      rows.otherWork.push(next(6) === 0 ? "参与家庭医生签约入户随访。" : null);
      rows.status.push(returned ? "RETURNED" : waits ? "SUBMITTED" : "CONFIRMED");
      rows.reviewComment.push(returned ? "诊疗人次与门诊日志不符，请核对后重新提交。" : null);
      rows.reviewedById.push(returned || !waits ? reviewer : null);
      rows.reviewedAt.push(returned || !waits ? new Date(`${addDays(end, 2)}T10:00:00+08:00`) : null);
      rows.filedById.push(filer);
      rows.filedAt.push(new Date(`${addDays(end, 1)}T20:30:00+08:00`));
    }
  });

  await prisma.$executeRaw`
    INSERT INTO "WorkLog" (id, "dispatchId", "periodStart", "periodEnd", outpatients, operations, "caseDiscussions", "juniorsMentored", lectures, "newTechniques", "newDepartments",
                           "freeClinics", "donatedMedicineFen", teaching, "otherWork", status, "reviewComment", "reviewedById", "reviewedAt", "filedById", "filedAt")
    SELECT gen_random_uuid()::text, u.* FROM unnest(
      ${rows.dispatchId}::text[], ${rows.periodStart}::date[], ${rows.periodEnd}::date[], ${rows.outpatients}::int[], ${rows.operations}::int[], ${rows.caseDiscussions}::int[],
      ${rows.juniorsMentored}::int[], ${rows.lectures}::int[], ${rows.newTechniques}::jsonb[], ${rows.newDepartments}::jsonb[], ${rows.freeClinics}::int[], ${rows.donatedMedicineFen}::int[], ${rows.teaching}::jsonb[],
      ${rows.otherWork}::text[], ${rows.status}::"WorkLogStatus"[], ${rows.reviewComment}::text[], ${rows.reviewedById}::text[], ${rows.reviewedAt}::timestamptz[], ${rows.filedById}::text[], ${rows.filedAt}::timestamptz[]
    ) AS u`;

  // Mentoring pairs: one or two mentees a doctor; every third passed an exam.
  const pairs = dispatches.flatMap((d, index) => {
    const creator = d.doctor.user?.id ?? fallback?.id;
    if (!creator) return [];
    const count = 1 + (index % 2);
    return Array.from({ length: count }, (_, k) => {
      const mentee = MENTEES[(index + k) % MENTEES.length]!;
      const passed = (index + k) % 3 === 0;
      const start = addDays(isoDay(d.startDate), 14 + k * 30);
      return {
        dispatchId: d.id,
        menteeName: MENTEE_NAMES[(index * 2 + k) % MENTEE_NAMES.length]!,
        menteeTitle: mentee.title,
        menteeDepartment: mentee.department,
        goals: mentee.goals,
        startDate: new Date(`${start}T00:00:00Z`),
        endDate: passed ? new Date(`${addDays(start, 180) < today ? addDays(start, 180) : today}T00:00:00Z`) : null,
        outcome: passed ? (mentee.title.includes("助理") || mentee.title === "住院医师" ? ("LICENCE_EXAM_PASSED" as const) : ("TITLE_EXAM_PASSED" as const)) : ("IN_PROGRESS" as const),
        outcomeNote: passed ? "在带教期间通过考试" : null,
        createdById: creator,
      };
    });
  });
  await prisma.mentoringPair.createMany({ data: pairs });
  return rows.dispatchId.length;
}
