import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same events as the app's /doctors/[doctorId]/timeline (lib/server/doctor-timeline.ts), from
// plain SQL without the policy's fragments (the floor has no caller): the doctor, his applications
// with their decisions, the public notices naming them, his dispatches' events, leave, absences and
// issued service evaluation, confirmed logs and paid allowances per month, finalised annual grades;
// merged and sorted oldest first, one line each.
type Event = { at: Date; kind: string; text: string };

export default async function DoctorTimeline({ searchParams }: { searchParams: Promise<{ doctorId?: string }> }) {
  const { doctorId = "" } = await searchParams;
  const { rows: [doctor] } = await pool.query<{ name: string; department: string | null; employer: string }>(
    `SELECT d.name, d.department, o.name AS employer FROM "Doctor" d JOIN "Organization" o ON o.id = d."employerId" WHERE d.id = $1`,
    [doctorId],
  );
  if (!doctor) return <main>not found</main>;
  const [applications, decisions, notices, dispatchEvents, leave, absences, evaluations, logs, payments, grades] = await Promise.all([
    pool.query(
      `SELECT a.id, a.source, a."createdAt" AS at, o.name AS unit, po.title, pr.name AS program
         FROM "Application" a JOIN "Post" po ON po.id = a."postId" JOIN "Program" pr ON pr.id = po."programId" JOIN "Organization" o ON o.id = a."nominatingOrgId"
        WHERE a."doctorId" = $1`,
      [doctorId],
    ),
    pool.query(
      `SELECT sd.id, sd.stage, sd.outcome, sd.reason, sd."decidedAt" AS at, po.title
         FROM "StageDecision" sd JOIN "Application" a ON a.id = sd."applicationId" JOIN "Post" po ON po.id = a."postId" WHERE a."doctorId" = $1`,
      [doctorId],
    ),
    pool.query(
      `SELECT n.id, n."publishedAt" AS at, n."startDate", n."endDate", pr.name AS program
         FROM "PublicNotice" n JOIN "Program" pr ON pr.id = n."programId"
        WHERE n."programId" IN (SELECT po."programId" FROM "Application" a JOIN "Post" po ON po.id = a."postId" WHERE a."doctorId" = $1)
          AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(n."applicationIds") x JOIN "Application" a ON a.id = x WHERE a."doctorId" = $1)`,
      [doctorId],
    ),
    pool.query(
      `SELECT e.id, e.kind, e."toLastDay", e.reason, e.at, o.name AS org FROM "DispatchEvent" e JOIN "Dispatch" d ON d.id = e."dispatchId"
         JOIN "Organization" o ON o.id = d."receivingOrgId" WHERE d."doctorId" = $1`,
      [doctorId],
    ),
    pool.query(
      `SELECT l.id, l.kind, l."startDate" AS at, l."endDate", l.days, l.status FROM "LeaveRequest" l JOIN "Dispatch" d ON d.id = l."dispatchId" WHERE d."doctorId" = $1`,
      [doctorId],
    ),
    pool.query(
      `SELECT c.id, c.source, c."startDate" AS at, c."endDate" FROM "AttendanceCheck" c JOIN "Dispatch" d ON d.id = c."dispatchId" WHERE d."doctorId" = $1 AND NOT c."isPresent"`,
      [doctorId],
    ),
    pool.query(
      `SELECT e.id, e.result, e."issuedAt" AS at FROM "ServiceEvaluation" e JOIN "Dispatch" d ON d.id = e."dispatchId"
        WHERE d."doctorId" = $1 AND e.status = 'ISSUED' AND e.result IS NOT NULL AND e."issuedAt" IS NOT NULL`,
      [doctorId],
    ),
    pool.query(
      `SELECT "dispatchId", month AS at, logs AS count, outpatients, operations
         FROM "WorkloadMonth" WHERE "dispatchId" IN (SELECT id FROM "Dispatch" WHERE "doctorId" = $1)`,
      [doctorId],
    ),
    pool.query(
      `SELECT "dispatchId", date_trunc('month', "paidOn")::date AS at, count(*) AS count, sum("amountFen") AS fen
         FROM "AllowanceLine" WHERE "dispatchId" IN (SELECT id FROM "Dispatch" WHERE "doctorId" = $1) AND status = 'PAID' AND "paidOn" IS NOT NULL GROUP BY 1, 2`,
      [doctorId],
    ),
    pool.query(
      `SELECT s.id, s.grade, s."servedDays", s.assessed, asm.year, asm."finalisedAt" AS at FROM "AssessmentSubject" s JOIN "Assessment" asm ON asm.id = s."assessmentId"
        WHERE s."doctorId" = $1 AND asm.status = 'FINALISED' AND asm."finalisedAt" IS NOT NULL`,
      [doctorId],
    ),
  ]);
  const events: Event[] = [
    ...applications.rows.map((r) => ({ at: r.at, kind: "application", text: `${r.program} · ${r.title} · ${r.unit} · ${r.source}` })),
    ...decisions.rows.map((r) => ({ at: r.at, kind: "decision", text: `${r.title} · ${r.stage} · ${r.outcome} · ${r.reason ?? ""}` })),
    ...notices.rows.map((r) => ({ at: r.at, kind: "notice", text: `${r.program} · ${r.startDate.toISOString().slice(0, 10)}–${r.endDate.toISOString().slice(0, 10)}` })),
    ...dispatchEvents.rows.map((r) => ({ at: r.at, kind: "dispatch", text: `${r.org} · ${r.kind} · ${r.reason ?? ""}` })),
    ...leave.rows.map((r) => ({ at: r.at, kind: "leave", text: `${r.kind} · ${r.days} · ${r.status}` })),
    ...absences.rows.map((r) => ({ at: r.at, kind: "absence", text: `${r.source}` })),
    ...evaluations.rows.map((r) => ({ at: r.at, kind: "serviceEvaluation", text: `${r.result}` })),
    ...logs.rows.map((r) => ({ at: r.at, kind: "logs", text: `${r.count} · ${r.outpatients} · ${r.operations}` })),
    ...payments.rows.map((r) => ({ at: r.at, kind: "payment", text: `${r.count} · ${r.fen}` })),
    ...grades.rows.map((r) => ({ at: r.at, kind: "assessment", text: `${r.year} · ${r.grade ?? ""} · ${r.servedDays}` })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind));
  return (
    <main>
      <h1>{doctor.name} 的履历时间线</h1>
      <p>
        {doctor.employer}
        {doctor.department ? ` · ${doctor.department}` : ""}
      </p>
      <ol>
        {events.map((e, i) => (
          <li key={i}>
            {e.at.toISOString().slice(0, 10)} · {e.kind} · {e.text}
          </li>
        ))}
      </ol>
    </main>
  );
}
