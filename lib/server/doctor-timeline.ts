import "server-only";
import { allowanceLineWhere, applicationWhere, assessmentSubjectWhere, authorize, dispatchWhere, doctorWhere, isBureauRole, type Scope } from "../auth/policy";
import { compareTimeline, foldByMonth, monthStart, type TimelineEvent } from "../domain/doctor-timeline";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";

// One doctor's timeline across programmes and years (issue 16): nominations and registrations, the
// stage decisions, the public notices that named them, the dispatch's events, leave and absences,
// confirmed work logs and paid allowances month by month, annual grades and the end-of-service
// result, each linked to its record. Every kind of record is read through the policy's own
// where-fragment for it, so a reader sees on the timeline exactly what they could open elsewhere: a
// doctor all of his own; a hospital its doctor's nominations and service; a receiving unit the
// service placed with it; a bureau its programmes'. The doctor himself must be in the reader's scope
// (doctorWhere, as for the doctor's page); out of scope is "not found".

export type { TimelineEvent };

export interface DoctorTimeline {
  doctor: { id: string; name: string; employerName: string; department: string | null };
  events: TimelineEvent[];
}

export async function doctorTimeline(db: PrismaClient, scope: Scope, doctorId: string): Promise<DoctorTimeline> {
  authorize(scope, "doctor.read");
  const doctor = await db.doctor.findFirst({
    where: { AND: [doctorWhere(scope), { id: doctorId }] },
    select: { id: true, name: true, department: true, employer: { select: { name: true } } },
  });
  if (!doctor) throw new AppError("notFound");

  const [applications, dispatches, assessments] = await Promise.all([
    db.application.findMany({
      where: { AND: [applicationWhere(scope), { doctorId }] },
      select: {
        id: true,
        source: true,
        createdAt: true,
        nominatingOrg: { select: { name: true } },
        post: { select: { title: true, rotationBatch: true, program: { select: { id: true, name: true } } } },
        decisions: { select: { id: true, stage: true, outcome: true, reason: true, reasonStaffOnly: true, decidedAt: true } },
      },
    }),
    db.dispatch.findMany({
      where: { AND: [dispatchWhere(scope), { doctorId }] },
      select: {
        id: true,
        program: { select: { name: true } },
        receivingOrg: { select: { name: true } },
        events: { select: { id: true, kind: true, toLastDay: true, reason: true, at: true } },
        leaveRequests: { select: { id: true, kind: true, startDate: true, endDate: true, days: true, status: true } },
        attendanceChecks: { where: { isPresent: false }, select: { id: true, source: true, startDate: true, endDate: true } },
        serviceEvaluation: { select: { id: true, status: true, result: true, issuedAt: true } },
      },
    }),
    db.assessmentSubject.findMany({
      where: { AND: [assessmentSubjectWhere(scope), { doctorId }] },
      select: { id: true, servedDays: true, assessed: true, grade: true, assessment: { select: { id: true, year: true, status: true, finalisedAt: true, openedAt: true, program: { select: { name: true } } } } },
    }),
  ]);

  const events: TimelineEvent[] = [];
  // A reason given once for several applications is the bureau's own note (lib/server/vetting.ts).
  const seesStaffNotes = isBureauRole(scope.user.role);
  for (const app of applications) {
    const programName = app.post.program.name;
    const href = `/applications/${app.id}`;
    events.push({ kind: "application", key: app.id, at: app.createdAt, isCalendarDay: false, programName, href, source: app.source, postTitle: app.post.title, nominatingOrgName: app.nominatingOrg.name });
    for (const d of app.decisions) {
      events.push({ kind: "decision", key: d.id, at: d.decidedAt, isCalendarDay: false, programName, href, source: app.source, postTitle: app.post.title, stage: d.stage, outcome: d.outcome, reason: d.reasonStaffOnly && !seesStaffNotes ? null : d.reason });
    }
  }

  // The public notices (公示) that named one of these applications: the latest of each batch only
  // supersedes the earlier, but each was published and is part of the record.
  const programIds = [...new Set(applications.map((a) => a.post.program.id))];
  const applicationIds = new Set(applications.map((a) => a.id));
  if (programIds.length > 0) {
    const published = await db.publicNotice.findMany({
      where: { programId: { in: programIds } },
      select: { id: true, startDate: true, endDate: true, publishedAt: true, applicationIds: true, program: { select: { id: true, name: true } } },
    });
    for (const n of published) {
      const named = Array.isArray(n.applicationIds) && n.applicationIds.some((id) => typeof id === "string" && applicationIds.has(id));
      if (named) events.push({ kind: "notice", key: n.id, at: n.publishedAt, isCalendarDay: false, programName: n.program.name, href: `/programs/${n.program.id}/notice`, startDate: n.startDate, endDate: n.endDate });
    }
  }

  for (const d of dispatches) {
    const programName = d.program.name;
    const href = `/dispatches/${d.id}`;
    for (const e of d.events) {
      events.push({ kind: "dispatch", key: e.id, at: e.at, isCalendarDay: false, programName, href, event: e.kind, receivingOrgName: d.receivingOrg.name, toLastDay: e.toLastDay, reason: e.reason });
    }
    for (const l of d.leaveRequests) {
      events.push({ kind: "leave", key: l.id, at: l.startDate, isCalendarDay: true, programName, href: `${href}/leave`, leaveKind: l.kind, startDate: l.startDate, endDate: l.endDate, days: l.days, status: l.status });
    }
    for (const a of d.attendanceChecks) {
      events.push({ kind: "absence", key: a.id, at: a.startDate, isCalendarDay: true, programName, href: `${href}/attendance`, source: a.source, startDate: a.startDate, endDate: a.endDate });
    }
    const ev = d.serviceEvaluation;
    if (ev && ev.status === "ISSUED" && ev.result && ev.issuedAt) {
      events.push({ kind: "serviceEvaluation", key: ev.id, at: ev.issuedAt, isCalendarDay: false, programName, href: `/evaluations/service/${d.id}`, result: ev.result });
    }
  }

  const dispatchIds = dispatches.map((d) => d.id);
  const programOf = new Map(dispatches.map((d) => [d.id, d.program.name]));
  if (dispatchIds.length > 0) {
    // Only confirmed logs count anywhere (DOMAIN.md): one line per dispatch and month, as WorkloadMonth
    // holds them (the confirmed sums the WorkLog triggers keep in the same transaction).
    const logMonths = await db.$queryRaw<{ dispatchId: string; month: Date; count: number; outpatients: number; operations: number }[]>`
      SELECT "dispatchId", month, logs AS count, outpatients, operations
        FROM "WorkloadMonth"
       WHERE "dispatchId" = ANY(${dispatchIds}::text[])`;
    for (const m of logMonths) {
      const month = `${m.month.getUTCFullYear()}-${String(m.month.getUTCMonth() + 1).padStart(2, "0")}`;
      events.push({ kind: "logs", key: `${m.dispatchId}|${month}`, at: monthStart(month), isCalendarDay: true, programName: programOf.get(m.dispatchId) ?? null, href: `/dispatches/${m.dispatchId}/logs`, month, count: Number(m.count), outpatients: Number(m.outpatients), operations: Number(m.operations) });
    }

    // Allowances paid, through the policy's own fragment for lines (a receiving unit sees only what
    // it receives), summed per day in SQL and folded into months.
    const paidDays = await db.allowanceLine.groupBy({
      by: ["dispatchId", "paidOn"],
      where: { AND: [allowanceLineWhere(scope), { dispatchId: { in: dispatchIds } }, { status: "PAID" }, { paidOn: { not: null } }] },
      _sum: { amountFen: true },
      _count: { _all: true },
    });
    const months = foldByMonth(paidDays.map((p) => ({ dispatchId: p.dispatchId, day: p.paidOn!, count: p._count._all, amountFen: p._sum.amountFen ?? 0 })));
    for (const m of months) {
      events.push({ kind: "payment", key: `${m.dispatchId}|${m.month}`, at: monthStart(m.month), isCalendarDay: true, programName: programOf.get(m.dispatchId) ?? null, href: `/dispatches/${m.dispatchId}/allowances`, month: m.month, count: m.count, amountFen: m.amountFen });
    }
  }

  for (const s of assessments) {
    if (s.assessment.status !== "FINALISED" || !s.assessment.finalisedAt) continue;
    events.push({ kind: "assessment", key: s.id, at: s.assessment.finalisedAt, isCalendarDay: false, programName: s.assessment.program.name, href: `/evaluations/assessments/${s.assessment.id}/subjects/${s.id}`, year: s.assessment.year, grade: s.grade, servedDays: s.servedDays, assessed: s.assessed });
  }

  events.sort(compareTimeline);
  return { doctor: { id: doctor.id, name: doctor.name, employerName: doctor.employer.name, department: doctor.department }, events };
}
