import "server-only";
import { audit } from "../audit";
import { authorize, can, dispatchWhere, isBureauRole, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { serviceClock } from "../domain/service-clock";
import { countsAsGrassroots, isNoticeOver, missingForNotice, noticeProblem, VIRTUES, workloadFromTotals, type Virtue, type Workload } from "../domain/service-evaluation";
import { dayDate } from "../domain/service-period";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { answerObjectionSchema, fileObjectionSchema, issueResultSchema, openServiceEvaluationSchema, saveSectionSchema, startNoticeSchema } from "../schemas/service-evaluations";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { recomputeDoctors } from "./screening-store";
import { dispatchTotals } from "./work-log-queries";

// The end-of-service evaluation (服务期满评价表, seed 001's attachment; rules in
// lib/domain/service-evaluation.ts). The bureau opens the form for a dispatch (the workload pre-filled
// from confirmed work logs); the doctor fills the self-summary, the dispatching unit and the receiving
// unit their opinions with dates, the receiving unit also 德能勤绩廉 and the procedure (个别谈话、民主测评、
// 集体研究); the receiving unit puts it up for public notice (公示) for a set period, objections are
// recorded and answered; after the notice the bureau (the supervising authority) gives its opinion and
// issues 合格 or 不合格. A 合格 adds the service to the doctor's grassroots record unless the absence rule
// voided it. Every step is one transaction with its audit row; the form's row is locked while it changes.

const formSelect = {
  id: true,
  dispatchId: true,
  status: true,
  mainTasks: true,
  workload: true,
  summary: true,
  dispatchingOpinion: true,
  dispatchingOpinionOn: true,
  receivingOpinion: true,
  receivingOpinionOn: true,
  virtues: true,
  talksOn: true,
  talksNote: true,
  democraticOn: true,
  democraticNote: true,
  collectiveOn: true,
  collectiveNote: true,
  noticeStartsOn: true,
  noticeEndsOn: true,
  authorityOpinion: true,
  authorityOpinionOn: true,
  result: true,
  countsAsGrassroots: true,
  issuedAt: true,
  version: true,
  objections: { select: { id: true, objector: true, content: true, receivedOn: true, answer: true, answeredAt: true }, orderBy: { receivedOn: "asc" } },
} satisfies Prisma.ServiceEvaluationSelect;

const dispatchSelect = {
  id: true,
  doctorId: true,
  receivingOrgId: true,
  status: true,
  startDate: true,
  plannedLastDay: true,
  lastDay: true,
  program: { select: { id: true, name: true, bureauId: true, absenceLimit: true } },
  receivingOrg: { select: { name: true } },
  doctor: {
    select: {
      name: true,
      sex: true,
      ethnicity: true,
      birthDate: true,
      education: true,
      degree: true,
      major: true,
      specialty: true,
      employerId: true,
      employer: { select: { name: true } },
      titles: { select: { name: true, obtainedOn: true }, orderBy: { obtainedOn: "desc" }, take: 1 },
    },
  },
} satisfies Prisma.DispatchSelect;

type DispatchRow = Prisma.DispatchGetPayload<{ select: typeof dispatchSelect }>;
type FormRow = Prisma.ServiceEvaluationGetPayload<{ select: typeof formSelect }>;

export interface ServiceEvaluationView {
  dispatchId: string;
  program: { id: string; name: string };
  /** The form's personal part, read from the registry. */
  person: {
    name: string;
    sex: "MALE" | "FEMALE";
    ethnicity: string;
    birthMonth: string;
    education: string;
    degree: string | null;
    major: string | null;
    employer: string;
    specialty: string;
    title: string | null;
    titleSince: string | null;
    receivingOrg: string;
    firstDay: string;
    lastDay: string;
  };
  form: null | {
    id: string;
    status: "FILLING" | "NOTICE" | "ISSUED";
    version: number;
    mainTasks: string | null;
    workload: Workload;
    summary: string | null;
    dispatchingOpinion: string | null;
    dispatchingOpinionOn: string | null;
    receivingOpinion: string | null;
    receivingOpinionOn: string | null;
    virtues: Partial<Record<Virtue, string | null>>;
    talksOn: string | null;
    talksNote: string | null;
    democraticOn: string | null;
    democraticNote: string | null;
    collectiveOn: string | null;
    collectiveNote: string | null;
    noticeStartsOn: string | null;
    noticeEndsOn: string | null;
    authorityOpinion: string | null;
    authorityOpinionOn: string | null;
    result: "PASS" | "FAIL" | null;
    countsAsGrassroots: boolean | null;
    issuedAt: Date | null;
    objections: { id: string; objector: string | null; content: string; receivedOn: string; answer: string | null; answeredAt: Date | null }[];
  };
  /** What the caller may do now. */
  can: { open: boolean; self: boolean; dispatching: boolean; receiving: boolean; notice: boolean; objections: boolean; authority: boolean; issue: boolean };
}

const day = (d: Date | null) => (d ? isoDay(d) : null);

type Role = "doctor" | "dispatching" | "receiving" | "bureau";

/** The parts of this dispatch's form the caller fills: the doctor themself, the employer, the receiving unit, the programme's bureau. */
function rolesOf(scope: Scope, d: DispatchRow): Set<Role> {
  const roles = new Set<Role>();
  if (!can(scope, "evaluation.endOfService")) return roles;
  const { role } = scope.user;
  if (role === "DOCTOR" && scope.user.doctorId === d.doctorId) roles.add("doctor");
  if (role === "HOSPITAL_NOMINATOR" && scope.subtreeIds.includes(d.doctor.employerId)) roles.add("dispatching");
  if (role === "RECEIVING_SUPERVISOR" && scope.subtreeIds.includes(d.receivingOrgId)) roles.add("receiving");
  if ((role === "BUREAU_ADMIN" || role === "BUREAU_STAFF") && scope.subtreeIds.includes(d.program.bureauId)) roles.add("bureau");
  return roles;
}

function canOf(roles: Set<Role>, d: DispatchRow, f: FormRow | null): ServiceEvaluationView["can"] {
  const filling = f?.status === "FILLING";
  const notice = f?.status === "NOTICE";
  return {
    open: !f && roles.has("bureau") && d.status !== "PLANNED" && d.status !== "CANCELLED",
    self: filling && roles.has("doctor"),
    dispatching: filling && roles.has("dispatching"),
    receiving: filling && roles.has("receiving"),
    notice: filling && (roles.has("receiving") || roles.has("bureau")),
    objections: notice && (roles.has("receiving") || roles.has("bureau")),
    authority: (filling || notice) && roles.has("bureau"),
    issue: notice && roles.has("bureau"),
  };
}

function view(d: DispatchRow, f: FormRow | null, roles: Set<Role>): ServiceEvaluationView {
  const title = d.doctor.titles[0];
  return {
    dispatchId: d.id,
    program: { id: d.program.id, name: d.program.name },
    person: {
      name: d.doctor.name,
      sex: d.doctor.sex,
      ethnicity: d.doctor.ethnicity,
      birthMonth: isoDay(d.doctor.birthDate).slice(0, 7),
      education: d.doctor.education,
      degree: d.doctor.degree,
      major: d.doctor.major,
      employer: d.doctor.employer.name,
      specialty: d.doctor.specialty,
      title: title?.name ?? null,
      titleSince: title ? isoDay(title.obtainedOn) : null,
      receivingOrg: d.receivingOrg.name,
      firstDay: isoDay(d.startDate),
      lastDay: isoDay(d.lastDay),
    },
    form: f
      ? {
          id: f.id,
          status: f.status,
          version: f.version,
          mainTasks: f.mainTasks,
          workload: f.workload as unknown as Workload,
          summary: f.summary,
          dispatchingOpinion: f.dispatchingOpinion,
          dispatchingOpinionOn: day(f.dispatchingOpinionOn),
          receivingOpinion: f.receivingOpinion,
          receivingOpinionOn: day(f.receivingOpinionOn),
          virtues: f.virtues as Partial<Record<Virtue, string | null>>,
          talksOn: day(f.talksOn),
          talksNote: f.talksNote,
          democraticOn: day(f.democraticOn),
          democraticNote: f.democraticNote,
          collectiveOn: day(f.collectiveOn),
          collectiveNote: f.collectiveNote,
          noticeStartsOn: day(f.noticeStartsOn),
          noticeEndsOn: day(f.noticeEndsOn),
          authorityOpinion: f.authorityOpinion,
          authorityOpinionOn: day(f.authorityOpinionOn),
          result: f.result,
          countsAsGrassroots: f.countsAsGrassroots,
          issuedAt: f.issuedAt,
          objections: f.objections.map((o) => ({ ...o, receivedOn: isoDay(o.receivedOn) })),
        }
      : null,
    can: canOf(roles, d, f),
  };
}

async function visibleDispatch(db: PrismaClient | Tx, scope: Scope, dispatchId: string): Promise<DispatchRow> {
  return visibleOr(await db.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: dispatchSelect }));
}

/** The form of a dispatch (null before the bureau opens it), with the personal part and what the caller may do. */
export async function getServiceEvaluation(db: PrismaClient, scope: Scope, dispatchId: string): Promise<ServiceEvaluationView> {
  authorize(scope, "evaluation.read");
  const d = await visibleDispatch(db, scope, dispatchId);
  const f = await db.serviceEvaluation.findUnique({ where: { dispatchId: d.id }, select: formSelect });
  return view(d, f, rolesOf(scope, d));
}

export interface ServiceEvaluationSummary {
  dispatchId: string;
  doctorName: string;
  receivingOrg: string;
  programName: string;
  lastDay: string;
  status: "FILLING" | "NOTICE" | "ISSUED" | null;
  result: "PASS" | "FAIL" | null;
}

/**
 * The forms the caller may see, and (staff) the dispatches that have ended or end within 60 days and
 * have no form yet, newest last day first.
 */
export async function listServiceEvaluations(db: PrismaClient, scope: Scope, now = new Date()): Promise<ServiceEvaluationSummary[]> {
  authorize(scope, "evaluation.read");
  const soon = new Date(dayDate(shanghaiDay(now)).getTime() + 60 * 24 * 3600 * 1000);
  const staff = isBureauRole(scope.user.role) && scope.user.role !== "AUDITOR";
  const rows = await db.dispatch.findMany({
    where: {
      AND: [
        dispatchWhere(scope),
        { status: { in: ["ACTIVE", "COMPLETED", "TERMINATED"] } },
        staff ? { OR: [{ serviceEvaluation: { isNot: null } }, { lastDay: { lte: soon } }] } : { serviceEvaluation: { isNot: null } },
      ],
    },
    select: { id: true, lastDay: true, doctor: { select: { name: true } }, receivingOrg: { select: { name: true } }, program: { select: { name: true } }, serviceEvaluation: { select: { status: true, result: true } } },
    orderBy: [{ lastDay: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((r) => ({
    dispatchId: r.id,
    doctorName: r.doctor.name,
    receivingOrg: r.receivingOrg.name,
    programName: r.program.name,
    lastDay: isoDay(r.lastDay),
    status: r.serviceEvaluation?.status ?? null,
    result: r.serviceEvaluation?.result ?? null,
  }));
}

// ───────────── Steps ─────────────

const OTHER_WORDS = { newDepartments: (n: number) => `新建业务科室 ${n} 个`, freeClinics: (n: number) => `义诊 ${n} 次`, teaching: (n: number) => `带教活动 ${n} 次` };

/** The bureau opens the form for a dispatch in or after service; the workload is pre-filled from its confirmed logs. */
export async function openServiceEvaluation(db: PrismaClient, scope: Scope, raw: unknown): Promise<ServiceEvaluationView> {
  const input = parse(openServiceEvaluationSchema, raw);
  authorize(scope, "evaluation.manage");
  const totals = await dispatchTotals(db, input.dispatchId);
  return runTx(
    db,
    async (tx) => {
      const d = await visibleDispatch(tx, scope, input.dispatchId);
      authorize(scope, "evaluation.manage", { organizationId: d.program.bureauId });
      if (d.status === "PLANNED" || d.status === "CANCELLED") throw new AppError("conflict", "serviceNotStarted", undefined, { doctor: d.doctor.name });
      if (await tx.serviceEvaluation.count({ where: { dispatchId: d.id } })) throw new AppError("conflict", "serviceEvaluationExists");
      const workload = workloadFromTotals(totals, OTHER_WORDS);
      const created = await tx.serviceEvaluation.create({ data: { dispatchId: d.id, workload, createdById: scope.user.id }, select: formSelect });
      await audit(tx, { actor: await actorOf(tx, scope), action: "evaluation.service_opened", entity: "ServiceEvaluation", entityId: created.id, after: { doctor: d.doctor.name, receivingOrg: d.receivingOrg.name, workload } });
      return view(d, created, rolesOf(scope, d));
    },
    { uniqueFields: { ServiceEvaluation_dispatchId_key: ["dispatchId", "serviceEvaluationExists"] } },
  );
}

/** The dispatch and its form, the form's row locked for the step; the caller's roles on it. */
async function lockedForm(tx: Tx, scope: Scope, dispatchId: string) {
  const d = await visibleDispatch(tx, scope, dispatchId);
  const found = await tx.serviceEvaluation.findUnique({ where: { dispatchId: d.id }, select: { id: true } });
  if (!found) throw new AppError("conflict", "serviceEvaluationMissing");
  await tx.$queryRaw`SELECT id FROM "ServiceEvaluation" WHERE id = ${found.id} FOR UPDATE`;
  const f = await tx.serviceEvaluation.findUniqueOrThrow({ where: { id: found.id }, select: formSelect });
  return { d, f, roles: rolesOf(scope, d) };
}

async function finish(tx: Tx, scope: Scope, d: DispatchRow, before: FormRow, data: Prisma.ServiceEvaluationUpdateInput, action: string, after: Record<string, unknown>): Promise<ServiceEvaluationView> {
  const updated = await tx.serviceEvaluation.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } }, select: formSelect });
  await audit(tx, { actor: await actorOf(tx, scope), action, entity: "ServiceEvaluation", entityId: before.id, before: { doctor: d.doctor.name, status: before.status }, after: { doctor: d.doctor.name, status: updated.status, ...after } });
  return view(d, updated, rolesOf(scope, d));
}

const optionalDay = (v: string | null | undefined) => (v ? dayDate(v) : null);

/** One part of the form: the doctor's self-summary, the dispatching unit's, the receiving unit's or the authority's opinion. */
export async function saveServiceEvaluationSection(db: PrismaClient, scope: Scope, raw: unknown): Promise<ServiceEvaluationView> {
  const input = parse(saveSectionSchema, raw);
  authorize(scope, "evaluation.endOfService");
  return runTx(db, async (tx) => {
    const { d, f, roles } = await lockedForm(tx, scope, input.dispatchId);
    if (input.version !== undefined && input.version !== f.version) throw new AppError("conflict", "staleVersion");
    const allowed = canOf(roles, d, f);
    const part = input.part;
    if (!allowed[part.section]) {
      if (f.status !== "FILLING" && part.section !== "authority") throw new AppError("conflict", f.status === "ISSUED" ? "serviceEvaluationIssued" : "serviceEvaluationInNotice");
      if (f.status === "ISSUED") throw new AppError("conflict", "serviceEvaluationIssued");
      throw new AppError("forbidden", "notYourPart");
    }
    switch (part.section) {
      case "self":
        return finish(tx, scope, d, f, { mainTasks: part.mainTasks, workload: part.workload, summary: part.summary }, "evaluation.service_self", { mainTasks: part.mainTasks, workload: part.workload, summary: part.summary });
      case "dispatching":
        return finish(tx, scope, d, f, { dispatchingOpinion: part.opinion, dispatchingOpinionOn: dayDate(part.opinionOn) }, "evaluation.service_dispatching_opinion", { opinion: part.opinion, on: part.opinionOn });
      case "receiving": {
        const virtues = Object.fromEntries(VIRTUES.map((v) => [v, part.virtues[v] ?? null]));
        return finish(
          tx,
          scope,
          d,
          f,
          {
            receivingOpinion: part.opinion,
            receivingOpinionOn: dayDate(part.opinionOn),
            virtues,
            talksOn: optionalDay(part.talksOn),
            talksNote: part.talksNote,
            democraticOn: optionalDay(part.democraticOn),
            democraticNote: part.democraticNote,
            collectiveOn: optionalDay(part.collectiveOn),
            collectiveNote: part.collectiveNote,
          },
          "evaluation.service_receiving_opinion",
          { opinion: part.opinion, on: part.opinionOn, virtues, talksOn: part.talksOn ?? null, democraticOn: part.democraticOn ?? null, collectiveOn: part.collectiveOn ?? null },
        );
      }
      case "authority":
        return finish(tx, scope, d, f, { authorityOpinion: part.opinion, authorityOpinionOn: dayDate(part.opinionOn) }, "evaluation.service_authority_opinion", { opinion: part.opinion, on: part.opinionOn });
    }
  });
}

/** The receiving unit (or the bureau) puts the completed form up for public notice from one day to another. */
export async function startServiceNotice(db: PrismaClient, scope: Scope, raw: unknown): Promise<ServiceEvaluationView> {
  const input = parse(startNoticeSchema, raw);
  authorize(scope, "evaluation.endOfService");
  const problem = noticeProblem(input.startsOn, input.endsOn);
  if (problem) throw fieldError("endsOn", problem);
  return runTx(db, async (tx) => {
    const { d, f, roles } = await lockedForm(tx, scope, input.dispatchId);
    if (!canOf(roles, d, f).notice) throw f.status === "FILLING" ? new AppError("forbidden", "notYourPart") : new AppError("conflict", "serviceEvaluationInNotice");
    const missing = missingForNotice(f);
    if (missing.length) throw new AppError("conflict", "formIncomplete", undefined, { missing: missing.join(",") });
    return finish(tx, scope, d, f, { status: "NOTICE", noticeStartsOn: dayDate(input.startsOn), noticeEndsOn: dayDate(input.endsOn) }, "evaluation.service_noticed", { startsOn: input.startsOn, endsOn: input.endsOn });
  });
}

export async function fileServiceObjection(db: PrismaClient, scope: Scope, raw: unknown): Promise<ServiceEvaluationView> {
  const input = parse(fileObjectionSchema, raw);
  authorize(scope, "evaluation.endOfService");
  return runTx(db, async (tx) => {
    const { d, f, roles } = await lockedForm(tx, scope, input.dispatchId);
    if (!canOf(roles, d, f).objections) throw f.status === "NOTICE" ? new AppError("forbidden", "notYourPart") : new AppError("conflict", "notInNotice");
    const starts = isoDay(f.noticeStartsOn!);
    const ends = isoDay(f.noticeEndsOn!);
    if (input.receivedOn < starts || input.receivedOn > ends) throw fieldError("receivedOn", "objectionOutsideNotice");
    await tx.serviceEvaluationObjection.create({ data: { evaluationId: f.id, objector: input.objector, content: input.content, receivedOn: dayDate(input.receivedOn), recordedById: scope.user.id } });
    return finish(tx, scope, d, f, {}, "evaluation.service_objection", { objector: input.objector, content: input.content, receivedOn: input.receivedOn });
  });
}

export async function answerServiceObjection(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ServiceEvaluationView> {
  const input = parse(answerObjectionSchema, raw);
  authorize(scope, "evaluation.endOfService");
  return runTx(db, async (tx) => {
    const { d, f, roles } = await lockedForm(tx, scope, input.dispatchId);
    if (!canOf(roles, d, f).objections) throw f.status === "NOTICE" ? new AppError("forbidden", "notYourPart") : new AppError("conflict", "notInNotice");
    const objection = visibleOr(f.objections.find((o) => o.id === input.objectionId));
    if (objection.answer) throw new AppError("conflict", "objectionAnswered");
    await tx.serviceEvaluationObjection.update({ where: { id: objection.id }, data: { answer: input.answer, answeredById: scope.user.id, answeredAt: now } });
    return finish(tx, scope, d, f, {}, "evaluation.service_objection_answered", { objection: objection.content, answer: input.answer });
  });
}

/**
 * The bureau issues 合格 or 不合格 after the notice (from the day after its last day, Beijing time),
 * every objection answered and its own opinion given. 合格 counts the service toward grassroots
 * experience — a record in the doctor's registry — unless the absences exceeded the programme's limit.
 */
export async function issueServiceResult(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ServiceEvaluationView> {
  const input = parse(issueResultSchema, raw);
  authorize(scope, "evaluation.manage");
  return runTx(db, async (tx) => {
    const { d, f, roles } = await lockedForm(tx, scope, input.dispatchId);
    authorize(scope, "evaluation.manage", { organizationId: d.program.bureauId });
    if (f.status === "ISSUED") throw new AppError("conflict", "serviceEvaluationIssued");
    if (!canOf(roles, d, f).issue) throw new AppError("conflict", "notInNotice");
    const today = shanghaiDay(now);
    const endsOn = isoDay(f.noticeEndsOn!);
    if (!isNoticeOver(endsOn, today)) throw new AppError("conflict", "noticeNotOver", undefined, { endsOn });
    if (f.objections.some((o) => !o.answer)) throw new AppError("conflict", "objectionsOpen");
    if (!f.authorityOpinion) throw new AppError("conflict", "authorityOpinionMissing");
    const [leaves, attendance] = await Promise.all([
      tx.leaveRequest.findMany({ where: { dispatchId: d.id }, select: { kind: true, startDate: true, endDate: true, status: true, extendsService: true } }),
      tx.attendanceCheck.findMany({ where: { dispatchId: d.id }, select: { startDate: true, endDate: true, isPresent: true } }),
    ]);
    const clock = serviceClock({ dispatch: d, leaves, attendance, absenceLimit: d.program.absenceLimit, today });
    const counts = countsAsGrassroots(input.result, clock.exceedsAbsenceLimit);
    if (counts) {
      await tx.grassrootsServiceRecord.create({
        data: { doctorId: d.doctorId, organizationName: d.receivingOrg.name, startDate: d.startDate, endDate: d.lastDay, isFullTime: true, note: `服务期满评价合格（${d.program.name}）` },
      });
      await recomputeDoctors(tx, [d.doctorId]); // the new service record changes his screening verdicts (issue 17)
    }
    return finish(
      tx,
      scope,
      d,
      f,
      { status: "ISSUED", result: input.result, countsAsGrassroots: counts, issuedBy: { connect: { id: scope.user.id } }, issuedAt: now },
      "evaluation.service_result",
      { result: input.result, countsAsGrassroots: counts, absences: clock.absenceCount, absenceLimit: clock.absenceLimit },
    );
  });
}
