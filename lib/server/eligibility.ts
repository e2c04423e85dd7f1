import "server-only";
import { authorize, doctorWhere, postWhere, screeningEmployerIds, screeningVerdictWhere, type Scope } from "../auth/policy";
import { evaluateRules, reasonGroupsFor, type DoctorFacts, type Evaluation, type Explanation, type TitleLevel, type Verdict } from "../domain/eligibility";
import { titleLevels } from "../schemas/eligibility";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { ruleTreeSchema, type RuleNode } from "../schemas/eligibility";
import { pageArgs, toPage, type Page } from "../schemas/list-query";
import { rulesVersionOf } from "./screening-store";
import { evaluateDoctorForPostSchema, screenPostSchema, type ScreenPostQuery } from "../schemas/screening";

// Eligibility screening (issue 4): a post's rules (the programme's and the post's own) against every
// doctor the caller may see. Since issue 17 the screening page reads the stored verdicts
// (lib/server/screening-store.ts keeps them current); one doctor against one post (the rule builder's
// preview, a nomination's verdict) is still judged fresh here.

/** Doctors per query when screening: keeps memory flat and each IN (…) list of the relation loads short. */
const CHUNK = 2_000;

const factsSelect = {
  id: true,
  name: true,
  birthDate: true,
  education: true,
  specialty: true,
  practisingCategory: true,
  positionRank: true,
  hireDate: true,
  employer: { select: { level: true } },
  titles: { select: { level: true, specialty: true, obtainedOn: true } },
  grassrootsServices: { select: { startDate: true, endDate: true, isFullTime: true } },
} as const satisfies Prisma.DoctorSelect;

type FactsRow = Prisma.DoctorGetPayload<{ select: typeof factsSelect }>;

function toFacts(d: FactsRow): DoctorFacts {
  return {
    birthDate: d.birthDate,
    education: d.education,
    specialty: d.specialty,
    practisingCategory: d.practisingCategory,
    positionRank: d.positionRank,
    employerLevel: d.employer.level,
    hireDate: d.hireDate,
    titles: d.titles,
    grassrootsServices: d.grassrootsServices,
    // No declarations are stored yet (they come with nominations): every `attested` leaf stays UNKNOWN.
    attestations: [],
  };
}

/**
 * The facts of the doctors matching `where`, one chunk at a time (ordered by id, keyset-paged): one
 * query for the doctors plus one per relation for the whole chunk, never one per doctor.
 */
export async function* loadDoctorFacts(db: PrismaClient, where: Prisma.DoctorWhereInput, chunkSize = CHUNK): AsyncGenerator<{ id: string; name: string; facts: DoctorFacts }[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db.doctor.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      select: factsSelect,
      orderBy: { id: "asc" },
      take: chunkSize,
    });
    if (rows.length === 0) return;
    yield rows.map((d) => ({ id: d.id, name: d.name, facts: toFacts(d) }));
    if (rows.length < chunkSize) return;
    after = rows.at(-1)!.id;
  }
}

export interface PostRule {
  id: string;
  name: string;
  /** null: the programme-wide rule; otherwise the post's own. */
  postId: string | null;
  tree: RuleNode;
}

/** The rules a doctor must all pass for a post: the programme's (postId null) and the post's own. */
export async function rulesForPost(db: Pick<PrismaClient, "post" | "eligibilityRule">, postId: string): Promise<PostRule[]> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { programId: true } });
  if (!post) throw new AppError("notFound");
  const rules = await db.eligibilityRule.findMany({
    where: { programId: post.programId, OR: [{ postId: null }, { postId }] },
    select: { id: true, name: true, postId: true, tree: true },
    orderBy: [{ postId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rules.map((r) => {
    // A stored tree that no longer parses must not silently pass anyone: refuse to screen.
    const parsed = ruleTreeSchema.safeParse(r.tree);
    if (!parsed.success) throw new AppError("conflict", `eligibility rule ${r.id} is not a valid rule tree`);
    return { id: r.id, name: r.name, postId: r.postId, tree: parsed.data };
  });
}

const postHeaderSelect = {
  id: true,
  title: true,
  specialty: true,
  headcount: true,
  rotationBatch: true,
  program: { select: { id: true, name: true, year: true, batchNumber: true, status: true } },
  receivingOrg: { select: { id: true, name: true } },
} as const satisfies Prisma.PostSelect;

export type PostHeader = Prisma.PostGetPayload<{ select: typeof postHeaderSelect }>;

/** The post if the caller may screen for it; notFound both when it is outside their scope and when it does not exist (issue 12). */
async function screenablePost(db: PrismaClient, scope: Scope, postId: string): Promise<PostHeader> {
  authorize(scope, "eligibility.screen");
  const post = await db.post.findFirst({ where: { AND: [{ id: postId }, postWhere(scope)] }, select: postHeaderSelect });
  if (post) return post;
  throw new AppError("notFound");
}

export interface ScreeningRow {
  doctorId: string;
  name: string;
  employerName: string;
  specialty: string;
  /** The doctor's highest title, if any is recorded. */
  title: { level: TitleLevel; name: string; specialty: string } | null;
  verdict: Verdict;
  /**
   * Failing conditions when INELIGIBLE, missing data when UNKNOWN, none when ELIGIBLE; each group is
   * one unmet condition, a group of several a choice of alternatives (none of which is met).
   */
  reasons: Explanation[][];
  /** When this verdict was computed, and whether the post's rules have changed since (a re-evaluation is due or running). */
  computedAt: Date;
  isStale: boolean;
}

/** Where the stored verdicts stand: when the last full re-evaluation ended, and the one running now, if any. */
export interface ScreeningFreshness {
  /** The end of the last full re-evaluation of the post (null: none has finished yet). */
  computedAt: Date | null;
  /** A re-evaluation waiting or under way: doctors judged of the registry's. */
  job: { status: "PENDING" | "RUNNING"; done: number; total: number; requestedAt: Date } | null;
}

export interface ScreeningResult {
  post: PostHeader;
  rules: { id: string; name: string; isProgramWide: boolean }[];
  /** Per verdict, over the doctors matching the unit and name filters (the verdict tab aside). */
  counts: Record<Verdict, number> & { total: number };
  page: Page<ScreeningRow>;
  freshness: ScreeningFreshness;
}

/**
 * One page of a post's screening, read from the stored verdicts (issue 17): the post and its rules
 * as before (a rule that no longer parses still refuses), the counts per verdict and the page's rows
 * in (name, id) order, each served by the (postId, verdict, doctorName, doctorId) index; the
 * caller's scope is the policy's doctorWhere, as before.
 */
export async function screenPost(db: PrismaClient, scope: Scope, raw: unknown): Promise<ScreeningResult> {
  const input = screenPostSchema.parse(raw);
  const { post, rules, where, counts } = await screeningBasis(db, scope, input);
  const rulesVersion = rulesVersionOf(rules);
  const total = input.verdict ? counts[input.verdict] : counts.total;
  const [rows, job] = await Promise.all([
    loadStoredRows(db, { ...where, ...(input.verdict ? { verdict: input.verdict } : {}) }, pageArgs(input), rulesVersion),
    db.screeningJob.findUnique({ where: { postId: post.id }, select: { status: true, done: true, total: true, requestedAt: true, finishedAt: true } }),
  ]);
  return {
    post,
    rules: rules.map((r) => ({ id: r.id, name: r.name, isProgramWide: r.postId === null })),
    counts,
    page: toPage(rows, total, input),
    freshness: {
      computedAt: job?.finishedAt ?? null,
      job: job && job.status !== "DONE" ? { status: job.status, done: job.done, total: job.total, requestedAt: job.requestedAt } : null,
    },
  };
}

/** At most this many rows in a screening export (the page says so when there are more). */
export const SCREENING_EXPORT_LIMIT = 5000;

/**
 * The screening list as the export holds it: the same scope, filters and order as the page (every
 * matching doctor, not one page), at most SCREENING_EXPORT_LIMIT. Nobody to export is refused in
 * words (409 nothingToExportScreening) rather than sent as a sheet of headers only.
 */
export async function screenPostForExport(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ post: PostHeader; rows: ScreeningRow[]; total: number }> {
  const input = screenPostSchema.parse(raw);
  const { post, rules, where, counts } = await screeningBasis(db, scope, input);
  const total = input.verdict ? counts[input.verdict] : counts.total;
  if (total === 0) throw new AppError("conflict", "nothingToExportScreening");
  const rows = await loadStoredRows(db, { ...where, ...(input.verdict ? { verdict: input.verdict } : {}) }, { skip: 0, take: SCREENING_EXPORT_LIMIT }, rulesVersionOf(rules));
  return { post, rows, total };
}

/** The post (in scope), its rules, the stored verdicts' filter (scope, unit, name) and the counts per verdict under it. */
async function screeningBasis(db: PrismaClient, scope: Scope, input: ScreenPostQuery) {
  const post = await screenablePost(db, scope, input.postId);
  const rules = await rulesForPost(db, post.id);
  // The scope is its own AND term: a unit filter naming another hospital narrows it, never replaces it.
  const where: Prisma.ScreeningVerdictWhereInput & { postId: string } = {
    postId: post.id,
    AND: [
      screeningVerdictWhere(scope),
      ...(input.unitId ? [{ employerId: input.unitId }] : []),
      ...(input.q ? [{ doctorName: { contains: input.q, mode: "insensitive" as const } }] : []),
    ],
  };
  return { post, rules, where, counts: await verdictCounts(db, scope, post.id, where, input) };
}

/**
 * The counts per verdict under the page's filter. Without a name search, where the scope is a list of
 * employers, summed from the counts the verdicts' triggers keep per post and employer (a few hundred
 * rows, whatever state the verdicts' pages are in after a rewrite); otherwise counted from the verdicts.
 */
async function verdictCounts(db: PrismaClient, scope: Scope, postId: string, where: Prisma.ScreeningVerdictWhereInput, input: ScreenPostQuery) {
  const counts = { ELIGIBLE: 0, INELIGIBLE: 0, UNKNOWN: 0, total: 0 };
  const employerIds = screeningEmployerIds(scope);
  const add = (verdict: Verdict, n: number) => {
    counts[verdict] += n;
    counts.total += n;
  };
  if (employerIds && !input.q) {
    const kept = await db.screeningVerdictCount.groupBy({
      by: ["verdict"],
      where: { postId, AND: [{ employerId: { in: employerIds } }, ...(input.unitId ? [{ employerId: input.unitId }] : [])] },
      _sum: { n: true },
    });
    for (const g of kept) add(g.verdict, g._sum.n ?? 0);
    return counts;
  }
  const grouped = await db.screeningVerdict.groupBy({ by: ["verdict"], where, _count: { _all: true } });
  for (const g of grouped) add(g.verdict, g._count._all);
  return counts;
}

const storedRowSelect = {
  doctorId: true,
  doctorName: true,
  verdict: true,
  reasons: true,
  rulesVersion: true,
  computedAt: true,
  doctor: { select: { specialty: true, employer: { select: { name: true } }, titles: { select: { level: true, name: true, specialty: true } } } },
} as const satisfies Prisma.ScreeningVerdictSelect;

const storedOrder = [{ doctorName: "asc" }, { doctorId: "asc" }] satisfies Prisma.ScreeningVerdictOrderByWithRelationInput[];

/**
 * A page of stored verdicts with what the table shows, in (name, id) order. A page past the first is
 * found by a seek: the key of its first row, read from the index alone (postId, [verdict,] doctorName,
 * doctorId, employerId — the scope's employer filter is in it), then the page's rows from that key on
 * (a keyset read). The skipped rows never leave the index; any page can be jumped to.
 */
async function loadStoredRows(db: PrismaClient, where: Prisma.ScreeningVerdictWhereInput & { postId: string }, { skip, take }: { skip: number; take: number }, rulesVersion: string): Promise<ScreeningRow[]> {
  let cursor: Prisma.ScreeningVerdictWhereUniqueInput | undefined;
  if (skip > 0) {
    const [first] = await db.screeningVerdict.findMany({ where, select: { doctorId: true, doctorName: true }, orderBy: storedOrder, skip, take: 1 });
    if (!first) return [];
    cursor = { postId_doctorId: { postId: where.postId, doctorId: first.doctorId } };
  }
  const rows = await db.screeningVerdict.findMany({ where, select: storedRowSelect, orderBy: storedOrder, ...(cursor ? { cursor } : {}), take });
  return rows.map((v) => {
    const titles = v.doctor.titles;
    const title = titles.reduce<(typeof titles)[number] | null>((best, t) => (!best || titleLevels.indexOf(t.level) > titleLevels.indexOf(best.level) ? t : best), null);
    return {
      doctorId: v.doctorId,
      name: v.doctorName,
      employerName: v.doctor.employer.name,
      specialty: v.doctor.specialty,
      title: title ? { level: title.level, name: title.name, specialty: title.specialty } : null,
      verdict: v.verdict,
      reasons: v.reasons as unknown as Explanation[][],
      computedAt: v.computedAt,
      isStale: v.rulesVersion !== rulesVersion,
    };
  });
}

/** The units whose doctors the caller screens, for the unit filter: employers of doctors in scope. */
export async function screeningUnits(db: PrismaClient, scope: Scope): Promise<{ id: string; name: string }[]> {
  authorize(scope, "eligibility.screen");
  return db.organization.findMany({ where: { doctors: { some: doctorWhere(scope) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export interface DoctorPostEvaluation {
  verdict: Verdict;
  rules: { id: string; name: string; isProgramWide: boolean; evaluation: Evaluation }[];
  reasons: Explanation[][];
}

/** One doctor against one post (the rule builder's preview, nominations): both must be in the caller's scope. */
export async function evaluateDoctorForPost(db: PrismaClient, scope: Scope, raw: unknown): Promise<DoctorPostEvaluation> {
  const input = evaluateDoctorForPostSchema.parse(raw);
  const post = await screenablePost(db, scope, input.postId);
  const exists = await db.doctor.count({ where: { AND: [{ id: input.doctorId }, doctorWhere(scope)] } });
  if (!exists) throw new AppError("notFound");
  return judgeDoctorForPost(db, post.id, input.doctorId);
}

type Db = Pick<PrismaClient, "doctor" | "post" | "eligibilityRule">;

/**
 * The verdict for a doctor and a post, with no access check: for use cases that have already
 * authorised the caller for both (a nomination, a self-registration, an endorsement).
 */
export async function judgeDoctorForPost(db: Db, postId: string, doctorId: string): Promise<DoctorPostEvaluation> {
  const doctor = await db.doctor.findUnique({ where: { id: doctorId }, select: factsSelect });
  if (!doctor) throw new AppError("notFound");
  const rules = await rulesForPost(db, postId);
  const { verdict, evaluations } = evaluateRules(rules.map((r) => r.tree), toFacts(doctor));
  return {
    verdict,
    rules: rules.map((r, i) => ({ id: r.id, name: r.name, isProgramWide: r.postId === null, evaluation: evaluations[i]! })),
    reasons: reasonGroupsFor(evaluations, verdict).map((group) => group.map((l) => l.explanation)),
  };
}
