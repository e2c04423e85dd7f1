// The demo's selection round carried to its end (issue 11): after the inspection (prisma/seed/round.ts)
// the first batch's 副院长 and 口腔科 posts go through the report list and the approval (one place each);
// the approved list is publicly noticed (公示) for 5 working days from Monday 23 December 2013; 沈一鸣 objects to a
// name and the bureau answers; on 30 December the list is confirmed (version 1, with its SHA-256); the
// two appointees are dispatched from it for 15 February 2014, arrive, and complete their 18 months.
// All through the product's use cases at 2013–2015 instants. The 眼科 post is left to the e2e round.
import type { Scope } from "../../lib/auth/policy";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { activateDispatch, completeDispatch, createDispatch } from "../../lib/server/dispatches";
import { buildScope } from "../../lib/server/organization-tree";
import { answerObjection, confirmList, fileObjection, publishNotice } from "../../lib/server/public-notice";
import { decide } from "../../lib/server/vetting";
import { attachDemoDocument } from "./round-documents";

const PROGRAM = "绍兴市第八批援疆医生选派";
const at = (shanghai: string) => new Date(`${shanghai}:00+08:00`);
const CANDIDATES = ["楼志刚", "钱建华", "俞丽萍"];
/** One place per post in each batch: the 副院长's first-ranked and the 口腔科 candidate. */
const APPOINTEES = ["楼志刚", "俞丽萍"];

/** Carries the round to its dispatches unless its notice exists or the round is not where round.ts leaves it. Returns the dispatches created. */
export async function seedDemoRoundClosing(prisma: PrismaClient): Promise<number> {
  const program = await prisma.program.findFirst({ where: { name: PROGRAM }, select: { id: true } });
  if (!program || (await prisma.publicNotice.count({ where: { programId: program.id } })) > 0) return 0;
  const apps = await prisma.application.findMany({
    where: { post: { programId: program.id, rotationBatch: 1 }, doctor: { name: { in: CANDIDATES } } },
    select: { id: true, status: true, currentStage: true, doctor: { select: { name: true } } },
  });
  if (apps.length !== CANDIDATES.length || apps.some((a) => a.status !== "IN_PROGRESS")) return 0;
  const scopes: Record<string, Scope> = {};
  for (const username of ["staff", "doctor"]) {
    const user = await prisma.user.findUnique({ where: { username }, select: { id: true, role: true, organizationId: true, doctorId: true } });
    if (!user) return 0;
    scopes[username] = await buildScope(prisma, user);
  }
  const staff = scopes.staff!;
  const id = (name: string) => apps.find((a) => a.doctor.name === name)!.id;

  await attachDemoDocument(prisma, staff, id("俞丽萍"), "INSPECTION_MATERIAL", "俞丽萍", at("2013-11-19 15:00"));
  await decide(prisma, staff, { applicationIds: [id("俞丽萍")], stage: "INSPECTION", outcome: "PASS", reason: "考察组意见：业务精湛，服务意识强" }, at("2013-11-19 16:00"));
  await decide(prisma, staff, { applicationIds: CANDIDATES.map(id), stage: "REPORT_LIST", outcome: "PASS" }, at("2013-11-22 10:00"));
  await decide(prisma, staff, { applicationIds: APPOINTEES.map(id), stage: "APPROVAL", outcome: "PASS" }, at("2013-12-20 10:00"));
  await decide(prisma, staff, { applicationIds: [id("钱建华")], stage: "APPROVAL", outcome: "FAIL", reason: "副院长岗位本批次名额1人，按考察排名确定楼志刚同志" }, at("2013-12-20 10:05"));

  const notice = await publishNotice(
    prisma,
    staff,
    { programId: program.id, rotationBatch: 1, note: "公示期间，如对公示对象有异议，请实名在本系统提出，或向市卫生局政治处反映（联系电话85080558）。" },
    at("2013-12-23 09:00"),
  );
  const objection = await fileObjection(prisma, scopes.doctor!, { noticeId: notice.id, applicationId: id("楼志刚"), reason: "听说楼志刚同志近期有出国进修安排，是否会影响援疆工作？" }, at("2013-12-24 14:20"));
  await answerObjection(prisma, staff, { objectionId: objection.id, answer: "经与所在单位核实，楼志刚同志无出国进修安排，本人已书面承诺服从援疆工作安排。异议不成立。" }, at("2013-12-26 10:30"));
  await confirmList(prisma, staff, { programId: program.id, rotationBatch: 1 }, at("2013-12-30 09:30"));

  let created = 0;
  for (const name of APPOINTEES) {
    const d = await createDispatch(prisma, staff, { applicationId: id(name), startDate: "2014-02-15", actingPosition: name === "楼志刚" ? "业务副院长" : "" }, at("2014-01-10 10:00"));
    const active = await activateDispatch(prisma, staff, { dispatchId: d.id, expectedVersion: d.version }, at("2014-02-15 18:00"));
    await completeDispatch(prisma, staff, { dispatchId: d.id, expectedVersion: active.version }, at("2015-08-15 10:00"));
    created += 1;
  }
  return created;
}
