import "server-only";
import { createHash } from "node:crypto";
import { factsOfRow, judgeFacts, type FactsRow } from "../domain/eligibility/stored";
import { isAppError } from "../errors";
import { ruleTreeSchema } from "../schemas/eligibility";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { rulesForPost, type PostRule } from "./eligibility";
import type { Tx } from "./kit";

// The screening store (issue 17): every post × doctor verdict is kept with its reasons, so the
// screening page reads one page of rows instead of judging the whole registry per request.
//   - One doctor's facts change (create, edit, import, a service record): `recomputeDoctors(tx, ids)`
//     in the same transaction, for every post of a programme that is not closed.
//   - A rule, a cut-off or the post changes: `enqueueScreening(tx, postIds)` writes the post's job row
//     in that transaction; after the commit `kickScreeningJobs()` wakes this instance's worker, and
//     every instance also picks pending jobs up at start-up and every 30 s. A worker claims a job with
//     FOR UPDATE SKIP LOCKED, judges the next CHUNK doctors after the job's cursor and advances the
//     cursor in the same transaction: each chunk is done once, by one instance, and a crash resumes
//     from the last committed chunk.
// Facts are loaded with ONE query per chunk (titles and service as json_agg), not Prisma includes.

/** Doctors judged per job transaction. */
export const SCREENING_CHUNK = 2_000;

/** A post's rules as one version string: the verdict's rulesVersion, compared to mark stale rows. */
export function rulesVersionOf(rules: Pick<PostRule, "id" | "tree">[]): string {
  return createHash("sha256").update(JSON.stringify(rules.map((r) => [r.id, r.tree]))).digest("hex").slice(0, 16);
}

const factsColumns = Prisma.sql`
  d."id", d."name", d."employerId", d."version", d."birthDate", d."education"::text AS "education", d."specialty",
  d."practisingCategory"::text AS "practisingCategory", d."positionRank"::text AS "positionRank", d."hireDate",
  o."level"::text AS "employerLevel",
  (SELECT json_agg(json_build_object('level', t."level", 'specialty', t."specialty", 'obtainedOn', t."obtainedOn"))
     FROM "TitleRecord" t WHERE t."doctorId" = d."id") AS "titles",
  (SELECT json_agg(json_build_object('startDate', g."startDate", 'endDate', g."endDate", 'isFullTime', g."isFullTime"))
     FROM "GrassrootsServiceRecord" g WHERE g."doctorId" = d."id") AS "services"`;

/** The next chunk of the registry after `after` (by id): one query, histories as json_agg. */
export function loadFactsChunk(db: Pick<PrismaClient, "$queryRaw">, after: string | null, size = SCREENING_CHUNK): Promise<FactsRow[]> {
  return db.$queryRaw<FactsRow[]>`
    SELECT ${factsColumns} FROM "Doctor" d JOIN "Organization" o ON o."id" = d."employerId"
    WHERE ${after === null ? Prisma.sql`TRUE` : Prisma.sql`d."id" > ${after}`}
    ORDER BY d."id" LIMIT ${size}`;
}

function loadFactsOf(db: Pick<PrismaClient, "$queryRaw">, ids: string[]): Promise<FactsRow[]> {
  return db.$queryRaw<FactsRow[]>`
    SELECT ${factsColumns} FROM "Doctor" d JOIN "Organization" o ON o."id" = d."employerId"
    WHERE d."id" = ANY(${ids}::text[])`;
}

interface Target {
  postId: string;
  trees: PostRule["tree"][];
  rulesVersion: string;
}

/**
 * Writes the verdicts of `doctors` for `targets`, one INSERT … ON CONFLICT per call. A row judged
 * from older facts (a job chunk that read the doctor before an edit committed) never replaces one
 * judged from newer facts; a row judged the same from the same rules and facts is left as it is (a
 * post edit that leaves its rules, or a resumed chunk, writes nothing), so computedAt is when the
 * row last changed.
 */
async function writeVerdicts(db: Pick<PrismaClient, "$executeRaw">, targets: Target[], doctors: FactsRow[], computedAt: Date): Promise<number> {
  const rows = [];
  for (const d of doctors) {
    const facts = factsOfRow(d);
    for (const t of targets) {
      const { verdict, reasons } = judgeFacts(t.trees, facts);
      rows.push({ postId: t.postId, doctorId: d.id, doctorName: d.name, employerId: d.employerId, verdict, reasons, rulesVersion: t.rulesVersion, doctorVersion: d.version });
    }
  }
  if (rows.length === 0) return 0;
  await db.$executeRaw`
    INSERT INTO "ScreeningVerdict" ("postId", "doctorId", "doctorName", "employerId", "verdict", "reasons", "rulesVersion", "doctorVersion", "computedAt")
    SELECT r."postId", r."doctorId", r."doctorName", r."employerId", r."verdict"::"EligibilityVerdict", r."reasons", r."rulesVersion", r."doctorVersion", ${computedAt}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("postId" text, "doctorId" text, "doctorName" text, "employerId" text, "verdict" text, "reasons" jsonb, "rulesVersion" text, "doctorVersion" int)
    ON CONFLICT ("postId", "doctorId") DO UPDATE SET
      "doctorName" = EXCLUDED."doctorName", "employerId" = EXCLUDED."employerId", "verdict" = EXCLUDED."verdict",
      "reasons" = EXCLUDED."reasons", "rulesVersion" = EXCLUDED."rulesVersion", "doctorVersion" = EXCLUDED."doctorVersion",
      "computedAt" = EXCLUDED."computedAt"
    WHERE EXCLUDED."doctorVersion" >= "ScreeningVerdict"."doctorVersion"
      AND ("ScreeningVerdict"."verdict", "ScreeningVerdict"."reasons", "ScreeningVerdict"."rulesVersion", "ScreeningVerdict"."doctorVersion", "ScreeningVerdict"."doctorName", "ScreeningVerdict"."employerId")
        IS DISTINCT FROM (EXCLUDED."verdict", EXCLUDED."reasons", EXCLUDED."rulesVersion", EXCLUDED."doctorVersion", EXCLUDED."doctorName", EXCLUDED."employerId")`;
  return rows.length;
}

/**
 * The rules of every post whose programme is not closed, as judging targets: two queries, whatever
 * the number of posts (rules in rulesForPost's order, so the versions match). A post whose stored
 * rule no longer parses is skipped: its page refuses to screen.
 */
async function openTargets(tx: Tx): Promise<Target[]> {
  const open = { program: { status: { not: "CLOSED" as const } } };
  const [posts, rules] = await Promise.all([
    tx.post.findMany({ where: open, select: { id: true, programId: true }, orderBy: { id: "asc" } }),
    tx.eligibilityRule.findMany({ where: open, select: { id: true, programId: true, postId: true, tree: true }, orderBy: [{ postId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }, { id: "asc" }] }),
  ]);
  return posts.flatMap((post) => {
    const own = rules.filter((r) => r.programId === post.programId && (r.postId === null || r.postId === post.id));
    const parsed = own.map((r) => ({ id: r.id, result: ruleTreeSchema.safeParse(r.tree) }));
    if (parsed.some((r) => !r.result.success)) return [];
    const trees = parsed.map((r) => r.result.data!);
    return [{ postId: post.id, trees, rulesVersion: rulesVersionOf(parsed.map((r, i) => ({ id: r.id, tree: trees[i]! }))) }];
  });
}

async function targetOf(db: Pick<PrismaClient, "post" | "eligibilityRule">, postId: string): Promise<Target | null> {
  try {
    const rules = await rulesForPost(db, postId);
    return { postId, trees: rules.map((r) => r.tree), rulesVersion: rulesVersionOf(rules) };
  } catch (error) {
    if (isAppError(error) && (error.code === "conflict" || error.code === "notFound")) return null;
    throw error;
  }
}

/**
 * Re-judges these doctors for every open post, inside the caller's transaction (a doctor's create,
 * edit or import, a grassroots service record): the screening page shows the change as it commits.
 */
export async function recomputeDoctors(tx: Tx, doctorIds: string[], now = new Date()): Promise<number> {
  if (doctorIds.length === 0) return 0;
  const targets = await openTargets(tx);
  if (targets.length === 0) return 0;
  let written = 0;
  for (let i = 0; i < doctorIds.length; i += 200) {
    const doctors = await loadFactsOf(tx, doctorIds.slice(i, i + 200));
    written += await writeVerdicts(tx, targets, doctors, now);
  }
  return written;
}

/**
 * Asks for a full re-evaluation of these posts, in the caller's transaction (a rule, a cut-off or the
 * post changed): a post's one job row starts again from the first doctor. Call `kickScreeningJobs()`
 * after the commit.
 */
export async function enqueueScreening(tx: Pick<PrismaClient, "$executeRaw">, postIds: string[], reason: string): Promise<void> {
  if (postIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "ScreeningJob" ("id", "postId", "status", "cursor", "done", "total", "reason", "requestedAt")
    SELECT gen_random_uuid()::text, p."id", 'PENDING', NULL, 0, 0, ${reason}, clock_timestamp() FROM "Post" p WHERE p."id" = ANY(${postIds}::text[])
    ON CONFLICT ("postId") DO UPDATE SET "status" = 'PENDING', "cursor" = NULL, "done" = 0, "total" = 0, "reason" = EXCLUDED."reason",
      "requestedAt" = EXCLUDED."requestedAt", "startedAt" = NULL`;
  // finishedAt stays: the page says when the verdicts it shows were last computed in full.
}

/** The posts of a programme, for a change that touches them all (a programme-wide rule, the cut-offs). */
export async function enqueueProgramScreening(tx: Tx, programId: string, reason: string): Promise<void> {
  const posts = await tx.post.findMany({ where: { programId }, select: { id: true } });
  await enqueueScreening(tx, posts.map((p) => p.id), reason);
}

export interface ChunkDone {
  jobId: string;
  postId: string;
  /** The cursor the chunk started after (null: the first chunk). */
  after: string | null;
  count: number;
  isLast: boolean;
}

interface ClaimedJob {
  id: string;
  postId: string;
  cursor: string | null;
  done: number;
  total: number;
}

/**
 * Claims one unfinished job no other instance holds (FOR UPDATE SKIP LOCKED), judges its next chunk
 * and advances it, all in one transaction. Null: nothing to claim just now.
 */
export async function runScreeningChunk(db: PrismaClient, chunkSize = SCREENING_CHUNK): Promise<ChunkDone | null> {
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<ClaimedJob[]>`
      SELECT "id", "postId", "cursor", "done", "total" FROM "ScreeningJob" WHERE "status" <> 'DONE'
      ORDER BY "requestedAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED`;
    if (!job) return null;
    const now = new Date();
    const target = await targetOf(tx, job.postId);
    const doctors = target ? await loadFactsChunk(tx, job.cursor, chunkSize) : [];
    if (target) await writeVerdicts(tx, [target], doctors, now);
    const isLast = doctors.length < chunkSize;
    const total = job.cursor === null ? await tx.doctor.count() : job.total;
    await tx.screeningJob.update({
      where: { id: job.id },
      data: {
        status: isLast ? "DONE" : "RUNNING",
        cursor: doctors.at(-1)?.id ?? job.cursor,
        done: job.done + doctors.length,
        total: Math.max(total, job.done + doctors.length),
        ...(job.cursor === null ? { startedAt: now } : {}),
        ...(isLast ? { finishedAt: now } : {}),
      },
    });
    return { jobId: job.id, postId: job.postId, after: job.cursor, count: doctors.length, isLast };
  }, { timeout: 120_000, maxWait: 10_000 });
}

/**
 * Works until no job is left unfinished: claims chunks one after another; when every unfinished job
 * is held by another worker, waits `pollMs` and looks again (so two instances share one job's chunks
 * and end together). `onChunk` sees every chunk this worker did, after its commit.
 */
export async function runScreeningJobs(db: PrismaClient, options: { chunkSize?: number; pollMs?: number; onChunk?: (chunk: ChunkDone) => Promise<void> | void } = {}): Promise<number> {
  let chunks = 0;
  for (;;) {
    const chunk = await runScreeningChunk(db, options.chunkSize);
    if (chunk) {
      chunks += 1;
      await options.onChunk?.(chunk);
      continue;
    }
    const open = await db.screeningJob.count({ where: { status: { not: "DONE" } } });
    if (open === 0) return chunks;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 50));
  }
}

/** Enqueues every post and runs the jobs to the end (the demo seed, the bench). */
export async function recomputeAllScreening(db: PrismaClient, reason = "seed"): Promise<number> {
  const posts = await db.post.findMany({ select: { id: true } });
  await enqueueScreening(db, posts.map((p) => p.id), reason);
  return runScreeningJobs(db);
}

// ───────────── This instance's worker ─────────────

// Kept on globalThis: the production build bundles this module into several server chunks (the
// instrumentation hook's, each server action's), and a kick from any of them must wake the one worker.
type Worker = { db: PrismaClient; running: Promise<void> | null };
const shared = globalThis as unknown as { screeningWorker?: Worker | null };

function wake(): void {
  const current = shared.screeningWorker;
  if (!current || current.running) return;
  current.running = runScreeningJobs(current.db)
    .then(() => undefined)
    .catch((error: unknown) => console.error("[screening] re-evaluation failed; it resumes on the next wake", error))
    .finally(() => {
      current.running = null;
    });
}

/** After a commit that enqueued a job: this instance starts on it now (a no-op where no worker runs, as in tests and scripts). */
export function kickScreeningJobs(): void {
  wake();
}

/** Start-up (instrumentation.ts): picks up unfinished jobs now and every `everyMs`, whatever instance enqueued them. */
export function startScreeningWorker(db: PrismaClient, everyMs = 30_000): () => void {
  shared.screeningWorker = { db, running: null };
  wake();
  const timer = setInterval(wake, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    shared.screeningWorker = null;
  };
}
