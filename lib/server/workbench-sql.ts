import "server-only";
import { subDays } from "date-fns";
import type { BureauWorkbenchFilter } from "../auth/policy";
import { Prisma } from "../generated/prisma/client";
import type { ProgramKind, ProgramStatus, StageKind } from "../generated/prisma/enums";
import { approachingDeadlines } from "../domain/vetting";
import { programPhase } from "../domain/program-phase";
import { bureauDeadline, DEADLINE_HORIZON_HOURS, type ApproachingDeadline } from "./approaching-deadlines";
import { leaveItem, objectionItem, reviewItem, scoreItem, type InboxItem } from "./inbox-items";
import type { ProgramSummary } from "./dashboard";

// A bureau's workbench in SQL (issue 17). The landing page of a bureau's staff counted its figures,
// listed its programmes and deadlines and grouped its inbox in ~21 statements, one Prisma count or
// group-by each; here each is a scalar subquery of one JSON value, so the figures with the deadlines,
// and the inbox, are each one expression: lib/server/dashboard.ts's loadWorkbench reads both in ONE
// statement, loadDashboard and loadInbox (also GET /api/v1/inbox and the digest) one each. Which rows a
// bureau may count comes from the policy (lib/auth/policy.ts bureauWorkbenchFilter), nowhere else;
// tests/integration/workbench-queries.test.ts checks these against the Prisma path's where fragments.

const ids = (list: readonly string[]) => Prisma.sql`ANY(${[...list]}::text[])`;
const noRows = Prisma.sql`'[]'::json`;

/**
 * The statement around the fragments below: the bureau's programmes once, as `bp`, which every fragment
 * joins instead of matching "Program"."bureauId" against the scope's units itself. A bureau's scope is
 * its whole subtree (821 units on the province-sized data), and PostgreSQL plans each `= ANY(…)` over it
 * element by element (~1 ms each, ten of them per landing page before); now it plans it once.
 */
export function bureauWorkbenchStatement(filter: BureauWorkbenchFilter, select: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH bp AS MATERIALIZED (
      SELECT id, name, kind, status, year, "createdAt" FROM "Program" WHERE "bureauId" = ${ids(filter.bureauIds)}
    ) SELECT ${select}`;
}

/** The figures, the latest 20 programmes with their stages and posts, and the stages closing soon. */
export function bureauDashboardSql(filter: BureauWorkbenchFilter, now: Date): Prisma.Sql {
  const horizon = new Date(now.getTime() + DEADLINE_HORIZON_HOURS * 3_600_000);
  const audit = filter.audit
    ? Prisma.sql`(SELECT count(*) FROM "AuditLog" WHERE at >= ${subDays(now, 30)} AND ("actorOrgId" = ${ids(filter.audit.actorOrgIds)}${filter.audit.unattributed ? Prisma.sql` OR "actorOrgId" IS NULL` : Prisma.empty}))`
    : Prisma.sql`NULL::bigint`;
  return Prisma.sql`json_build_object(
    'programs', (SELECT count(*) FROM bp),
    'posts', (SELECT json_build_object('count', count(*), 'headcount', coalesce(sum(p.headcount), 0)) FROM "Post" p JOIN bp g ON g.id = p."programId"),
    -- Doctors per employer are kept by triggers ("DoctorTally", migration 20261211000000).
    'doctors', (SELECT coalesce(sum(n), 0) FROM "DoctorTally" WHERE "employerId" = ${ids(filter.employerIds)}),
    'organizations', (SELECT count(*) FROM "Organization" WHERE id = ${ids(filter.organizationIds)}),
    'auditRows', ${audit},
    'summaries', (SELECT coalesce(json_agg(json_build_object(
        'id', g.id, 'name', g.name, 'kind', g.kind, 'status', g.status,
        'postCount', (SELECT count(*) FROM "Post" p WHERE p."programId" = g.id),
        'headcount', (SELECT coalesce(sum(p.headcount), 0) FROM "Post" p WHERE p."programId" = g.id),
        'stages', (SELECT coalesce(json_agg(json_build_object('kind', s.kind, 'sequence', s.sequence, 'opensAt', s."opensAt", 'closesAt', s."closesAt")), '[]'::json) FROM "ProgramStage" s WHERE s."programId" = g.id)
      ) ORDER BY g.year DESC, g."createdAt" DESC), '[]'::json)
      FROM (SELECT * FROM bp ORDER BY year DESC, "createdAt" DESC LIMIT 20) g),
    'deadlines', (SELECT coalesce(json_agg(json_build_object('kind', s.kind, 'opensAt', s."opensAt", 'closesAt', s."closesAt", 'programId', g.id, 'programName', g.name)), '[]'::json)
      FROM "ProgramStage" s JOIN bp g ON g.id = s."programId"
      WHERE s."closesAt" > ${now} AND s."closesAt" <= ${horizon} AND g.status IN ('OPEN', 'VETTING'))
  )`;
}

type Instant = string;
export interface BureauDashboardJson {
  programs: number;
  posts: { count: number; headcount: number };
  doctors: number;
  organizations: number;
  auditRows: number | null;
  summaries: { id: string; name: string; kind: ProgramKind; status: ProgramStatus; postCount: number; headcount: number; stages: { kind: StageKind; sequence: number; opensAt: Instant; closesAt: Instant }[] }[];
  deadlines: { kind: StageKind; opensAt: Instant; closesAt: Instant; programId: string; programName: string }[];
}

export function bureauDashboard(json: BureauDashboardJson, now: Date) {
  const stats: { key: "programs" | "posts" | "headcount" | "doctors" | "organizations" | "auditRows"; value: number; hintKey?: string }[] = [
    { key: "programs", value: json.programs, hintKey: "programsHint" },
    { key: "posts", value: json.posts.count },
    { key: "headcount", value: json.posts.headcount },
    { key: "doctors", value: json.doctors, hintKey: "doctorsHint" },
    { key: "organizations", value: json.organizations },
  ];
  if (json.auditRows !== null) stats.push({ key: "auditRows", value: json.auditRows, hintKey: "auditHint" });
  const programs: ProgramSummary[] = json.summaries.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    status: p.status,
    postCount: p.postCount,
    headcount: p.headcount,
    phase: programPhase(p.status, p.stages.map((s) => ({ ...s, opensAt: new Date(s.opensAt), closesAt: new Date(s.closesAt) })), now),
  }));
  const stages = json.deadlines.map((s) => ({ kind: s.kind, opensAt: new Date(s.opensAt), closesAt: new Date(s.closesAt), program: { id: s.programId, name: s.programName } }));
  const deadlines: ApproachingDeadline[] = approachingDeadlines(stages, now, DEADLINE_HORIZON_HOURS).map(bureauDeadline);
  return { stats, programs, receivingPosts: null, doctor: null, deadlines };
}

/** The bureau's inbox: applications per stage, unanswered objections per notice, leave at the bureau's step, score sheets per assessment. */
export function bureauInboxSql(filter: BureauWorkbenchFilter, now: Date): Prisma.Sql {
  const review = filter.reviews
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('stage', r.stage, 'count', r.n, 'since', r.since, 'deadline',
          (SELECT min(s."closesAt") FROM "ProgramStage" s JOIN bp g ON g.id = s."programId"
            WHERE s.kind::text = r.stage AND s."closesAt" > ${now}
              AND EXISTS (SELECT 1 FROM "Post" p JOIN "Application" a ON a."postId" = p.id
                WHERE p."programId" = s."programId" AND a.status = 'IN_PROGRESS' AND a."currentStage"::text = r.stage)))), '[]'::json)
        -- The counts from the kept "ApplicationTally"; the earliest wait per post and stage off the index
        -- on ("postId", "currentStage", "status", "updatedAt"), not a grouping of every application.
        FROM (SELECT t."currentStage"::text AS stage, sum(t.n) AS n, min(w.since) AS since
          FROM "ApplicationTally" t JOIN "Post" p ON p.id = t."postId" JOIN bp g ON g.id = p."programId"
            CROSS JOIN LATERAL (SELECT a."updatedAt" AS since FROM "Application" a
              WHERE a."postId" = t."postId" AND a."currentStage" = t."currentStage" AND a.status = 'IN_PROGRESS'
              ORDER BY a."updatedAt" LIMIT 1) w
          WHERE t.status = 'IN_PROGRESS' GROUP BY t."currentStage") r)`
    : noRows;
  const objections = filter.objections
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('noticeId', n.id, 'count', o.n, 'since', o.since, 'endDate', n."endDate", 'programId', n."programId", 'rotationBatch', n."rotationBatch", 'programName', g.name)), '[]'::json)
        FROM (SELECT o."noticeId", count(*) AS n, min(o."filedAt") AS since
          FROM "NoticeObjection" o JOIN "PublicNotice" n ON n.id = o."noticeId" JOIN bp g ON g.id = n."programId"
          WHERE NOT EXISTS (SELECT 1 FROM "NoticeObjectionAnswer" x WHERE x."objectionId" = o.id)
          GROUP BY o."noticeId") o
        JOIN "PublicNotice" n ON n.id = o."noticeId" JOIN "Program" g ON g.id = n."programId")`
    : noRows;
  const leave = filter.leave
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('status', l.status, 'count', l.n, 'since', l.since, 'firstDay', l."firstDay")), '[]'::json)
        FROM (SELECT l.status::text AS status, count(*) AS n, min(l."filedAt") AS since, min(l."startDate") AS "firstDay"
          FROM "LeaveRequest" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN bp g ON g.id = d."programId"
          WHERE l.status = 'PENDING_BUREAU' GROUP BY l.status) l)`
    : noRows;
  const scores =
    filter.scoreParties.length > 0
      ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('assessmentId', a.id, 'count', w.n, 'openedAt', a."openedAt", 'year', a.year, 'programName', g.name)), '[]'::json)
        FROM (SELECT s."assessmentId", count(*) AS n
          FROM "AssessmentSubject" s JOIN "Assessment" a ON a.id = s."assessmentId" JOIN bp g ON g.id = a."programId"
            CROSS JOIN unnest(${[...filter.scoreParties]}::text[]) AS party(name)
          WHERE s.assessed AND a.status = 'SCORING'
            AND EXISTS (SELECT 1 FROM "EvaluationSchemeParty" sp WHERE sp."schemeId" = a."schemeId" AND sp.party::text = party.name)
            AND NOT EXISTS (SELECT 1 FROM "AssessmentScore" sc WHERE sc."subjectId" = s.id AND sc.party::text = party.name AND sc.submitted)
          GROUP BY s."assessmentId") w
        JOIN "Assessment" a ON a.id = w."assessmentId" JOIN "Program" g ON g.id = a."programId")`
      : noRows;
  return Prisma.sql`json_build_object('review', ${review}, 'objections', ${objections}, 'leave', ${leave}, 'scores', ${scores})`;
}

const day = (value: string) => new Date(`${value.slice(0, 10)}T00:00:00Z`);
const instant = (value: Instant | null) => (value === null ? null : new Date(value));

export interface BureauInboxJson {
  review: { stage: StageKind; count: number; since: Instant | null; deadline: Instant | null }[];
  objections: { noticeId: string; count: number; since: Instant | null; endDate: string; programId: string; rotationBatch: number; programName: string }[];
  leave: { status: string; count: number; since: Instant | null; firstDay: string | null }[];
  scores: { assessmentId: string; count: number; openedAt: Instant; year: number; programName: string }[];
}

export function bureauInboxItems(json: BureauInboxJson): InboxItem[] {
  return [
    ...json.review.map((r) => reviewItem(r.stage, r.count, instant(r.since), instant(r.deadline))),
    ...json.objections.map((o) => objectionItem({ ...o, since: instant(o.since), endDate: day(o.endDate) })),
    ...json.leave.map((l) => leaveItem(l.status, l.count, instant(l.since), l.firstDay === null ? null : day(l.firstDay))),
    ...json.scores.map((s) => scoreItem({ ...s, openedAt: new Date(s.openedAt) })),
  ];
}
