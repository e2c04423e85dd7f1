// The end-of-service evaluation (服务期满评价表, seed 001's attachment) on real PostgreSQL with the demo
// seed: the bureau opens the form with the workload from confirmed logs only; each party fills its own
// part; the public notice needs the whole form; objections are recorded inside the notice and
// answered; the result is refused before the notice ends, with an objection open, or without the
// authority's opinion — each in words, nothing written; 合格 adds the service to the grassroots record
// unless more absences than the programme allows voided it; the A4 PDF carries its CJK font.
import { beforeAll, describe, expect, it } from "vitest";
import { renderServiceEvaluationPdf } from "@/lib/server/service-evaluation-pdf";
import {
  answerServiceObjection,
  fileServiceObjection,
  getServiceEvaluation,
  issueServiceResult,
  listServiceEvaluations,
  openServiceEvaluation,
  saveServiceEvaluationSection,
  startServiceNotice,
} from "@/lib/server/service-evaluations";
import { demoWorld, makeDoctor, makePost, placeApplication, refusedLeaving, SXRM } from "./setup/vetting-fixtures";

const w = demoWorld();

async function footprint() {
  const [row] = await w.db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*) FROM "ServiceEvaluation") AS forms, (SELECT count(*) FROM "ServiceEvaluationObjection") AS objections,
           (SELECT count(*) FROM "AuditLog") AS audits, (SELECT count(*) FROM "GrassrootsServiceRecord") AS grassroots,
           (SELECT coalesce(string_agg(status::text || ':' || version, ',' ORDER BY id), '') FROM "ServiceEvaluation") AS states`;
  return row;
}

const refused = refusedLeaving(footprint);

async function dispatchOf(doctorId: string, postId: string): Promise<string> {
  const unitId = w.demo.org(SXRM);
  const applicationId = await placeApplication(w.db.prisma, { postId, doctorId, nominatingOrgId: unitId, createdById: w.demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
  const d = await w.db.prisma.dispatch.create({
    data: {
      programId: w.demo.programId, postId, applicationId, doctorId, receivingOrgId: w.demo.org("阿瓦提县人民医院"), rotationBatch: 1, serviceMonths: 12, status: "COMPLETED",
      startDate: new Date("2025-11-01T00:00:00Z"), plannedLastDay: new Date("2026-10-31T00:00:00Z"), lastDay: new Date("2026-10-31T00:00:00Z"), createdById: w.demo.userId("staff"),
    },
  });
  return d.id;
}

let dispatchId = "";
let voidedId = "";
const AFTER_NOTICE = new Date("2026-11-21T00:00:00Z"); // 08:00 in Beijing on 21 November

beforeAll(async () => {
  const postId = await makePost(w.db.prisma, w.demo, 2, "期满评价测试岗位");
  dispatchId = await dispatchOf(w.s.doctor.user.doctorId!, postId);
  voidedId = await dispatchOf(await makeDoctor(w.db.prisma, w.demo.org(SXRM), "旷工医生"), postId);
  // Two confirmed weekly logs and one still waiting: only the confirmed count.
  const log = (start: string, status: "CONFIRMED" | "SUBMITTED", n: number) =>
    w.db.prisma.workLog.create({
      data: {
        dispatchId, periodStart: new Date(`${start}T00:00:00Z`), periodEnd: new Date(`${start}T00:00:00Z`), outpatients: 40 * n, operations: 3 * n, caseDiscussions: n, juniorsMentored: 1, lectures: n,
        newTechniques: n === 1 ? ["腹腔镜阑尾切除术"] : [], newDepartments: n === 2 ? ["康复医学科"] : [], freeClinics: 1, status, filedById: w.demo.userId("doctor"),
      },
    });
  await log("2026-03-02", "CONFIRMED", 1);
  await log("2026-03-09", "CONFIRMED", 2);
  await log("2026-03-16", "SUBMITTED", 5);
});

const section = (who: "doctor" | "nominator" | "receiver" | "staff" | "admin", part: Record<string, unknown>, id = dispatchId) => saveServiceEvaluationSection(w.db.prisma, w.s[who], { dispatchId: id, part });
const receivingPart = { section: "receiving", opinion: "工作认真负责，同意评为合格。", opinionOn: "2026-11-05", virtues: { morality: "医德高尚", ability: "业务能力强", diligence: "全勤", performance: "工作量饱满", integrity: "廉洁行医" }, talksOn: "2026-11-02", democraticOn: "2026-11-03", collectiveOn: "2026-11-04" };

describe("opening the form", () => {
  it("only the programme's bureau opens it, once; the workload comes from confirmed logs only", async () => {
    for (const who of ["nominator", "receiver", "doctor", "auditor"] as const) await refused(() => openServiceEvaluation(w.db.prisma, w.s[who], { dispatchId }), "forbidden");
    await refused(() => openServiceEvaluation(w.db.prisma, w.s["wz-admin"], { dispatchId }), "notFound");
    const v = await openServiceEvaluation(w.db.prisma, w.s.staff, { dispatchId });
    expect(v.form!.workload).toEqual({ outpatients: 120, operations: 9, caseDiscussions: 3, juniorsMentored: 2, lectures: 3, newTechniques: 1, otherWork: "新建业务科室 1 个；义诊 2 次" });
    expect(v.person).toMatchObject({ name: "沈一鸣", receivingOrg: "阿瓦提县人民医院", firstDay: "2025-11-01", lastDay: "2026-10-31" });
    expect(v.person.birthMonth).toMatch(/^\d{4}-\d{2}$/);
    await refused(() => openServiceEvaluation(w.db.prisma, w.s.staff, { dispatchId }), "conflict", "serviceEvaluationExists");
    expect((await listServiceEvaluations(w.db.prisma, w.s.nominator)).map((r) => [r.doctorName, r.status])).toEqual([["沈一鸣", "FILLING"]]);
  });
});

describe("each party fills its own part", () => {
  it("the doctor the summary, the units their opinions with dates; nobody another's part", async () => {
    await refused(() => section("receiver", { section: "self", summary: "x", workload: { outpatients: 1, operations: 0, caseDiscussions: 0, juniorsMentored: 0, lectures: 0, newTechniques: 0 } }), "forbidden", "notYourPart");
    await refused(() => section("doctor", { section: "dispatching", opinion: "同意", opinionOn: "2026-11-01" }), "forbidden", "notYourPart");
    await refused(() => section("nominator", receivingPart), "forbidden", "notYourPart");
    const bad = await refused(() => section("doctor", { section: "self", summary: "x", workload: { outpatients: -1, operations: 0, caseDiscussions: 0, juniorsMentored: 0, lectures: 0, newTechniques: 0.5 } }), "validation");
    expect(Object.keys(bad.fieldErrors!)).toEqual(expect.arrayContaining(["part.workload.outpatients", "part.workload.newTechniques"]));
    await section("doctor", { section: "self", mainTasks: "外科门诊、手术和带教", summary: "一年来全脱产在岗，完成诊疗120人次。", workload: { outpatients: 125, operations: 9, caseDiscussions: 3, juniorsMentored: 2, lectures: 3, newTechniques: 1, otherWork: "义诊 2 次" } });
    await section("nominator", { section: "dispatching", opinion: "同意。", opinionOn: "2026-11-01" });
    const v = await getServiceEvaluation(w.db.prisma, w.s.receiver, dispatchId);
    expect(v.form).toMatchObject({ summary: "一年来全脱产在岗，完成诊疗120人次。", dispatchingOpinion: "同意。", dispatchingOpinionOn: "2026-11-01" });
    expect(v.form!.workload.outpatients).toBe(125);
    expect(v.can).toMatchObject({ receiving: true, self: false, dispatching: false, notice: true, issue: false });
  });

  it("the notice needs the whole form and a period of 1–30 days", async () => {
    const incomplete = await refused(() => startServiceNotice(w.db.prisma, w.s.receiver, { dispatchId, startsOn: "2026-11-10", endsOn: "2026-11-16" }), "conflict", "formIncomplete");
    expect(incomplete.details).toEqual({ missing: "receivingOpinion,talks,democratic,collective" });
    await section("receiver", receivingPart);
    expect((await refused(() => startServiceNotice(w.db.prisma, w.s.receiver, { dispatchId, startsOn: "2026-11-10", endsOn: "2026-11-09" }), "validation")).fieldErrors).toEqual({ endsOn: ["noticeEndsBeforeStart"] });
    expect((await refused(() => startServiceNotice(w.db.prisma, w.s.receiver, { dispatchId, startsOn: "2026-11-10", endsOn: "2026-12-10" }), "validation")).fieldErrors).toEqual({ endsOn: ["noticeTooLong"] });
    await refused(() => startServiceNotice(w.db.prisma, w.s.doctor, { dispatchId, startsOn: "2026-11-10", endsOn: "2026-11-16" }), "forbidden", "notYourPart");
    const v = await startServiceNotice(w.db.prisma, w.s.receiver, { dispatchId, startsOn: "2026-11-10", endsOn: "2026-11-20" });
    expect(v.form).toMatchObject({ status: "NOTICE", noticeStartsOn: "2026-11-10", noticeEndsOn: "2026-11-20" });
    // Noticed: the parts are frozen, except the authority's opinion.
    await refused(() => section("doctor", { section: "self", summary: "改", workload: { outpatients: 1, operations: 0, caseDiscussions: 0, juniorsMentored: 0, lectures: 0, newTechniques: 0 } }), "conflict", "serviceEvaluationInNotice");
  });
});

describe("objections and the result", () => {
  it("objections are recorded inside the notice and answered; the result is refused before the notice ends, with one open, or without the authority's opinion", async () => {
    expect((await refused(() => fileServiceObjection(w.db.prisma, w.s.receiver, { dispatchId, content: "出勤情况有出入", receivedOn: "2026-11-21" }), "validation")).fieldErrors).toEqual({ receivedOn: ["objectionOutsideNotice"] });
    const withObjection = await fileServiceObjection(w.db.prisma, w.s.receiver, { dispatchId, objector: "王某", content: "出勤情况有出入", receivedOn: "2026-11-12" });
    const objectionId = withObjection.form!.objections[0]!.id;
    // On the notice's last day (Beijing time) the result is refused naming the day it ends.
    const early = await refused(() => issueServiceResult(w.db.prisma, w.s.staff, { dispatchId, result: "PASS" }, new Date("2026-11-20T15:59:00Z")), "conflict", "noticeNotOver");
    expect(early.details).toEqual({ endsOn: "2026-11-20" });
    await refused(() => issueServiceResult(w.db.prisma, w.s.staff, { dispatchId, result: "PASS" }, AFTER_NOTICE), "conflict", "objectionsOpen");
    await refused(() => answerServiceObjection(w.db.prisma, w.s.doctor, { dispatchId, objectionId, answer: "x" }), "forbidden", "notYourPart");
    await answerServiceObjection(w.db.prisma, w.s.receiver, { dispatchId, objectionId, answer: "经核实考勤记录，出勤情况属实。" });
    await refused(() => answerServiceObjection(w.db.prisma, w.s.receiver, { dispatchId, objectionId, answer: "again" }), "conflict", "objectionAnswered");
    await refused(() => issueServiceResult(w.db.prisma, w.s.staff, { dispatchId, result: "PASS" }, AFTER_NOTICE), "conflict", "authorityOpinionMissing");
    for (const who of ["receiver", "nominator", "doctor", "auditor"] as const) await refused(() => issueServiceResult(w.db.prisma, w.s[who], { dispatchId, result: "PASS" }, AFTER_NOTICE), "forbidden");
    await refused(() => issueServiceResult(w.db.prisma, w.s.staff, { dispatchId, result: "GOOD" }, AFTER_NOTICE), "validation");
    await section("staff", { section: "authority", opinion: "同意接收单位评价意见。", opinionOn: "2026-11-21" });
  });

  it("合格 after the notice counts the service as grassroots experience; the form is then final", async () => {
    const v = await issueServiceResult(w.db.prisma, w.s.staff, { dispatchId, result: "PASS" }, AFTER_NOTICE);
    expect(v.form).toMatchObject({ status: "ISSUED", result: "PASS", countsAsGrassroots: true });
    const records = await w.db.prisma.grassrootsServiceRecord.findMany({ where: { doctorId: w.s.doctor.user.doctorId!, organizationName: "阿瓦提县人民医院" } });
    expect(records.map((r) => [r.startDate.toISOString().slice(0, 10), r.endDate?.toISOString().slice(0, 10), r.isFullTime])).toEqual([["2025-11-01", "2026-10-31", true]]);
    const log = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "evaluation.service_result" } });
    expect(log.after).toMatchObject({ doctor: "沈一鸣", result: "PASS", countsAsGrassroots: true, status: "ISSUED" });
    await refused(() => issueServiceResult(w.db.prisma, w.s.staff, { dispatchId, result: "FAIL" }, AFTER_NOTICE), "conflict", "serviceEvaluationIssued");
    await refused(() => section("staff", { section: "authority", opinion: "改", opinionOn: "2026-11-22" }), "conflict", "serviceEvaluationIssued");
  });

  it("合格 with more absences than the programme allows (旷工超过3次) does not count", async () => {
    await w.db.prisma.program.update({ where: { id: w.demo.programId }, data: { absenceLimit: 3 } });
    for (const day of ["2026-03-02", "2026-04-02", "2026-05-02", "2026-06-02"]) {
      await w.db.prisma.attendanceCheck.create({ data: { dispatchId: voidedId, source: "SPOT_CHECK", startDate: new Date(`${day}T00:00:00Z`), endDate: new Date(`${day}T00:00:00Z`), isPresent: false, recordedById: w.demo.userId("staff") } });
    }
    await openServiceEvaluation(w.db.prisma, w.s.staff, { dispatchId: voidedId });
    // The doctor has no account here: the scene writes the summary.
    await w.db.prisma.serviceEvaluation.update({ where: { dispatchId: voidedId }, data: { summary: "总结" } });
    await section("nominator", { section: "dispatching", opinion: "同意。", opinionOn: "2026-11-01" }, voidedId);
    await section("receiver", receivingPart, voidedId);
    await startServiceNotice(w.db.prisma, w.s.receiver, { dispatchId: voidedId, startsOn: "2026-11-10", endsOn: "2026-11-16" });
    await section("staff", { section: "authority", opinion: "同意。", opinionOn: "2026-11-21" }, voidedId);
    const before = await w.db.prisma.grassrootsServiceRecord.count();
    const v = await issueServiceResult(w.db.prisma, w.s.staff, { dispatchId: voidedId, result: "PASS" }, AFTER_NOTICE);
    expect(v.form).toMatchObject({ result: "PASS", countsAsGrassroots: false });
    expect(await w.db.prisma.grassrootsServiceRecord.count()).toBe(before);
  });

  it("prints on one A4 page with the Chinese font embedded", async () => {
    const pdf = await renderServiceEvaluationPdf(await getServiceEvaluation(w.db.prisma, w.s.nominator, dispatchId));
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toContain("NotoSansSC-Regular");
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBe(1);
  });
});
