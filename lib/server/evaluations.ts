import "server-only";
import { audit, type AuditActor } from "../audit";
import { assessmentSubjectWhere, assessmentWhere, authorize, isBureauRole, programWhere, scoringParties, type Scope } from "../auth/policy";
import {
  checkPoints,
  checkTopQuota,
  daysServedInYear,
  gradeFor,
  GRADES,
  isExcellentAwardItem,
  isAssessed,
  monthsServed,
  partySum,
  rankByTotal,
  schemeProblems,
  topGradeQuota,
  weightedTotal,
  type Grade,
  type GradeBand,
} from "../domain/scoring";
import { shanghaiDay } from "../domain/dispatch";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { EvaluationParty } from "../generated/prisma/enums";
import { ASSESSMENT_DEFAULT_SORT, createSchemeSchema, gradeSubjectsSchema, openAssessmentSchema, saveScoreSchema, type ASSESSMENT_SORT_KEYS, type AssessmentListQuery } from "../schemas/evaluations";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import { addEventLine } from "./allowance-schedule";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { notify, unitNominatorIds } from "./notifications";

// The annual assessment (年度考核, seed 001) and the schemes it is scored by (issue 14).
//
// - A scheme is data (parties and weights, aspects and maxima, grade bands, the top grade's quota,
//   the share of the year served to be assessed) and never changes once made.
// - Opening an assessment lists the programme's cohort for the year with the days each served; those
//   short of the scheme's share are listed as not assessed (and why), and nobody scores them.
// - Each party scores each assessed doctor: drafts and the one submission are appended rows of
//   AssessmentScore (the table refuses UPDATE and DELETE); the latest row of a party counts. The
//   doctor's row is locked (FOR UPDATE) while a party saves, so two submissions at once are one.
// - The bureau grades, with the assessment's row locked FOR UPDATE: two gradings at once queue, and
//   the second counts the first's 优秀, so the quota (15 % of the cohort, rounded down) always holds.
//   When every assessed doctor has a grade, the assessment is final and each dispatching unit hears
//   its doctors' results (outside its own excellent quota, seed 001).

interface SubjectScope {
  receivingOrgId: string;
  dispatchingOrgId: string;
  bureauId: string;
}

/** Whether the user may score the subject as `party`: their role's party and the doctor within their unit. */
export function canScoreAs(scope: Scope, party: EvaluationParty, subject: SubjectScope): boolean {
  if (!scoringParties(scope).includes(party)) return false;
  const { role } = scope.user;
  if (role === "BUREAU_ADMIN" || role === "BUREAU_STAFF") return scope.subtreeIds.includes(subject.bureauId);
  if (role === "RECEIVING_SUPERVISOR") return scope.subtreeIds.includes(subject.receivingOrgId);
  if (role === "HOSPITAL_NOMINATOR") return scope.subtreeIds.includes(subject.dispatchingOrgId);
  return false;
}

// ───────────── Schemes ─────────────

const schemeSelect = {
  id: true,
  bureauId: true,
  name: true,
  description: true,
  isDefault: true,
  quotaPercent: true,
  minServedPercent: true,
  basedOnId: true,
  createdAt: true,
  parties: { select: { party: true, weight: true }, orderBy: { sequence: "asc" } },
  aspects: { select: { id: true, name: true, maxPoints: true }, orderBy: { sequence: "asc" } },
  bands: { select: { grade: true, minTotal: true } },
} satisfies Prisma.EvaluationSchemeSelect;
export type SchemeView = Prisma.EvaluationSchemeGetPayload<{ select: typeof schemeSelect }>;

function schemeWhere(scope: Scope): Prisma.EvaluationSchemeWhereInput {
  // Built-in schemes for everyone; a bureau's own for its staff and those above.
  if (isBureauRole(scope.user.role)) return { OR: [{ bureauId: null }, { bureauId: { in: scope.subtreeIds } }, { bureauId: { in: scope.ancestorIds } }] };
  return { bureauId: null };
}

function orderBands<T extends { grade: Grade }>(bands: readonly T[]): T[] {
  return [...bands].sort((a, b) => GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade));
}

export async function listSchemes(db: PrismaClient, scope: Scope): Promise<SchemeView[]> {
  authorize(scope, "evaluation.read");
  const rows = await db.evaluationScheme.findMany({ where: schemeWhere(scope), select: schemeSelect, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
  return rows.map((s) => ({ ...s, bands: orderBands(s.bands) }));
}

export async function getScheme(db: PrismaClient, scope: Scope, schemeId: string): Promise<SchemeView> {
  authorize(scope, "evaluation.read");
  const row = visibleOr(await db.evaluationScheme.findFirst({ where: { AND: [{ id: schemeId }, schemeWhere(scope)] }, select: schemeSelect }));
  return { ...row, bands: orderBands(row.bands) };
}

/** A scheme of the caller's bureau, made from another or from scratch; sums are checked (weights and points to 100, bands descending). */
export async function createScheme(db: PrismaClient, scope: Scope, raw: unknown): Promise<SchemeView> {
  const input = parse(createSchemeSchema, raw);
  authorize(scope, "evaluation.manage", { organizationId: scope.user.organizationId });
  const problems = schemeProblems({ parties: input.parties.map((p) => ({ kind: p.party, weight: p.weight })), aspects: input.aspects, bands: input.bands });
  if (problems.length) {
    const fields: Record<string, string> = { weightsNot100: "parties", partyTwice: "parties", noParties: "parties", aspectsNot100: "aspects", noAspects: "aspects" };
    throw new AppError("validation", problems[0], Object.fromEntries(problems.map((p) => [fields[p] ?? "bands", [p]])));
  }
  return runTx(db, async (tx) => {
    if (input.basedOnId) visibleOr(await tx.evaluationScheme.findFirst({ where: { AND: [{ id: input.basedOnId }, schemeWhere(scope)] }, select: { id: true } }));
    const created = await tx.evaluationScheme.create({
      data: {
        bureauId: scope.user.organizationId,
        name: input.name,
        description: input.description,
        quotaPercent: input.quotaPercent,
        minServedPercent: input.minServedPercent,
        basedOnId: input.basedOnId ?? null,
        createdById: scope.user.id,
        parties: { create: input.parties.map((p, i) => ({ party: p.party, weight: p.weight, sequence: i + 1 })) },
        aspects: { create: input.aspects.map((a, i) => ({ name: a.name, maxPoints: a.maxPoints, sequence: i + 1 })) },
        bands: { create: input.bands.map((b) => ({ grade: b.grade, minTotal: b.minTotal })) },
      },
      select: schemeSelect,
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "evaluation.scheme_created", entity: "EvaluationScheme", entityId: created.id, after: created });
    return { ...created, bands: orderBands(created.bands) };
  });
}

// ───────────── Opening an assessment ─────────────

export interface CohortMember {
  doctorId: string;
  dispatchingOrgId: string;
  receivingOrgId: string;
  servedDays: number;
}

/** The programme's doctors who served any day of the year (live or ended dispatches, not cancelled ones), with the days served. */
async function cohortOf(tx: Tx, programId: string, year: number): Promise<CohortMember[]> {
  const dispatches = await tx.dispatch.findMany({
    where: { programId, status: { not: "CANCELLED" }, startDate: { lte: new Date(`${year}-12-31T00:00:00Z`) }, lastDay: { gte: new Date(`${year}-01-01T00:00:00Z`) } },
    select: { doctorId: true, receivingOrgId: true, startDate: true, lastDay: true, doctor: { select: { employerId: true } } },
    orderBy: { startDate: "asc" },
  });
  const byDoctor = new Map<string, typeof dispatches>();
  for (const d of dispatches) byDoctor.set(d.doctorId, [...(byDoctor.get(d.doctorId) ?? []), d]);
  return [...byDoctor.entries()].map(([doctorId, ds]) => ({
    doctorId,
    dispatchingOrgId: ds[0]!.doctor.employerId,
    receivingOrgId: ds[ds.length - 1]!.receivingOrgId,
    servedDays: daysServedInYear(ds.map((d) => ({ first: d.startDate, last: d.lastDay })), year),
  }));
}

export interface OpenedAssessment {
  id: string;
  cohort: number;
  assessed: number;
}

export async function openAssessment(db: PrismaClient, scope: Scope, raw: unknown): Promise<OpenedAssessment> {
  const input = parse(openAssessmentSchema, raw);
  authorize(scope, "evaluation.manage");
  return runTx(
    db,
    async (tx) => {
      const program = visibleOr(await tx.program.findFirst({ where: { AND: [{ id: input.programId }, programWhere(scope)] }, select: { id: true, bureauId: true, name: true } }));
      authorize(scope, "evaluation.manage", { organizationId: program.bureauId });
      const scheme = input.schemeId
        ? visibleOr(await tx.evaluationScheme.findFirst({ where: { AND: [{ id: input.schemeId }, schemeWhere(scope)] }, select: { id: true, minServedPercent: true } }))
        : await tx.evaluationScheme.findFirstOrThrow({ where: { isDefault: true, bureauId: null }, select: { id: true, minServedPercent: true } });
      if (await tx.assessment.count({ where: { programId: program.id, year: input.year } })) throw fieldError("year", "assessmentExists");
      const cohort = await cohortOf(tx, program.id, input.year);
      if (cohort.length === 0) throw fieldError("year", "noCohort");
      const created = await tx.assessment.create({
        data: {
          programId: program.id,
          schemeId: scheme.id,
          year: input.year,
          openedById: scope.user.id,
          subjects: { create: cohort.map((m) => ({ ...m, assessed: isAssessed(m.servedDays, input.year, scheme.minServedPercent) })) },
        },
        select: { id: true, subjects: { select: { assessed: true } } },
      });
      const result = { id: created.id, cohort: cohort.length, assessed: created.subjects.filter((s) => s.assessed).length };
      await audit(tx, {
        actor: await actorOf(tx, scope),
        action: "evaluation.assessment_opened",
        entity: "Assessment",
        entityId: created.id,
        after: { program: program.name, year: input.year, schemeId: scheme.id, ...result },
      });
      return result;
    },
    { uniqueFields: { Assessment_programId_year_key: ["year", "assessmentExists"] } },
  );
}

// ───────────── Scoring ─────────────

export interface SavedScore {
  id: string;
  party: EvaluationParty;
  submitted: boolean;
  sum: number;
}

/** A party's points for one doctor: a draft, or its one submission; after it, a correction with a reason. Out-of-range points and a second submission are refused. */
export async function saveScore(db: PrismaClient, scope: Scope, raw: unknown): Promise<SavedScore> {
  const input = parse(saveScoreSchema, raw);
  authorize(scope, "evaluation.score");
  return runTx(db, async (tx) => {
    const found = await tx.assessmentSubject.findFirst({ where: { AND: [{ id: input.subjectId }, assessmentSubjectWhere(scope)] }, select: { id: true } });
    visibleOr(found);
    return appendScore(tx, {
      subjectId: input.subjectId,
      party: input.party,
      points: input.points,
      submit: input.submit,
      correctionReason: input.correctionReason ?? null,
      by: { userId: scope.user.id },
      actor: await actorOf(tx, scope),
      mayScore: (subject) => canScoreAs(scope, input.party, subject),
    });
  });
}

export interface AppendScoreInput {
  subjectId: string;
  party: EvaluationParty;
  /** Whole tenths, one per aspect. */
  points: number[];
  submit: boolean;
  /** A correction of a submitted sheet: the reason, in words. */
  correctionReason: string | null;
  by: { userId: string } | { raterLinkId: string };
  actor: AuditActor | null;
  /** Whether the caller scores this doctor as this party (their role and unit, or their link). */
  mayScore: (subject: SubjectScope) => boolean;
  /** Words for the audit row: who scored without an account. */
  rater?: string;
}

/**
 * The one way a score row is written (an account's sheet or a rater link's): the doctor's row locked
 * (FOR UPDATE) so two submissions at once are one; the party in the scheme; the assessment still
 * scoring; the doctor assessed; each aspect within its bound; one submission per party, after which
 * only a correction with a reason (before the doctor is graded) is a new submitted row.
 */
export async function appendScore(tx: Tx, input: AppendScoreInput): Promise<SavedScore> {
  await tx.$queryRaw`SELECT id FROM "AssessmentSubject" WHERE id = ${input.subjectId} FOR UPDATE`;
  const subject = await tx.assessmentSubject.findUniqueOrThrow({
    where: { id: input.subjectId },
    select: {
      id: true,
      assessed: true,
      grade: true,
      receivingOrgId: true,
      dispatchingOrgId: true,
      doctor: { select: { name: true } },
      assessment: {
        select: {
          id: true,
          status: true,
          year: true,
          program: { select: { bureauId: true } },
          scheme: { select: { parties: { select: { party: true } }, aspects: { select: { maxPoints: true, name: true }, orderBy: { sequence: "asc" } } } },
        },
      },
    },
  });
  const { assessment } = subject;
  if (!assessment.scheme.parties.some((p) => p.party === input.party)) throw fieldError("party", "partyNotInScheme");
  if (!input.mayScore({ ...subject, bureauId: assessment.program.bureauId })) throw new AppError("forbidden", "notYourParty");
  if (assessment.status !== "SCORING") throw new AppError("conflict", "assessmentFinal");
  if (!subject.assessed) throw new AppError("conflict", "notAssessed", undefined, { doctor: subject.doctor.name });
  const problems = checkPoints(assessment.scheme.aspects, input.points);
  if (problems.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) fieldErrors[p.aspect < 0 ? "points" : `points.${p.aspect}`] = [p.aspect < 0 ? "pointsCount" : "pointsOutOfRange"];
    throw new AppError("validation", "pointsOutOfRange", fieldErrors);
  }
  const submitted = await tx.assessmentScore.findFirst({ where: { subjectId: subject.id, party: input.party, submitted: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { points: true, sum: true } });
  const isCorrection = Boolean(submitted && input.correctionReason);
  if (submitted && !isCorrection) throw new AppError("conflict", "alreadySubmitted", undefined, { doctor: subject.doctor.name });
  if (isCorrection && !input.submit) throw fieldError("correctionReason", "correctionIsSubmission");
  if (isCorrection && subject.grade) throw new AppError("conflict", "correctionAfterGrade", undefined, { doctor: subject.doctor.name });
  const sum = partySum(input.points);
  const row = await tx.assessmentScore.create({
    data: {
      subjectId: subject.id,
      party: input.party,
      points: input.points,
      sum,
      submitted: input.submit,
      correctionReason: isCorrection ? input.correctionReason : null,
      ...("userId" in input.by ? { byUserId: input.by.userId } : { raterLinkId: input.by.raterLinkId }),
    },
    select: { id: true, party: true, submitted: true, sum: true },
  });
  await audit(tx, {
    actor: input.actor,
    action: isCorrection ? "evaluation.score_corrected" : input.submit ? "evaluation.score_submitted" : "evaluation.score_drafted",
    entity: "AssessmentSubject",
    entityId: subject.id,
    ...(isCorrection ? { before: { doctor: subject.doctor.name, party: input.party, points: submitted!.points, sum: submitted!.sum } } : {}),
    after: { doctor: subject.doctor.name, party: input.party, points: input.points, sum, ...(isCorrection ? { reason: input.correctionReason } : {}), ...(input.rater ? { rater: input.rater } : {}) },
  });
  return row;
}

// ───────────── Reading ─────────────

export interface PartySheet {
  party: EvaluationParty;
  weight: number;
  /** The latest row of the party (a draft or the submission), or null before any. */
  points: number[] | null;
  sum: number | null;
  submitted: boolean;
  /** Whether the caller scores this doctor as this party. */
  mine: boolean;
}

export interface SubjectView {
  id: string;
  doctorId: string;
  doctorName: string;
  dispatchingOrg: string;
  receivingOrg: string;
  servedDays: number;
  monthsServed: string;
  assessed: boolean;
  sheets: PartySheet[];
  /** Every party submitted: the weighted total (hundredths) and the grade it falls in. */
  total: number | null;
  proposedGrade: Grade | null;
  grade: Grade | null;
}

export interface AssessmentView {
  id: string;
  version: number;
  year: number;
  status: "SCORING" | "FINALISED";
  program: { id: string; name: string };
  scheme: SchemeView;
  cohortSize: number;
  quota: number;
  subjects: SubjectView[];
  /** Assessed doctors with every party submitted, highest total first (the bureau's view). */
  ranking: { id: string; name: string; total: number }[];
  can: { grade: boolean };
}

const assessmentSelect = {
  id: true,
  version: true,
  year: true,
  status: true,
  program: { select: { id: true, name: true, bureauId: true } },
  scheme: { select: schemeSelect },
} satisfies Prisma.AssessmentSelect;

async function loadSubjects(db: PrismaClient | Tx, scope: Scope, assessmentId: string) {
  return db.assessmentSubject.findMany({
    where: { AND: [{ assessmentId }, assessmentSubjectWhere(scope)] },
    select: {
      id: true,
      doctorId: true,
      servedDays: true,
      assessed: true,
      total: true,
      grade: true,
      receivingOrgId: true,
      dispatchingOrgId: true,
      doctor: { select: { name: true } },
      dispatchingOrg: { select: { name: true } },
      receivingOrg: { select: { name: true } },
      scores: { select: { party: true, points: true, sum: true, submitted: true, createdAt: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
    orderBy: [{ assessed: "desc" }, { doctor: { name: "asc" } }],
  });
}

function viewSubject(scope: Scope, scheme: SchemeView, year: number, bureauId: string, s: Awaited<ReturnType<typeof loadSubjects>>[number]): SubjectView {
  const bureau = isBureauRole(scope.user.role);
  const sheets: PartySheet[] = scheme.parties.map(({ party, weight }) => {
    const mine = canScoreAs(scope, party, { ...s, bureauId });
    const latestSubmitted = s.scores.find((r) => r.party === party && r.submitted);
    const latest = latestSubmitted ?? s.scores.find((r) => r.party === party);
    // Others' points are the bureau's to see; a unit sees its own sheet and whether the others submitted.
    const visible = bureau || mine;
    return {
      party,
      weight,
      points: latest && visible ? (latest.points as number[]) : null,
      sum: latest && visible ? latest.sum : null,
      submitted: Boolean(latestSubmitted),
      mine,
    };
  });
  const sums: Record<string, number | undefined> = {};
  for (const party of scheme.parties) {
    const submitted = s.scores.find((r) => r.party === party.party && r.submitted);
    if (submitted) sums[party.party] = submitted.sum;
  }
  const total = bureau && s.assessed ? weightedTotal(scheme.parties.map((p) => ({ kind: p.party, weight: p.weight })), sums) : null;
  return {
    id: s.id,
    doctorId: s.doctorId,
    doctorName: s.doctor.name,
    dispatchingOrg: s.dispatchingOrg.name,
    receivingOrg: s.receivingOrg.name,
    servedDays: s.servedDays,
    monthsServed: monthsServed(s.servedDays, year),
    assessed: s.assessed,
    sheets,
    total: s.total ?? total,
    proposedGrade: total === null ? null : gradeFor(scheme.bands as GradeBand[], total),
    grade: s.grade,
  };
}

export async function getAssessment(db: PrismaClient, scope: Scope, assessmentId: string): Promise<AssessmentView> {
  authorize(scope, "evaluation.read");
  const a = visibleOr(await db.assessment.findFirst({ where: { AND: [{ id: assessmentId }, assessmentWhere(scope)] }, select: assessmentSelect }));
  const scheme = { ...a.scheme, bands: orderBands(a.scheme.bands) };
  const rows = await loadSubjects(db, scope, a.id);
  const subjects = rows.map((s) => viewSubject(scope, scheme, a.year, a.program.bureauId, s));
  const cohortSize = await db.assessmentSubject.count({ where: { assessmentId: a.id, assessed: true } });
  const ranking = rankByTotal(subjects.filter((s) => s.assessed && s.total !== null).map((s) => ({ id: s.id, name: s.doctorName, total: s.total! })));
  return {
    id: a.id,
    version: a.version,
    year: a.year,
    status: a.status,
    program: { id: a.program.id, name: a.program.name },
    scheme,
    cohortSize,
    quota: topGradeQuota(cohortSize, scheme.quotaPercent),
    subjects,
    ranking: isBureauRole(scope.user.role) ? ranking : [],
    can: { grade: a.status === "SCORING" && isBureauRole(scope.user.role) && scope.user.role !== "AUDITOR" && scope.subtreeIds.includes(a.program.bureauId) },
  };
}

export interface AssessmentSummary {
  id: string;
  year: number;
  status: "SCORING" | "FINALISED";
  program: { id: string; name: string };
  schemeName: string;
  cohort: number;
  assessed: number;
  graded: number;
}

const assessmentOrders: Record<(typeof ASSESSMENT_SORT_KEYS)[number], (dir: SortDir) => Prisma.AssessmentOrderByWithRelationInput[]> = {
  program: (dir) => [{ program: { name: dir } }, { year: "desc" }],
  year: (dir) => [{ year: dir }],
  status: (dir) => [{ status: dir }, { year: "desc" }],
  openedAt: (dir) => [{ openedAt: dir }],
};

/** One page of the annual assessments the caller may see, sorted and paged in SQL (ties: the newest opened first). */
export async function listAssessments(db: PrismaClient, scope: Scope, query: AssessmentListQuery = { page: 1 }): Promise<Page<AssessmentSummary>> {
  authorize(scope, "evaluation.read");
  const where: Prisma.AssessmentWhereInput = { AND: [assessmentWhere(scope), query.programId ? { programId: query.programId } : {}] };
  const [rows, total] = await Promise.all([
    db.assessment.findMany({
      where,
      select: {
        id: true,
        year: true,
        status: true,
        program: { select: { id: true, name: true } },
        scheme: { select: { name: true } },
        subjects: { where: assessmentSubjectWhere(scope), select: { assessed: true, grade: true } },
      },
      orderBy: orderOf(assessmentOrders, query, ASSESSMENT_DEFAULT_SORT, [{ openedAt: "desc" }, { id: "asc" }]),
      ...pageArgs(query),
    }),
    db.assessment.count({ where }),
  ]);
  return toPage(
    rows.map((r) => ({
      id: r.id,
      year: r.year,
      status: r.status,
      program: r.program,
      schemeName: r.scheme.name,
      cohort: r.subjects.length,
      assessed: r.subjects.filter((s) => s.assessed).length,
      graded: r.subjects.filter((s) => s.grade !== null).length,
    })),
    total,
    query,
  );
}

// ───────────── Grading by the bureau ─────────────

export interface GradeResult {
  graded: number;
  finalised: boolean;
  version: number;
}

export async function gradeSubjects(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<GradeResult> {
  const input = parse(gradeSubjectsSchema, raw);
  authorize(scope, "evaluation.manage");
  const ids = [...new Set(input.grades.map((g) => g.subjectId))];
  if (ids.length !== input.grades.length) throw fieldError("grades", "subjectTwice");
  return runTx(
    db,
    async (tx) => {
      visibleOr(await tx.assessment.findFirst({ where: { AND: [{ id: input.assessmentId }, assessmentWhere(scope)] }, select: { id: true } }));
      // The assessment's row first: every grading of this cohort queues here, so the quota counts
      // what the one before it gave.
      await tx.$queryRaw`SELECT id FROM "Assessment" WHERE id = ${input.assessmentId} FOR UPDATE`;
      const a = await tx.assessment.findUniqueOrThrow({ where: { id: input.assessmentId }, select: assessmentSelect });
      authorize(scope, "evaluation.manage", { organizationId: a.program.bureauId });
      if (input.version !== undefined && input.version !== a.version) throw new AppError("conflict", "staleVersion");
      if (a.status !== "SCORING") throw new AppError("conflict", "assessmentFinal");
      const scheme = { ...a.scheme, bands: orderBands(a.scheme.bands) };
      const rows = await loadSubjects(tx, scope, a.id);
      const views = new Map(rows.map((s) => [s.id, viewSubject(scope, scheme, a.year, a.program.bureauId, s)]));
      const assessedViews = [...views.values()].filter((v) => v.assessed);

      for (const g of input.grades) {
        const v = views.get(g.subjectId);
        if (!v) throw new AppError("notFound");
        if (!v.assessed) throw new AppError("conflict", "notAssessed", undefined, { doctor: v.doctorName });
        const missing = v.sheets.filter((sh) => !sh.submitted).map((sh) => sh.party);
        if (missing.length || v.total === null) throw new AppError("conflict", "partiesNotSubmitted", undefined, { doctor: v.doctorName, parties: missing.join(",") });
        // A grade above the total's band is refused; a lower one (to keep within the quota) is the bureau's call.
        if (GRADES.indexOf(g.grade) < GRADES.indexOf(v.proposedGrade!)) throw new AppError("conflict", "gradeAboveBand", undefined, { doctor: v.doctorName, grade: g.grade, proposed: v.proposedGrade! });
      }

      // The quota: 优秀 already given to others plus those given now, against 15 % of those assessed.
      const given = new Map(input.grades.map((g) => [g.subjectId, g.grade]));
      const top = assessedViews
        .filter((v) => (given.get(v.id) ?? v.grade) === "EXCELLENT")
        .map((v) => ({ id: v.id, name: v.doctorName, total: v.total ?? 0 }));
      const verdict = checkTopQuota(assessedViews.length, scheme.quotaPercent, top);
      if (verdict.over.length) {
        const ranking = rankByTotal(assessedViews.filter((v) => v.total !== null).map((v) => ({ id: v.id, name: v.doctorName, total: v.total! })));
        throw new AppError("conflict", "quotaExceeded", undefined, {
          quota: String(verdict.quota),
          cohort: String(assessedViews.length),
          over: verdict.over.map((s) => s.name).join("、"),
          ranking: ranking.map((s, i) => `${i + 1}. ${s.name} ${(s.total / 100).toFixed(2)}`).join("；"),
        });
      }

      const actor = await actorOf(tx, scope);
      for (const g of input.grades) {
        const v = views.get(g.subjectId)!;
        if (v.grade === g.grade) continue;
        await tx.assessmentSubject.update({ where: { id: v.id }, data: { grade: g.grade, total: v.total } });
        await audit(tx, {
          actor,
          action: "evaluation.graded",
          entity: "AssessmentSubject",
          entityId: v.id,
          before: { doctor: v.doctorName, grade: v.grade },
          after: { doctor: v.doctorName, grade: g.grade, total: v.total, proposed: v.proposedGrade },
        });
      }
      const ungraded = await tx.assessmentSubject.count({ where: { assessmentId: a.id, assessed: true, grade: null } });
      const finalised = ungraded === 0;
      const updated = await tx.assessment.update({
        where: { id: a.id },
        data: { version: { increment: 1 }, ...(finalised ? { status: "FINALISED", finalisedAt: now, finalisedById: scope.user.id } : {}) },
        select: { version: true },
      });
      if (finalised) {
        await audit(tx, { actor, action: "evaluation.assessment_finalised", entity: "Assessment", entityId: a.id, after: { program: a.program.name, year: a.year, excellent: top.map((t) => t.name) } });
        await addExcellentAwards(tx, actor, a.program.id, a.year, top.map((t) => t.id), now);
        // Results go back to each dispatching unit (seed 001: 考核结果反馈派出单位，不占派出单位优秀指标).
        const units = await tx.assessmentSubject.groupBy({ by: ["dispatchingOrgId"], where: { assessmentId: a.id, assessed: true } });
        for (const u of units) {
          await notify(tx, await unitNominatorIds(tx, u.dispatchingOrgId), {
            key: "assessmentResults",
            values: { program: a.program.name, year: a.year },
            link: `/evaluations/assessments/${a.id}`,
          });
        }
      }
      return { graded: input.grades.length, finalised, version: updated.version };
    },
    { timeout: 20_000 },
  );
}

/**
 * Each 优秀 of a finalised assessment gets the programme's award line (seed 001: 考核优秀奖 1 500 元) in
 * its dispatch's allowance schedule, in the finalisation's transaction — when the programme's
 * allowance policy has such an item (lib/domain/scoring.ts isExcellentAwardItem); otherwise none.
 */
async function addExcellentAwards(tx: Tx, actor: AuditActor, programId: string, year: number, subjectIds: readonly string[], now: Date): Promise<number> {
  if (subjectIds.length === 0) return 0;
  const items = await tx.allowanceItem.findMany({ where: { programId, kind: "PER_EVENT", isActive: true }, select: { id: true, kind: true, name: true, isActive: true }, orderBy: { sortOrder: "asc" } });
  const item = items.find(isExcellentAwardItem);
  if (!item) return 0;
  const subjects = await tx.assessmentSubject.findMany({ where: { id: { in: [...subjectIds] } }, select: { doctorId: true } });
  let added = 0;
  for (const s of subjects) {
    // The dispatch the doctor served the year in (the latest, if more than one).
    const dispatch = await tx.dispatch.findFirst({
      where: { programId, doctorId: s.doctorId, status: { not: "CANCELLED" }, startDate: { lte: new Date(`${year}-12-31T00:00:00Z`) }, lastDay: { gte: new Date(`${year}-01-01T00:00:00Z`) } },
      select: { id: true },
      orderBy: { startDate: "desc" },
    });
    if (!dispatch) continue;
    await addEventLine(tx, actor, { dispatchId: dispatch.id, itemId: item.id, eventDate: shanghaiDay(now), reason: `${year}年度考核优秀` });
    added += 1;
  }
  return added;
}

/** What the "open an assessment" form offers staff: their bureau's programmes with dispatches, and the schemes they may use. */
export async function assessmentChoices(db: PrismaClient, scope: Scope): Promise<{ programs: { id: string; name: string; year: number }[]; schemes: { id: string; name: string; isDefault: boolean }[] }> {
  authorize(scope, "evaluation.manage");
  const [programs, schemes] = await Promise.all([
    db.program.findMany({ where: { AND: [programWhere(scope), { dispatches: { some: {} } }] }, select: { id: true, name: true, year: true }, orderBy: [{ year: "desc" }, { name: "asc" }], take: 200 }),
    db.evaluationScheme.findMany({ where: schemeWhere(scope), select: { id: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] }),
  ]);
  return { programs, schemes };
}
