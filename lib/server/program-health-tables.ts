import "server-only";
import type { HealthPage, HealthPagedTable, ProgramHealth } from "./program-health";

// The programme-health figures as the tables the page shows and the workbooks export: one
// definition per chart (its columns, rows and the chart's series), so an export is exactly the
// table beside the chart. Values are already in words (stages, states) in the reader's language.

export const HEALTH_TABLE_IDS = ["posts", "stages", "ratios", "quotas", "durations", "dispatches", "leave", "workload", "allowances", "grades"] as const;
export type HealthTableId = (typeof HEALTH_TABLE_IDS)[number];

export function isHealthTableId(value: unknown): value is HealthTableId {
  return typeof value === "string" && (HEALTH_TABLE_IDS as readonly string[]).includes(value);
}

export type HealthCell = string | number | null;
export type HealthRow = Record<string, HealthCell>;

export interface HealthColumn {
  key: string;
  header: string;
  /** Shown right-aligned; "money" with two decimals (yuan). */
  format?: "number" | "money";
}

export interface HealthChart {
  kind: "bar" | "stacked" | "line" | "timeline";
  /** Bars stand up from a time axis (months, years) instead of lying along named rows. */
  columns?: boolean;
  /** A line chart's series after the first are read on a second axis (outpatients count in thousands, the rest in ones). */
  secondAxis?: boolean;
  /** The row field naming each bar or point. */
  x: string;
  series: { key: string; label: string }[];
  rows: HealthRow[];
}

export interface HealthTable {
  id: HealthTableId;
  title: string;
  caption: string;
  empty: string;
  columns: HealthColumn[];
  rows: HealthRow[];
  chart: HealthChart;
  /** Where a table read a page at a time stands (the page; absent: every row is here, as in the exports). */
  page?: HealthPage;
}

/** A next-intl translator over the whole catalogue. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

const yuan = (fen: number) => fen / 100;
/** Days since 1970 of a calendar day "2026-03-01", for the timeline's axis. */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

export function healthTables(h: ProgramHealth, t: Translate): HealthTable[] {
  const c = (key: string) => t(`health.columns.${key}`);
  const col = (key: string, format?: HealthColumn["format"]): HealthColumn => ({ key, header: c(key), ...(format ? { format } : {}) });
  const table = (id: HealthTableId, columns: HealthColumn[], rows: HealthRow[], chart: HealthChart): HealthTable => ({
    id,
    title: t(`health.${id}.title`),
    caption: t(`health.${id}.caption`),
    empty: t(`health.${id}.empty`),
    columns,
    rows,
    chart,
    ...(h.pages && id in h.pages ? { page: h.pages[id as HealthPagedTable] } : {}),
  });
  const series = (...keys: string[]) => keys.map((key) => ({ key, label: c(key) }));
  // A chart on two axes says in its legend which axis each series is read on.
  const onTwoAxes = (...keys: string[]) => keys.map((key, i) => ({ key, label: t(i === 0 ? "health.leftAxis" : "health.rightAxis", { label: c(key) }) }));

  const posts = h.posts.map((p) => ({
    post: p.title,
    receivingOrg: p.receivingOrg,
    batch: p.rotationBatch,
    headcount: p.headcount,
    applications: p.applications,
    approved: p.approved,
    dispatched: p.dispatched,
    filled: `${p.approved}/${p.headcount}`,
    label: t("health.postInBatch", { post: p.title, batch: p.rotationBatch }),
  }));

  const stages = h.stageCounts.map((s) => ({
    post: s.postTitle ?? t("health.allPosts"),
    stage: t(`stage.${s.stage}`),
    pendingEndorsement: s.pendingEndorsement,
    inProgress: s.inProgress,
    ended: s.ended,
    approved: s.approved,
  }));
  const stageTotals = h.stageCounts.filter((s) => s.postId === null).map((s) => ({ stage: t(`stage.${s.stage}`), pendingEndorsement: s.pendingEndorsement, inProgress: s.inProgress, ended: s.ended, approved: s.approved }));

  const ratios = h.ratios.map((r) => ({
    post: r.postTitle,
    stage: t(`stage.${r.stage}`),
    ratio: `1:${r.ratio}`,
    headcount: r.headcount,
    cap: r.cap,
    passed: r.passed,
    standing: t(`health.standing.${r.standing}`),
    label: `${r.postTitle} · ${t(`stage.${r.stage}`)}`,
  }));

  const quotas = h.quotas.map((q) => ({
    post: q.postTitle,
    unit: q.unitName,
    minimum: q.minimum,
    nominated: q.nominated,
    quotaState: t(`health.quotaState.${q.state}`),
    label: `${q.unitName} · ${q.postTitle}`,
  }));

  const durations = h.durations.map((d) => ({
    stage: t(`stage.${d.stage}`),
    waitingOn: t(`health.waitingOn.${d.waitingOn}`),
    waitingNow: d.waitingNow,
    avgWaitDays: d.avgWaitDays,
    longestWaitDays: d.longestWaitDays,
    decided: d.decided,
    avgDecisionDays: d.avgDecisionDays,
    longestDecisionDays: d.longestDecisionDays,
    label: `${t(`stage.${d.stage}`)} · ${t(`health.waitingOn.${d.waitingOn}`)}`,
  }));

  const dispatches = h.dispatches.map((d) => ({
    doctor: d.doctorName,
    dispatchingUnit: d.dispatchingUnit,
    receivingOrg: d.receivingOrg,
    post: d.postTitle,
    startDate: d.startDate,
    lastDay: d.lastDay,
    status: t(`dispatches.status.${d.status}`),
  }));
  const timeline = h.dispatches.map((d) => ({ label: `${d.doctorName} · ${d.receivingOrg}`, from: dayNumber(d.startDate), to: dayNumber(d.lastDay) + 1 }));

  const leave = h.leave.map((l) => ({
    doctor: l.doctorName,
    receivingOrg: l.receivingOrg,
    homeLeaveDays: l.homeLeaveDays,
    spouseVisitDays: l.spouseVisitDays,
    sickDays: l.sickDays,
    personalDays: l.personalDays,
    pendingRequests: l.pendingRequests,
    absences: l.absences,
  }));

  const workloadRow = (m: ProgramHealth["workload"]["months"][number], month: string) => ({
    month,
    logs: m.logs,
    outpatients: m.outpatients,
    operations: m.operations,
    lectures: m.lectures,
    newTechniques: m.newTechniques,
    newDepartments: m.newDepartments,
    traineesHosted: m.traineesHosted,
    juniorsMentored: m.juniorsMentored,
    examsPassed: m.examsPassed,
  });
  const months = h.workload.months.map((m) => workloadRow(m, m.month));
  const workload = h.workload.total ? [...months, workloadRow(h.workload.total, t("health.total"))] : months;

  const allowances = h.allowances.map((a) => ({
    month: a.month,
    dispatchingUnitYuan: yuan(a.dispatchingUnitFen),
    bureauFinanceYuan: yuan(a.bureauFinanceFen),
    fundPoolYuan: yuan(a.fundPoolFen),
    dueYuan: yuan(a.dueFen),
    paidYuan: yuan(a.paidFen),
  }));

  const grades = h.grades.map((g) => ({
    year: String(g.year),
    excellent: g.excellent,
    competent: g.competent,
    basicallyCompetent: g.basicallyCompetent,
    incompetent: g.incompetent,
    notGraded: g.notGraded,
    notAssessed: g.notAssessed,
  }));

  return [
    table("posts", [col("post"), col("receivingOrg"), col("batch", "number"), col("headcount", "number"), col("applications", "number"), col("approved", "number"), col("dispatched", "number"), col("filled")], posts, { kind: "bar", x: "label", series: series("headcount", "approved", "dispatched"), rows: posts }),
    table("stages", [col("post"), col("stage"), col("pendingEndorsement", "number"), col("inProgress", "number"), col("ended", "number"), col("approved", "number")], stages, { kind: "stacked", x: "stage", series: series("pendingEndorsement", "inProgress", "ended", "approved"), rows: stageTotals }),
    table("ratios", [col("post"), col("stage"), col("ratio"), col("headcount", "number"), col("cap", "number"), col("passed", "number"), col("standing")], ratios, { kind: "bar", x: "label", series: series("cap", "passed"), rows: ratios }),
    table("quotas", [col("post"), col("unit"), col("minimum", "number"), col("nominated", "number"), col("quotaState")], quotas, { kind: "bar", x: "label", series: series("minimum", "nominated"), rows: quotas }),
    table(
      "durations",
      [col("stage"), col("waitingOn"), col("waitingNow", "number"), col("avgWaitDays", "number"), col("longestWaitDays", "number"), col("decided", "number"), col("avgDecisionDays", "number"), col("longestDecisionDays", "number")],
      durations,
      { kind: "bar", x: "label", series: series("avgWaitDays", "avgDecisionDays"), rows: durations },
    ),
    table("dispatches", [col("doctor"), col("dispatchingUnit"), col("receivingOrg"), col("post"), col("startDate"), col("lastDay"), col("status")], dispatches, { kind: "timeline", x: "label", series: [{ key: "range", label: c("servicePeriod") }], rows: timeline }),
    table(
      "leave",
      [col("doctor"), col("receivingOrg"), col("homeLeaveDays", "number"), col("spouseVisitDays", "number"), col("sickDays", "number"), col("personalDays", "number"), col("pendingRequests", "number"), col("absences", "number")],
      leave,
      { kind: "bar", x: "doctor", series: series("homeLeaveDays", "spouseVisitDays", "sickDays", "personalDays", "absences"), rows: leave },
    ),
    table(
      "workload",
      [col("month"), col("logs", "number"), col("outpatients", "number"), col("operations", "number"), col("lectures", "number"), col("newTechniques", "number"), col("newDepartments", "number"), col("traineesHosted", "number"), col("juniorsMentored", "number"), col("examsPassed", "number")],
      workload,
      { kind: "line", x: "month", secondAxis: true, series: onTwoAxes("outpatients", "operations", "lectures", "newTechniques", "newDepartments", "traineesHosted", "examsPassed"), rows: months },
    ),
    table(
      "allowances",
      [col("month"), col("dispatchingUnitYuan", "money"), col("bureauFinanceYuan", "money"), col("fundPoolYuan", "money"), col("dueYuan", "money"), col("paidYuan", "money")],
      allowances,
      { kind: "stacked", columns: true, x: "month", series: series("dispatchingUnitYuan", "bureauFinanceYuan", "fundPoolYuan"), rows: allowances },
    ),
    table("grades", [col("year"), col("excellent", "number"), col("competent", "number"), col("basicallyCompetent", "number"), col("incompetent", "number"), col("notGraded", "number"), col("notAssessed", "number")], grades, { kind: "stacked", columns: true, x: "year", series: series("excellent", "competent", "basicallyCompetent", "incompetent", "notGraded"), rows: grades }),
  ];
}
