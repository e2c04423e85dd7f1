import "server-only";
import { subDays } from "date-fns";
import { applicationWhere, auditLogWhere, bureauWorkbenchFilter, doctorWhere, isBureauRole, organizationWhere, postWhere, programWhere, type Scope } from "../auth/policy";
import { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";
import { programPhase, type ProgramPhase } from "../domain/program-phase";
import { loadApproachingDeadlines, type ApproachingDeadline } from "./approaching-deadlines";
import { loadInbox } from "./inbox";
import { toInbox, type Inbox } from "./inbox-items";
import { bureauDashboard, bureauDashboardSql, bureauInboxItems, bureauInboxSql, bureauWorkbenchStatement, type BureauDashboardJson, type BureauInboxJson } from "./workbench-sql";
import type { ApplicationStatus, ProgramKind, ProgramStatus, StageKind, TitleLevel } from "../generated/prisma/enums";

export interface ProgramSummary {
  id: string;
  name: string;
  kind: ProgramKind;
  status: ProgramStatus;
  postCount: number;
  headcount: number;
  phase: ProgramPhase;
}

export interface Dashboard {
  stats: { key: "programs" | "posts" | "headcount" | "doctors" | "organizations" | "applications" | "auditRows" | "receivingPosts"; value: number; hintKey?: string }[];
  programs: ProgramSummary[];
  receivingPosts: { id: string; programName: string; title: string; specialty: string; rotationBatch: number; headcount: number }[] | null;
  /** Stages (bureaus) or registrations (units, doctors) closing within 72 hours; null where the role has none to watch. */
  deadlines: ApproachingDeadline[] | null;
  doctor: {
    record: { name: string; employer: string; department: string; title: { name: string; level: TitleLevel; obtainedOn: Date } | null } | null;
    applications: { id: string; programName: string; postTitle: string; status: ApplicationStatus; currentStage: StageKind }[];
  } | null;
}

async function programSummaries(scope: Scope, now: Date, onlyPublished: boolean): Promise<ProgramSummary[]> {
  const rows = await prisma.program.findMany({
    where: onlyPublished ? { AND: [programWhere(scope), { status: { notIn: ["DRAFT", "CLOSED"] } }] } : programWhere(scope),
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    take: 20,
    select: {
      id: true,
      name: true,
      kind: true,
      status: true,
      stages: { select: { kind: true, sequence: true, opensAt: true, closesAt: true } },
      posts: { select: { headcount: true } },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    status: p.status,
    postCount: p.posts.length,
    headcount: p.posts.reduce((sum, post) => sum + post.headcount, 0),
    phase: programPhase(p.status, p.stages, now),
  }));
}

/** What each role's landing page shows: its real work, counted in the database within its scope, and the deadlines coming up. */
export async function loadDashboard(scope: Scope, now: Date = new Date()): Promise<Dashboard> {
  const filter = bureauWorkbenchFilter(scope);
  if (filter) {
    // A bureau's figures, programmes and deadlines in one statement (lib/server/workbench-sql.ts).
    const [row] = await prisma.$queryRaw<{ dashboard: BureauDashboardJson }[]>(bureauWorkbenchStatement(filter, Prisma.sql`${bureauDashboardSql(filter, now)} AS dashboard`));
    return bureauDashboard(row!.dashboard, now);
  }
  return loadDashboardByFragments(scope, now);
}

/** The same dashboard through Prisma, a count or list per figure over the policy's `where` fragments: every role that is not a bureau's. */
export async function loadDashboardByFragments(scope: Scope, now: Date = new Date()): Promise<Dashboard> {
  const [dashboard, deadlines] = await Promise.all([loadRoleDashboard(scope, now), loadApproachingDeadlines(prisma, scope, now)]);
  return { ...dashboard, deadlines };
}

/** The landing page: the dashboard and the to-do inbox; for a bureau, both in ONE statement. */
export async function loadWorkbench(scope: Scope, now: Date = new Date()): Promise<{ dashboard: Dashboard; inbox: Inbox }> {
  const filter = bureauWorkbenchFilter(scope);
  if (!filter) {
    const [dashboard, inbox] = await Promise.all([loadDashboard(scope, now), loadInbox(prisma, scope, now)]);
    return { dashboard, inbox };
  }
  const [row] = await prisma.$queryRaw<{ dashboard: BureauDashboardJson; inbox: BureauInboxJson }[]>(
    bureauWorkbenchStatement(filter, Prisma.sql`${bureauDashboardSql(filter, now)} AS dashboard, ${bureauInboxSql(filter, now)} AS inbox`),
  );
  return { dashboard: bureauDashboard(row!.dashboard, now), inbox: toInbox([bureauInboxItems(row!.inbox)]) };
}

async function loadRoleDashboard(scope: Scope, now: Date): Promise<Omit<Dashboard, "deadlines">> {
  const { role } = scope.user;

  if (isBureauRole(role)) {
    const [programCount, programs, posts, doctors, organizations, auditRows] = await Promise.all([
      prisma.program.count({ where: programWhere(scope) }),
      programSummaries(scope, now, false),
      prisma.post.aggregate({ where: postWhere(scope), _count: true, _sum: { headcount: true } }),
      prisma.doctor.count({ where: doctorWhere(scope) }),
      prisma.organization.count({ where: organizationWhere(scope) }),
      role === "BUREAU_STAFF" ? Promise.resolve(null) : prisma.auditLog.count({ where: { AND: [auditLogWhere(scope), { at: { gte: subDays(now, 30) } }] } }),
    ]);
    const stats: Dashboard["stats"] = [
      { key: "programs", value: programCount, hintKey: "programsHint" },
      { key: "posts", value: posts._count },
      { key: "headcount", value: posts._sum.headcount ?? 0 },
      { key: "doctors", value: doctors, hintKey: "doctorsHint" },
      { key: "organizations", value: organizations },
    ];
    if (auditRows !== null) stats.push({ key: "auditRows", value: auditRows, hintKey: "auditHint" });
    return { stats, programs, receivingPosts: null, doctor: null };
  }

  if (role === "HOSPITAL_NOMINATOR") {
    const [programs, doctors, applications] = await Promise.all([
      programSummaries(scope, now, true),
      prisma.doctor.count({ where: doctorWhere(scope) }),
      prisma.application.count({ where: applicationWhere(scope) }),
    ]);
    return {
      stats: [
        { key: "doctors", value: doctors, hintKey: "ownDoctorsHint" },
        { key: "applications", value: applications, hintKey: "ownApplicationsHint" },
        { key: "programs", value: programs.length },
      ],
      programs,
      receivingPosts: null,
      doctor: null,
    };
  }

  if (role === "RECEIVING_SUPERVISOR") {
    const posts = await prisma.post.findMany({
      where: postWhere(scope),
      orderBy: [{ program: { year: "desc" } }, { rotationBatch: "asc" }, { title: "asc" }],
      take: 50,
      select: { id: true, title: true, specialty: true, rotationBatch: true, headcount: true, program: { select: { name: true } } },
    });
    return {
      stats: [
        { key: "receivingPosts", value: posts.length, hintKey: "receivingHint" },
        { key: "headcount", value: posts.reduce((sum, p) => sum + p.headcount, 0) },
      ],
      programs: [],
      receivingPosts: posts.map((p) => ({ id: p.id, programName: p.program.name, title: p.title, specialty: p.specialty, rotationBatch: p.rotationBatch, headcount: p.headcount })),
      doctor: null,
    };
  }

  if (role === "DOCTOR") {
    const [record, applications, programs] = await Promise.all([
      scope.user.doctorId
        ? prisma.doctor.findUnique({
            where: { id: scope.user.doctorId },
            select: {
              name: true,
              department: true,
              employer: { select: { name: true } },
              titles: { orderBy: { obtainedOn: "desc" }, take: 1, select: { name: true, level: true, obtainedOn: true } },
            },
          })
        : Promise.resolve(null),
      prisma.application.findMany({
        where: applicationWhere(scope),
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, currentStage: true, post: { select: { title: true, program: { select: { name: true } } } } },
      }),
      programSummaries(scope, now, true),
    ]);
    return {
      stats: [],
      programs,
      receivingPosts: null,
      doctor: {
        record: record
          ? { name: record.name, employer: record.employer.name, department: record.department, title: record.titles[0] ?? null }
          : null,
        applications: applications.map((a) => ({ id: a.id, programName: a.post.program.name, postTitle: a.post.title, status: a.status, currentStage: a.currentStage })),
      },
    };
  }

  if (role === "FINANCE_OFFICER") {
    // The programmes whose allowances the finance office pays; the month's payments are on /allowances.
    return { stats: [], programs: await programSummaries(scope, now, false), receivingPosts: null, doctor: null };
  }

  return { stats: [], programs: [], receivingPosts: null, doctor: null };
}
