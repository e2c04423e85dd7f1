import "server-only";
import { authorize, doctorWhere, postWhere, type Scope } from "../auth/policy";
import { evaluateRules, reasonGroupsFor, type DoctorFacts, type Evaluation, type Explanation, type TitleLevel, type Verdict } from "../domain/eligibility";
import { titleLevels } from "../schemas/eligibility";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { ruleTreeSchema, type RuleNode } from "../schemas/eligibility";
import { pageArgs, toPage, type Page } from "../schemas/list-query";
import { evaluateDoctorForPostSchema, screenPostSchema, type ScreenPostQuery } from "../schemas/screening";

// Eligibility screening (issue 4): a post's rules (the programme's and the post's own) evaluated
// against every doctor the caller may see. Facts are loaded in chunks with a narrow select and judged
// in memory (rules are data, not SQL); the page's rows are then loaded with what the table shows.

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
}

export interface ScreeningResult {
  post: PostHeader;
  rules: { id: string; name: string; isProgramWide: boolean }[];
  /** Per verdict, over the doctors matching the unit and name filters (the verdict tab aside). */
  counts: Record<Verdict, number> & { total: number };
  page: Page<ScreeningRow>;
}

const collator = new Intl.Collator("zh-CN");

/** Screens every doctor in the caller's scope against a post's rules: counts per verdict and one page of rows. */
export async function screenPost(db: PrismaClient, scope: Scope, raw: unknown): Promise<ScreeningResult> {
  const input = screenPostSchema.parse(raw);
  const { post, rules, trees, counts, matches } = await screenMatches(db, scope, input);
  const pageIds = matches.slice(...sliceOf(pageArgs(input))).map((m) => m.id);
  const rows = await loadRows(db, pageIds, trees);
  return {
    post,
    rules: rules.map((r) => ({ id: r.id, name: r.name, isProgramWide: r.postId === null })),
    counts,
    page: toPage(rows, matches.length, input),
  };
}

const sliceOf = ({ skip, take }: { skip: number; take: number }): [number, number] => [skip, skip + take];

/** At most this many rows in a screening export (the page says so when there are more). */
export const SCREENING_EXPORT_LIMIT = 5000;

/**
 * The screening list as the export holds it: the same scope, filters and order as the page (every
 * matching doctor, not one page), at most SCREENING_EXPORT_LIMIT. Nobody to export is refused in
 * words (409 nothingToExportScreening) rather than sent as a sheet of headers only.
 */
export async function screenPostForExport(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ post: PostHeader; rows: ScreeningRow[]; total: number }> {
  const input = screenPostSchema.parse(raw);
  const { post, trees, matches } = await screenMatches(db, scope, input);
  if (matches.length === 0) throw new AppError("conflict", "nothingToExportScreening");
  const ids = matches.slice(0, SCREENING_EXPORT_LIMIT).map((m) => m.id);
  const rows: ScreeningRow[] = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...(await loadRows(db, ids.slice(i, i + 500), trees)));
  return { post, rows, total: matches.length };
}

/** Every doctor in scope (and the filters) judged against the post's rules: the counts per verdict and the matches, by name. */
async function screenMatches(db: PrismaClient, scope: Scope, input: ScreenPostQuery) {
  const post = await screenablePost(db, scope, input.postId);
  const rules = await rulesForPost(db, post.id);
  const trees = rules.map((r) => r.tree);

  const filters: Prisma.DoctorWhereInput[] = [doctorWhere(scope)];
  if (input.unitId) filters.push({ employerId: input.unitId });
  if (input.q) filters.push({ name: { contains: input.q, mode: "insensitive" } });

  const counts = { ELIGIBLE: 0, INELIGIBLE: 0, UNKNOWN: 0, total: 0 };
  const matches: { id: string; name: string }[] = [];
  for await (const chunk of loadDoctorFacts(db, { AND: filters })) {
    for (const d of chunk) {
      const { verdict } = evaluateRules(trees, d.facts);
      counts[verdict] += 1;
      counts.total += 1;
      if (!input.verdict || verdict === input.verdict) matches.push({ id: d.id, name: d.name });
    }
  }
  matches.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return { post, rules, trees, counts, matches };
}

const rowSelect = {
  ...factsSelect,
  employer: { select: { level: true, name: true } },
  titles: { select: { level: true, specialty: true, obtainedOn: true, name: true } },
} as const satisfies Prisma.DoctorSelect;

/** The page's rows with what the table shows, re-evaluated for their reasons (20 doctors, three queries). */
async function loadRows(db: PrismaClient, ids: string[], trees: RuleNode[]): Promise<ScreeningRow[]> {
  if (ids.length === 0) return [];
  const doctors = await db.doctor.findMany({ where: { id: { in: ids } }, select: rowSelect });
  const byId = new Map(doctors.map((d) => [d.id, d]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    const { verdict, evaluations } = evaluateRules(trees, toFacts(d));
    const title = d.titles.reduce<(typeof d.titles)[number] | null>((best, t) => (!best || titleLevels.indexOf(t.level) > titleLevels.indexOf(best.level) ? t : best), null);
    return [{
      doctorId: d.id,
      name: d.name,
      employerName: d.employer.name,
      specialty: d.specialty,
      title: title ? { level: title.level, name: title.name, specialty: title.specialty } : null,
      verdict,
      reasons: reasonGroupsFor(evaluations, verdict).map((group) => group.map((l) => l.explanation)),
    }];
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
