import "server-only";
import {
  bureauWorkbenchFilter,
  endorsementWaitingWhere,
  handoverToReadWhere,
  leaveWaitingWhere,
  objectionWaitingWhere,
  paymentDueWhere,
  returnedLogWhere,
  reviewWaitingWhere,
  scoreWaitingWhere,
  scoringParties,
  serviceDesk,
  workLogWaitingWhere,
  type Scope,
} from "../auth/policy";
import { monthBounds, monthOf } from "../domain/allowance-schedule";
import { STAGE_KINDS } from "../domain/program-timeline";
import { dayDate } from "../domain/service-period";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { shanghaiToday } from "./allowance-schedule";
import { blank, leaveItem, objectionItem, reviewItem, scoreItem, toInbox, type Inbox, type InboxItem } from "./inbox-items";
import { bureauInboxItems, bureauInboxSql, bureauWorkbenchStatement, type BureauInboxJson } from "./workbench-sql";

// The to-do inbox: what waits on the signed-in user now, counted in SQL (GROUP BY and aggregates
// over the policy's `where` fragments of lib/auth/policy.ts — the records waiting for the user's own
// act, within the user's scope), each item linked to the page where the work is done, oldest first.
// The landing page, GET /api/v1/inbox and the daily digest (lib/server/digest.ts) all read it here.


export type { Inbox, InboxItem } from "./inbox-items";

/** Everything waiting on the user, oldest first (items without a start last). */
export async function loadInbox(db: PrismaClient, scope: Scope, now: Date = new Date()): Promise<Inbox> {
  const filter = bureauWorkbenchFilter(scope);
  if (filter) {
    // A bureau's whole inbox in one statement (lib/server/workbench-sql.ts).
    const [row] = await db.$queryRaw<{ inbox: BureauInboxJson }[]>(bureauWorkbenchStatement(filter, Prisma.sql`${bureauInboxSql(filter, now)} AS inbox`));
    return toInbox([bureauInboxItems(row!.inbox)]);
  }
  return loadInboxByFragments(db, scope, now);
}

/** The same inbox through Prisma, a group-by per kind over the policy's `where` fragments: every role that is not a bureau's. */
export async function loadInboxByFragments(db: PrismaClient, scope: Scope, now: Date = new Date()): Promise<Inbox> {
  const groups = await Promise.all([
    reviewItems(db, scope, now),
    endorseItems(db, scope, now),
    objectionItems(db, scope),
    leaveItems(db, scope),
    workLogItems(db, scope),
    returnedLogItems(db, scope),
    scoreItems(db, scope),
    paymentItems(db, scope, now),
    handoverItems(db, scope),
  ]);
  return toInbox(groups);
}

/** Applications per stage they wait at; the deadline is the nearest close of that stage among their programmes. */
async function reviewItems(db: PrismaClient, scope: Scope, now: Date): Promise<InboxItem[]> {
  const where = reviewWaitingWhere(scope);
  if (!where) return [];
  const rows = await db.application.groupBy({ by: ["currentStage"], where, _count: { _all: true }, _min: { updatedAt: true } });
  const byStage = new Map(rows.map((row) => [row.currentStage, row]));
  const stages = STAGE_KINDS.filter((stage) => byStage.has(stage));
  const deadlines = await Promise.all(
    stages.map((stage) =>
      db.programStage.aggregate({
        where: { kind: stage, closesAt: { gt: now }, program: { posts: { some: { applications: { some: { AND: [where, { currentStage: stage }] } } } } } },
        _min: { closesAt: true },
      }),
    ),
  );
  return stages.map((stage, i) => {
    const row = byStage.get(stage)!;
    return reviewItem(stage, row._count._all, row._min.updatedAt, deadlines[i]!._min.closesAt);
  });
}

/** Self-registrations to endorse; the deadline is the nearest close of registration among their programmes. */
async function endorseItems(db: PrismaClient, scope: Scope, now: Date): Promise<InboxItem[]> {
  const where = endorsementWaitingWhere(scope);
  if (!where) return [];
  const [row, stage] = await Promise.all([
    db.application.aggregate({ where, _count: { _all: true }, _min: { createdAt: true } }),
    db.programStage.aggregate({ where: { kind: "REGISTRATION", closesAt: { gt: now }, program: { posts: { some: { applications: { some: where } } } } }, _min: { closesAt: true } }),
  ]);
  return [{ ...blank, kind: "endorse", key: "endorse", count: row._count._all, since: row._min.createdAt, deadline: stage._min.closesAt, href: "/applications?status=PENDING_ENDORSEMENT" }];
}

/** Unanswered objections per notice; the notice's last day is when staff may confirm the list, once all are answered. */
async function objectionItems(db: PrismaClient, scope: Scope): Promise<InboxItem[]> {
  const where = objectionWaitingWhere(scope);
  if (!where) return [];
  const rows = await db.noticeObjection.groupBy({ by: ["noticeId"], where, _count: { _all: true }, _min: { filedAt: true } });
  if (rows.length === 0) return [];
  const notices = await db.publicNotice.findMany({
    where: { id: { in: rows.map((r) => r.noticeId) } },
    select: { id: true, programId: true, rotationBatch: true, endDate: true, program: { select: { name: true } } },
  });
  const byId = new Map(notices.map((n) => [n.id, n]));
  return rows.map((row) => {
    const notice = byId.get(row.noticeId)!;
    return objectionItem({ noticeId: row.noticeId, count: row._count._all, since: row._min.filedAt, endDate: notice.endDate, programId: notice.programId, programName: notice.program.name, rotationBatch: notice.rotationBatch });
  });
}

/** Leave per step; the deadline is the first day of the earliest leave waiting. */
async function leaveItems(db: PrismaClient, scope: Scope): Promise<InboxItem[]> {
  const where = leaveWaitingWhere(scope);
  if (!where) return [];
  const rows = await db.leaveRequest.groupBy({ by: ["status"], where, _count: { _all: true }, _min: { filedAt: true, startDate: true } });
  return rows.map((row) => leaveItem(row.status, row._count._all, row._min.filedAt, row._min.startDate));
}

async function workLogItems(db: PrismaClient, scope: Scope): Promise<InboxItem[]> {
  const where = workLogWaitingWhere(scope);
  if (!where) return [];
  const row = await db.workLog.aggregate({ where, _count: { _all: true }, _min: { filedAt: true } });
  return [{ ...blank, kind: "workLog", key: "workLog", count: row._count._all, since: row._min.filedAt, href: "/worklogs" }];
}

/** The doctor's returned logs, per dispatch (each leads to that dispatch's logs). */
async function returnedLogItems(db: PrismaClient, scope: Scope): Promise<InboxItem[]> {
  const where = returnedLogWhere(scope);
  if (!where) return [];
  const rows = await db.workLog.groupBy({ by: ["dispatchId"], where, _count: { _all: true }, _min: { reviewedAt: true } });
  return rows.map((row) => ({ ...blank, kind: "returnedLog", key: `returnedLog:${row.dispatchId}`, count: row._count._all, since: row._min.reviewedAt, href: `/dispatches/${row.dispatchId}/logs` }));
}

/** Score sheets the user's parties have yet to submit, per assessment (a doctor counts once per party). */
async function scoreItems(db: PrismaClient, scope: Scope): Promise<InboxItem[]> {
  const counts = new Map<string, number>();
  for (const party of scoringParties(scope)) {
    const where = scoreWaitingWhere(scope, party);
    if (!where) continue;
    const rows = await db.assessmentSubject.groupBy({ by: ["assessmentId"], where, _count: { _all: true } });
    for (const row of rows) counts.set(row.assessmentId, (counts.get(row.assessmentId) ?? 0) + row._count._all);
  }
  if (counts.size === 0) return [];
  const assessments = await db.assessment.findMany({ where: { id: { in: [...counts.keys()] } }, select: { id: true, year: true, openedAt: true, program: { select: { name: true } } } });
  return assessments.map((a) => scoreItem({ assessmentId: a.id, count: counts.get(a.id)!, openedAt: a.openedAt, programName: a.program.name, year: a.year }));
}

/** Unpaid lines due by the end of this month (Beijing) that the user's office pays. */
async function paymentItems(db: PrismaClient, scope: Scope, now: Date): Promise<InboxItem[]> {
  const where = paymentDueWhere(scope, dayDate(monthBounds(monthOf(shanghaiToday(now))).last));
  if (!where) return [];
  const row = await db.allowanceLine.aggregate({ where, _count: { _all: true }, _sum: { amountFen: true }, _min: { dueDate: true } });
  return [{ ...blank, kind: "payment", key: "payment", count: row._count._all, since: row._min.dueDate, deadline: row._min.dueDate, deadlineIsDay: true, amountFen: row._sum.amountFen ?? 0, href: "/allowances" }];
}

/** Hand-over packets to read: one leads to the packet itself, several to the unit's page. */
async function handoverItems(db: PrismaClient, scope: Scope): Promise<InboxItem[]> {
  const where = handoverToReadWhere(scope);
  if (!where) return [];
  const [row, oldest] = await Promise.all([
    db.handoverPacket.aggregate({ where, _count: { _all: true }, _min: { submittedAt: true } }),
    db.handoverPacket.findFirst({ where, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: { dispatchId: true } }),
  ]);
  const count = row._count._all;
  const list = serviceDesk(scope) === "receiving" ? "/receiving" : "/service";
  return [{ ...blank, kind: "handover", key: "handover", count, since: row._min.submittedAt, href: count === 1 && oldest ? `/dispatches/${oldest.dispatchId}/handover` : list }];
}
