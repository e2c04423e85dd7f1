import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { orErrorPage } from "@/app/(app)/applications/[applicationId]/load";
import { deadlineOptions } from "@/components/applications/instant";
import { DispatchBreadcrumbs } from "@/components/dispatches/dispatch-breadcrumbs";
import { DispatchActions } from "@/components/dispatches/dispatch-actions";
import { dayOptions, dayValue } from "@/components/dispatches/days";
import { IssueText } from "@/components/dispatches/issue-text";
import { DispatchStatusBadge } from "@/components/dispatches/status-badge";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { dispatchSections } from "@/lib/dispatch-sections";
import { getDispatch } from "@/lib/server/dispatch-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dispatches.detail");
  return { title: t("metaTitle") };
}

// One dispatch: its first and last day of service (always both, never "an end"), status, the
// hand-over with its predecessor or successor, the history of every change, and staff's actions.
export default async function DispatchPage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("dispatch.read");
  const { dispatchId } = await params;
  const d = await orErrorPage(() => getDispatch(prisma, scope, dispatchId));
  const [t, tEvent, tErr, tSection, format] = await Promise.all([
    getTranslations("dispatches.detail"),
    getTranslations("dispatches.eventKind"),
    getTranslations("dispatches.errors"),
    getTranslations("dispatches.sections"),
    getFormatter(),
  ]);
  const day = (s: string) => format.dateTime(dayValue(s), dayOptions);
  const moved = d.lastDay !== d.plannedLastDay;
  const refusals = Object.entries(d.refusals).filter(([, key]) => key !== "notPlanned" && key !== "notActive" && key !== "cancelOnlyPlanned" && key !== "terminateOnlyActive" && key !== "dispatchClosed");

  return (
    <div className="flex flex-col gap-6">
      <DispatchBreadcrumbs role={scope.user.role} dispatch={{ id: d.id, doctorName: d.doctor.name }} trail={[]} />
      <div>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900">
          {t("heading", { doctor: d.doctor.name, post: d.post.title })}
          <DispatchStatusBadge status={d.status} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {d.program.name} · {t("batch", { batch: d.rotationBatch })} · {d.receivingOrg.name}
        </p>
      </div>

      <Card title={t("datesTitle")}>
        <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-sm text-slate-500">{t("startDate")}</dt>
            <dd className="text-lg font-semibold text-slate-900">{day(d.startDate)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("lastDay")}</dt>
            <dd className="text-lg font-semibold text-slate-900">{day(d.lastDay)}</dd>
            {moved ? <dd className="text-xs text-amber-800">{t("plannedLastDay", { day: day(d.plannedLastDay) })}</dd> : null}
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("serviceMonths")}</dt>
            <dd className="text-lg font-semibold text-slate-900">{t("months", { months: d.serviceMonths })}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("acting")}</dt>
            <dd className="text-lg font-semibold text-slate-900">{d.actingPosition ?? t("noActing")}</dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-slate-500">{t("datesHint")}</p>
        <dl className="mt-4 grid grid-cols-1 gap-3 border-t border-slate-100 pt-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("doctor")}</dt>
            <dd className="text-slate-900">{t("doctorLine", { name: d.doctor.name, employer: d.doctor.employerName, department: d.doctor.department })}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("receiving")}</dt>
            <dd className="text-slate-900">{d.receivingOrg.name}</dd>
          </div>
        </dl>
      </Card>

      <Card title={t("rotationTitle")}>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("predecessor")}</dt>
            <dd>
              {d.predecessor ? (
                <Link href={`/dispatches/${d.predecessor.id}`} className="text-brand-700 hover:underline">
                  {t("predecessorLine", { name: d.predecessor.doctorName, day: day(d.predecessor.lastDay) })}
                </Link>
              ) : (
                t("none")
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("successor")}</dt>
            <dd>
              {d.successor ? (
                <Link href={`/dispatches/${d.successor.id}`} className="text-brand-700 hover:underline">
                  {t("successorLine", { name: d.successor.doctorName, day: day(d.successor.startDate) })}
                </Link>
              ) : (
                t("none")
              )}
            </dd>
          </div>
        </dl>
        {d.issue ? (
          <p role="note" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            <IssueText issue={d.issue} predecessor={d.predecessor && d.issue.successorId === d.id ? d.predecessor.doctorName : d.doctor.name} successor={d.successor && d.issue.predecessorId === d.id ? d.successor.doctorName : d.doctor.name} day={day} />
          </p>
        ) : d.predecessor || d.successor ? (
          <p className="mt-3 text-sm text-emerald-800">{t("handoverOk", { days: d.program.handoverOverlapDays })}</p>
        ) : null}
      </Card>

      {dispatchSections.length ? (
        <nav aria-label={t("sectionsTitle")} className="flex flex-wrap gap-2">
          {dispatchSections.map((s) => (
            <Link key={s.segment} href={`/dispatches/${d.id}/${s.segment}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
              {tSection(s.labelKey)}
            </Link>
          ))}
        </nav>
      ) : null}

      {Object.values(d.can).some(Boolean) || refusals.length ? (
        <Card title={t("actionsTitle")}>
          {refusals.length ? (
            <ul className="mb-3 list-disc pl-5 text-sm text-slate-600">
              {refusals.map(([action, key]) => (
                <li key={action}>{tErr.has(key) ? tErr(key, { doctor: d.doctor.name }) : key}</li>
              ))}
            </ul>
          ) : null}
          <DispatchActions dispatchId={d.id} version={d.version} doctorName={d.doctor.name} lastDay={d.lastDay} can={d.can} />
        </Card>
      ) : null}

      <Card title={t("historyTitle")}>
        <ol className="flex flex-col gap-3">
          {d.events.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3 text-sm">
              <p className="font-medium text-slate-900">{tEvent(e.kind)}</p>
              <p className="text-slate-600">{t("eventBy", { who: e.actedBy, at: format.dateTime(e.at, deadlineOptions) })}</p>
              {e.fromLastDay && e.toLastDay ? <p className="text-slate-700">{t("eventMoved", { from: day(e.fromLastDay), to: day(e.toLastDay) })}</p> : null}
              {!e.fromLastDay && e.toLastDay ? <p className="text-slate-700">{t("eventPlanned", { to: day(e.toLastDay) })}</p> : null}
              {e.reason ? <p className="text-slate-700">{t("eventReason", { reason: e.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
