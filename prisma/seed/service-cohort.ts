// The demo's cohort in service now (seed 001, 万州区“县聘乡用”): ten doctors of Wanzhou's district
// hospitals at five township health centres. Dates are relative to the day the demo is loaded: most
// arrived on the 1st of the month eight months ago and serve 12 months; 向成 (龙驹) and 陈春燕 (甘宁)
// arrived earlier and leave within weeks, with successors planned: 蒋波 arrives five days before 向成
// leaves (a hand-over within the programme's 7 days), 秦露 ten days after 陈春燕 has left (a gap the
// bureau's board flags). 牟红 serves as acting vice-president (挂职业务副院长, seed 001's ~10%).
//
// The programme, its posts, the new doctors and the approved applications are inserted directly
// (looked up by natural key first, as in prisma/seed.ts); the dispatches go through the product's
// own use cases (createDispatch, activateDispatch) at the instants they would have happened, so they
// carry their events, audit rows and notifications. Idempotent: what exists is left alone.
//
// The leave, work-log, allowance and evaluation demo data build on this cohort in their own files.
import type { Scope } from "../../lib/auth/policy";
import { composeIdNumber } from "../../lib/domain/id-number";
import { shanghaiDay } from "../../lib/domain/dispatch";
import { addDays, lastDayOfService } from "../../lib/domain/service-period";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { activateDispatch, createDispatch } from "../../lib/server/dispatches";
import { nextRegistrationNo } from "../../lib/server/registration-numbers";
import { noticeAndConfirm } from "./notice";
import { buildScope } from "../../lib/server/organization-tree";
import { day } from "./util";

export const COHORT_BUREAU = "重庆市万州区卫生健康委员会";
const at = (isoDay: string, hour = 9) => new Date(`${isoDay}T${String(hour).padStart(2, "0")}:00:00+08:00`);

/** The cohort's programme name: the year its main batch arrived. */
export function cohortProgramName(mainStart: string): string {
  return `万州区${mainStart.slice(0, 4)}年度卫生人才“县聘乡用”`;
}

interface CohortDoctor {
  name: string;
  sex: "MALE" | "FEMALE";
  born: string;
  employer: string;
  specialty: string;
  department: string;
  category: "CLINICAL" | "TCM" | "DENTAL" | "PUBLIC_HEALTH";
  hired: string;
  sequence: number;
}

/** Doctors the base seed lacks (the others are seed 001's doctors of prisma/seed/doctors.ts). */
const NEW_DOCTORS: CohortDoctor[] = [
  { name: "周敏", sex: "FEMALE", born: "1995-03-21", employer: "重庆市万州区人民医院", specialty: "全科医学", department: "全科医学科", category: "CLINICAL", hired: "2022-08-01", sequence: 182 },
  { name: "杨雪", sex: "FEMALE", born: "1996-09-02", employer: "重庆市万州区中医院", specialty: "针灸推拿", department: "针灸推拿科", category: "TCM", hired: "2022-07-15", sequence: 246 },
  { name: "蒋波", sex: "MALE", born: "1992-11-17", employer: "重庆市万州区第一人民医院", specialty: "内科", department: "呼吸内科", category: "CLINICAL", hired: "2021-08-01", sequence: 517 },
  { name: "秦露", sex: "FEMALE", born: "1994-01-30", employer: "重庆市万州区人民医院", specialty: "公共卫生", department: "预防保健科", category: "PUBLIC_HEALTH", hired: "2021-09-01", sequence: 398 },
];

interface CohortPost {
  key: string;
  receiving: string;
  title: string;
  specialty: string;
  headcount: number;
  rotationBatch: number;
  description: string;
}

const FS = "重庆市万州区分水镇中心卫生院";
const LJ = "重庆市万州区龙驹镇中心卫生院";
const TL = "重庆市万州区太龙镇卫生院";
const WL = "重庆市万州区武陵镇中心卫生院";
const GN = "重庆市万州区甘宁镇卫生院";

const POSTS: CohortPost[] = [
  { key: "FS-GP", receiving: FS, title: "全科医生", specialty: "全科医学", headcount: 2, rotationBatch: 1, description: "分水镇中心卫生院全科门诊及家庭医生签约服务，全脱产一年。" },
  { key: "FS-IM", receiving: FS, title: "内科医生（挂职业务副院长）", specialty: "内科", headcount: 1, rotationBatch: 1, description: "分水镇中心卫生院内科病房，兼任业务副院长，牵头教学查房和病例讨论。" },
  { key: "LJ-IM", receiving: LJ, title: "内科医生", specialty: "内科", headcount: 1, rotationBatch: 1, description: "龙驹镇中心卫生院内科病房。" },
  { key: "LJ-TCM", receiving: LJ, title: "中医科医生", specialty: "中医科", headcount: 1, rotationBatch: 1, description: "龙驹镇中心卫生院中医科，推广中医适宜技术。" },
  { key: "TL-TCM", receiving: TL, title: "中医科医生", specialty: "中医科", headcount: 1, rotationBatch: 1, description: "太龙镇卫生院中医科，针灸推拿门诊。" },
  { key: "WL-DEN", receiving: WL, title: "口腔科医生", specialty: "口腔科", headcount: 1, rotationBatch: 1, description: "武陵镇中心卫生院口腔门诊。" },
  { key: "GN-PH", receiving: GN, title: "公共卫生医生", specialty: "公共卫生", headcount: 1, rotationBatch: 1, description: "甘宁镇卫生院公共卫生科，慢病管理和基本公共卫生服务。" },
  { key: "LJ-IM-2", receiving: LJ, title: "内科医生", specialty: "内科", headcount: 1, rotationBatch: 2, description: "龙驹镇中心卫生院内科病房，接替第一批。" },
  { key: "GN-PH-2", receiving: GN, title: "公共卫生医生", specialty: "公共卫生", headcount: 1, rotationBatch: 2, description: "甘宁镇卫生院公共卫生科，接替第一批。" },
];

type StartKind = "main" | "leavingSoon" | "leavingLater" | "successorOverlap" | "successorGap";

interface Placement {
  doctor: string;
  employer: string;
  post: string;
  start: StartKind;
  actingPosition?: string;
  predecessor?: string;
}

const PLACEMENTS: Placement[] = [
  { doctor: "谭晓宇", employer: "重庆市万州区人民医院", post: "FS-GP", start: "main" },
  { doctor: "周敏", employer: "重庆市万州区人民医院", post: "FS-GP", start: "main" },
  { doctor: "牟红", employer: "重庆市万州区人民医院", post: "FS-IM", start: "main", actingPosition: "业务副院长" },
  { doctor: "向成", employer: "重庆市万州区第一人民医院", post: "LJ-IM", start: "leavingSoon" },
  { doctor: "冉静", employer: "重庆市万州区中医院", post: "LJ-TCM", start: "main" },
  { doctor: "杨雪", employer: "重庆市万州区中医院", post: "TL-TCM", start: "main" },
  { doctor: "程刚", employer: "重庆市万州区第一人民医院", post: "WL-DEN", start: "main" },
  { doctor: "陈春燕", employer: "重庆市万州区人民医院", post: "GN-PH", start: "leavingLater" },
  { doctor: "蒋波", employer: "重庆市万州区第一人民医院", post: "LJ-IM-2", start: "successorOverlap", predecessor: "向成" },
  { doctor: "秦露", employer: "重庆市万州区人民医院", post: "GN-PH-2", start: "successorGap", predecessor: "陈春燕" },
];

/** The same calendar day one year earlier (29 Feb → 28 Feb). */
function yearEarlier(isoDay: string): string {
  const [y, m, d] = isoDay.split("-");
  return m === "02" && d === "29" ? `${Number(y) - 1}-02-28` : `${Number(y) - 1}-${m}-${d}`;
}

/** The cohort's dates, from the day the demo is loaded. */
export function cohortDates(today: string) {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - 8;
  const main = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  // 12 months ending 20 and 41 days from today: they arrived the day after, a year earlier.
  const leavingSoon = yearEarlier(addDays(today, 21));
  const leavingLater = yearEarlier(addDays(today, 42));
  const successorOverlap = addDays(lastDayOfService(leavingSoon, 12), -4); // five days together
  const successorGap = addDays(lastDayOfService(leavingLater, 12), 11); // ten uncovered days
  return { main, leavingSoon, leavingLater, successorOverlap, successorGap } satisfies Record<StartKind, string>;
}

/** Loads the cohort unless its dispatches exist. Returns how many dispatches it created. */
export async function seedServiceCohort(prisma: PrismaClient, now = new Date()): Promise<number> {
  const bureau = await prisma.organization.findUnique({ where: { name: COHORT_BUREAU }, select: { id: true } });
  const admin = await prisma.user.findUnique({ where: { username: "wz-admin" }, select: { id: true, role: true, organizationId: true, doctorId: true } });
  if (!bureau || !admin) return 0;
  const today = shanghaiDay(now);
  const dates = cohortDates(today);
  const programId = await seedProgramAndApplications(prisma, bureau.id, admin.id, dates.main);

  const scope: Scope = await buildScope(prisma, admin);
  const apps = await prisma.application.findMany({
    where: { post: { programId }, status: "APPROVED" },
    select: { id: true, doctor: { select: { name: true } }, dispatch: { select: { id: true } } },
  });
  const dispatchOf = new Map<string, string>();
  for (const a of apps) if (a.dispatch) dispatchOf.set(a.doctor.name, a.dispatch.id);
  // Dispatches come from the confirmed list: each batch's list noticed (公示) and confirmed well before the first arrival.
  const firstStart = Object.values(dates).sort()[0]!;
  await noticeAndConfirm(prisma, scope, programId, at(addDays(firstStart, -70), 9), at(addDays(firstStart, -50), 10));
  let created = 0;
  for (const p of PLACEMENTS) {
    if (dispatchOf.has(p.doctor)) continue;
    const app = apps.find((a) => a.doctor.name === p.doctor);
    if (!app) continue;
    const start = dates[p.start];
    // Staff enter the dispatch three weeks before arrival (successors: a week ago), and record the arrival on the day.
    const enteredOn = p.predecessor ? addDays(today, -7) : addDays(start, -21);
    const d = await createDispatch(
      prisma,
      scope,
      { applicationId: app.id, startDate: start, actingPosition: p.actingPosition ?? "", predecessorId: p.predecessor ? dispatchOf.get(p.predecessor) ?? "" : "" },
      at(enteredOn, 10),
    );
    dispatchOf.set(p.doctor, d.id);
    created += 1;
    if (start <= today) await activateDispatch(prisma, scope, { dispatchId: d.id, expectedVersion: d.version }, at(start, 9));
  }
  return created;
}

async function seedProgramAndApplications(prisma: PrismaClient, bureauId: string, adminId: string, mainStart: string): Promise<string> {
  return prisma.$transaction(
    async (tx) => {
      const name = cohortProgramName(mainStart);
      const year = Number(mainStart.slice(0, 4));
      let program = await tx.program.findFirst({ where: { bureauId, name }, select: { id: true } });
      if (!program) {
        program = await tx.program.create({
          data: {
            bureauId,
            kind: "COUNTY_HIRE_TOWNSHIP_USE",
            name,
            year,
            batchNumber: null,
            status: "IN_SERVICE",
            serviceMonths: 12,
            rotationBatches: 2,
            description:
              "按《重庆市万州区卫生人才“县聘乡用”实施方案》，区级医疗机构执业医师全脱产到乡镇卫生院服务一年。请假5天以上需向领导小组办公室备案，同时顺延基层服务期限；" +
              "未履行请假手续不在岗的视为旷工，旷工超过3次的本次服务时间不计入基层服务经历。挂职业务副院长人数为每年“县聘乡用”人数的10%左右。",
            // Seed 001: 请假5天以上 → filed with the office and moves the last day; 旷工超过3次 → not counted.
            leaveFilingThresholdDays: 5,
            absenceLimit: 3,
            // Seed 000's limits on home leave and spouse visits, applied here as well.
            homeLeavesPerYear: 1,
            spouseVisitsMax: 1,
            spouseVisitMaxMonths: 1,
            noticeWorkingDays: 5,
            handoverOverlapDays: 7,
          },
          select: { id: true },
        });
        const stage = (offset: number) => at(addDays(mainStart, offset), 0);
        await tx.programStage.createMany({
          data: [
            { programId: program.id, kind: "REGISTRATION", sequence: 1, opensAt: stage(-150), closesAt: stage(-130) },
            { programId: program.id, kind: "PRELIMINARY_REVIEW", sequence: 2, opensAt: stage(-130), closesAt: stage(-115) },
            { programId: program.id, kind: "APPROVAL", sequence: 3, opensAt: stage(-115), closesAt: stage(-90) },
          ],
        });
      }
      const programId = program.id;

      const orgs = await tx.organization.findMany({ where: { name: { in: [...new Set([...POSTS.map((p) => p.receiving), ...NEW_DOCTORS.map((d) => d.employer)])] } }, select: { id: true, name: true } });
      const orgId = (n: string) => {
        const found = orgs.find((o) => o.name === n);
        if (!found) throw new Error(`service cohort: no organisation ${n}`);
        return found.id;
      };

      const existingPosts = await tx.post.findMany({ where: { programId }, select: { id: true, receivingOrgId: true, title: true, rotationBatch: true } });
      const postIds = new Map<string, string>();
      for (const p of POSTS) {
        const found = existingPosts.find((x) => x.receivingOrgId === orgId(p.receiving) && x.title === p.title && x.rotationBatch === p.rotationBatch);
        const id =
          found?.id ??
          (await tx.post.create({
            data: { programId, receivingOrgId: orgId(p.receiving), title: p.title, specialty: p.specialty, headcount: p.headcount, rotationBatch: p.rotationBatch, description: p.description },
            select: { id: true },
          })).id;
        postIds.set(p.key, id);
      }

      for (const d of NEW_DOCTORS) {
        const idNumber = composeIdNumber("500101", d.born, d.sequence);
        if (await tx.doctor.findUnique({ where: { idNumber }, select: { id: true } })) continue;
        const doctor = await tx.doctor.create({
          data: {
            name: d.name,
            sex: d.sex,
            ethnicity: "汉族",
            birthDate: day(d.born),
            idNumber,
            education: "BACHELOR",
            degree: "学士",
            employerId: orgId(d.employer),
            department: d.department,
            specialty: d.specialty,
            practisingCategory: d.category,
            positionRank: "STAFF",
            positionTitle: `${d.department}医师`,
            hireDate: day(d.hired),
          },
          select: { id: true },
        });
        await tx.titleRecord.create({ data: { doctorId: doctor.id, level: "JUNIOR", name: d.category === "TCM" ? "中医师" : "住院医师", specialty: d.specialty, obtainedOn: day(`${Number(d.hired.slice(0, 4)) + 1}-09-30`) } });
      }

      // Approved applications, nominated by the doctors' hospitals, with the bureau's decisions.
      const approvedAt = at(addDays(mainStart, -100), 15);
      for (const p of PLACEMENTS) {
        const doctor = await tx.doctor.findFirst({ where: { name: p.doctor, employer: { name: p.employer } }, select: { id: true, employerId: true } });
        if (!doctor) throw new Error(`service cohort: no doctor ${p.doctor} at ${p.employer}`);
        const postId = postIds.get(p.post)!;
        if (await tx.application.findUnique({ where: { doctorId_postId: { doctorId: doctor.id, postId } }, select: { id: true } })) continue;
        const app = await tx.application.create({
          data: {
            registrationNo: await nextRegistrationNo(tx, postId),
            postId,
            doctorId: doctor.id,
            nominatingOrgId: doctor.employerId,
            source: "UNIT",
            status: "APPROVED",
            currentStage: "APPROVAL",
            eligibilityVerdict: "ELIGIBLE",
            submittedAt: at(addDays(mainStart, -140), 10),
            createdById: adminId,
          },
          select: { id: true },
        });
        await tx.stageDecision.createMany({
          data: [
            { applicationId: app.id, stage: "PRELIMINARY_REVIEW", outcome: "PASS", decidedById: adminId, decidedAt: at(addDays(mainStart, -120), 16) },
            { applicationId: app.id, stage: "APPROVAL", outcome: "PASS", reason: "经区卫生健康委党委研究，同意选派", decidedById: adminId, decidedAt: approvedAt },
          ],
        });
      }
      return programId;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
