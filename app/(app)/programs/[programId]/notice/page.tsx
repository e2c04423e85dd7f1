import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { orErrorPage } from "@/app/(app)/applications/[applicationId]/load";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { PrintButton } from "@/components/ui/print-button";
import { AnswerForm, ConfirmListForm, ObjectionForm, PublishNoticeForm, WithdrawForm } from "@/components/notice/notice-forms";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { prisma } from "@/lib/db";
import { requirePermission } from "@/lib/server/page-guard";
import { noticeView } from "@/lib/server/public-notice-queries";
import { PrintSheetStyle } from "@/components/ui/print-sheet-style";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notice");
  return { title: t("title") };
}

// The public notice (公示) of a programme's batch. Everyone who can see the programme reads the notice
// in its window (ID numbers masked) and may object to a name; the programme's bureau staff publish
// it, answer objections, withdraw an appointee, confirm the list and see its frozen versions with
// their SHA-256, so a printed list can be checked against the system.
export default async function NoticePage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<{ batch?: string }> }) {
  const { scope } = await requirePermission("notice.object");
  const { programId } = await params;
  const { batch } = await searchParams;
  const view = await orErrorPage(() => noticeView(prisma, scope, programId, Number(batch) || 1));
  const [t, format] = await Promise.all([getTranslations("notice"), getFormatter()]);
  const at = (iso: string) => format.dateTime(new Date(iso), { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  const { program, notice, can, current, versions } = view;
  const batches = Array.from({ length: program.rotationBatches }, (_, i) => i + 1);
  const phaseTone = { notStarted: "info", open: "warning", closed: "neutral" } as const;
  const openObjections = view.objections.filter((o) => o.status === "OPEN").length;

  return (
    <div className="flex flex-col gap-6">
      <PrintSheetStyle margin="18mm" extra={".notice-sheet { border: 0 !important; box-shadow: none !important; padding: 0 !important; } .notice-sheet table { min-width: 0 !important; font-size: 10.5pt; }"} />
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm print:hidden">
        <ProgramBreadcrumbs role={scope.user.role} program={program} trail={[{ label: t("title") }]} />
        {can.manage ? (
          <Link href={`/programs/${program.id}/dispatch`} className="text-brand-700 hover:underline">
            {t("toDispatch")}
          </Link>
        ) : null}
      </div>
      <div className="print:hidden">
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading", { program: program.name, batch: view.rotationBatch, batches: program.rotationBatches })}</h1>
        <p className="mt-1 text-sm text-slate-600">{can.manage ? t("subtitleStaff") : t("subtitlePublic")}</p>
        {batches.length > 1 ? (
          <nav aria-label={t("batches")} className="mt-3 flex flex-wrap gap-2">
            {batches.map((b) => (
              <Link
                key={b}
                href={`/programs/${program.id}/notice?batch=${b}`}
                aria-current={b === view.rotationBatch ? "page" : undefined}
                className={`rounded-md border px-3 py-1 text-sm ${b === view.rotationBatch ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
              >
                {t("batch", { batch: b })}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>

      {notice ? (
        <section aria-labelledby="notice-title" className="notice-sheet rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h2 id="notice-title" className="text-xl font-semibold text-slate-900">
              {t("sheetTitle", { program: program.name, batch: view.rotationBatch, batches: program.rotationBatches })}
            </h2>
            <div className="flex flex-wrap items-center gap-2 print:hidden">
              <Badge tone={phaseTone[notice.phase]}>{t(`phase.${notice.phase}`)}</Badge>
              <PrintButton label={t("print")} />
              <a href={`/api/v1/programs/${program.id}/notice/export?batch=${view.rotationBatch}`} className="rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-800 hover:bg-slate-50" download>
                {t("exportLabel")}
              </a>
            </div>
          </div>
          <p className="mt-3 text-sm text-slate-800">{t("sheetIntro", { count: notice.entries.length })}</p>
          <div className="mt-3">
            <Table caption={t("namesCaption")} head={[t("col.no"), t("col.registrationNo"), t("col.doctor"), t("col.idNumber"), t("col.post"), t("col.unit"), t("col.approvedOn")]}>
              {notice.entries.map((e, i) => (
                <tr key={e.applicationId} className={e.isApproved ? undefined : "text-slate-400"}>
                  <Td>{i + 1}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{e.registrationNo ?? "—"}</Td>
                  <Td className="whitespace-nowrap font-medium">
                    {e.doctor}
                    {!e.isApproved ? <span className="ml-2 text-xs text-red-700">{t("withdrawnMark")}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{e.idNumber}</Td>
                  <Td>{e.post}</Td>
                  <Td>{e.receivingUnit}</Td>
                  <Td className="whitespace-nowrap">{e.approvedOn ?? "—"}</Td>
                </tr>
              ))}
            </Table>
          </div>
          <p className="mt-4 text-sm text-slate-800">{t("sheetWindow", { start: notice.startDate, end: notice.endDate, days: notice.workingDays })}</p>
          {notice.note ? <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{notice.note}</p> : null}
          <p className="mt-2 text-xs text-slate-500">{t("workingDaysRule")}</p>
          <p className="mt-3 break-all text-xs text-slate-600">
            {t("sheetHash")} <span className="font-mono">{notice.contentHash}</span>
          </p>
          <p className="mt-1 text-xs text-slate-500">{t("publishedBy", { name: notice.publishedBy, at: at(notice.publishedAt) })}</p>
        </section>
      ) : (
        <EmptyState>{t("noNotice")}</EmptyState>
      )}

      {can.publish ? (
        <Card title={notice ? t("publish.again") : t("publish.title")}>
          <div className="print:hidden">
            <PublishNoticeForm programId={program.id} rotationBatch={view.rotationBatch} defaultDays={program.noticeWorkingDays} />
          </div>
        </Card>
      ) : null}

      {can.object && notice ? (
        <Card title={t("object.title")}>
          <div className="print:hidden">
            <p className="mb-3 text-sm text-slate-600">{t("object.intro", { end: notice.endDate })}</p>
            <ObjectionForm noticeId={notice.id} entries={notice.entries.filter((e) => e.isApproved)} />
          </div>
        </Card>
      ) : notice && !can.manage && notice.phase !== "open" ? (
        <p className="text-sm text-slate-600 print:hidden">{notice.phase === "closed" ? t("object.closed", { end: notice.endDate }) : t("object.notStarted", { start: notice.startDate })}</p>
      ) : null}

      {notice ? (
        <section aria-labelledby="objections-title" className="flex flex-col gap-3 print:hidden">
          <h2 id="objections-title" className="text-lg font-semibold text-slate-900">
            {can.manage ? t("objections.titleStaff", { count: view.objections.length, open: openObjections }) : t("objections.titleMine")}
          </h2>
          {view.objections.length === 0 ? <EmptyState>{can.manage ? t("objections.none") : t("objections.noneMine")}</EmptyState> : null}
          {view.objections.map((o) => (
            <article key={o.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("objections.item", { doctor: o.doctor })}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium text-slate-900">{t("objections.on", { doctor: o.doctor, post: o.post })}</h3>
                <Badge tone={o.status === "OPEN" ? "warning" : "success"}>{t(`objections.status.${o.status}`)}</Badge>
              </div>
              <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{o.reason}</p>
              <p className="mt-1 text-xs text-slate-500">{t("objections.filed", { name: o.filedBy, at: at(o.filedAt) })}</p>
              {o.answer ? (
                <div className="mt-3 rounded-md bg-slate-50 p-3">
                  <p className="text-sm font-medium text-slate-700">{t("objections.answer")}</p>
                  <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{o.answer}</p>
                  <p className="mt-1 text-xs text-slate-500">{t("objections.answered", { name: o.answeredBy ?? "", at: o.answeredAt ? at(o.answeredAt) : "" })}</p>
                </div>
              ) : can.manage ? (
                <div className="mt-3">
                  <AnswerForm objectionId={o.id} doctor={o.doctor} />
                </div>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}

      {can.manage && current && notice ? (
        <Card title={t("current.title")}>
          <div className="flex flex-col gap-4 print:hidden">
            <p className="text-sm text-slate-600">{versions.length ? (current.isChanged ? t("current.changed", { version: versions[0]!.version }) : t("current.same", { version: versions[0]!.version })) : t("current.beforeConfirm")}</p>
            {current.entries.length === 0 ? <EmptyState>{t("current.empty")}</EmptyState> : null}
            {current.entries.map((e) => (
              <details key={e.applicationId} className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium text-slate-900">{e.doctor}</span> · {e.post} · {e.receivingUnit}
                  {e.isDispatched ? <span className="ml-2 text-xs text-emerald-700">{t("current.dispatched")}</span> : null}
                </summary>
                <div className="mt-3">{e.isDispatched ? <p className="text-sm text-slate-600">{t("current.dispatchedHint")}</p> : <WithdrawForm applicationId={e.applicationId} doctor={e.doctor} />}</div>
              </details>
            ))}
            {can.confirm ? (
              <div className="border-t border-slate-100 pt-4">
                <ConfirmListForm programId={program.id} rotationBatch={view.rotationBatch} nextVersion={(versions[0]?.version ?? 0) + 1} />
              </div>
            ) : versions.length === 0 ? (
              <p className="text-sm text-slate-600">{notice.phase === "closed" ? t("confirm.afterAnswers", { open: openObjections }) : t("confirm.afterWindow", { end: notice.endDate })}</p>
            ) : null}
          </div>
        </Card>
      ) : null}

      {can.manage ? (
        <section aria-labelledby="versions-title" className="flex flex-col gap-3 print:hidden">
          <h2 id="versions-title" className="text-lg font-semibold text-slate-900">
            {t("versions.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("versions.hint")}</p>
          {versions.length === 0 ? <EmptyState>{t("versions.none")}</EmptyState> : null}
          {versions.map((v) => (
            <article key={v.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("versions.item", { version: v.version })}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium text-slate-900">{t("versions.version", { version: v.version })}</h3>
                {v.isCurrent ? <Badge tone="success">{t("versions.current")}</Badge> : <Badge>{t("versions.superseded")}</Badge>}
              </div>
              <p className="mt-2 break-all text-sm">
                <span className="text-slate-500">{t("versions.hash")}</span> <span className="font-mono text-slate-900">{v.contentHash}</span>
              </p>
              <p className="mt-1 text-sm text-slate-700">{t("versions.names", { count: v.entries.length, names: v.entries.map((e) => e.doctor).join("、") })}</p>
              {v.reason ? <p className="mt-1 text-sm text-slate-700">{t("versions.reason", { reason: v.reason })}</p> : null}
              <p className="mt-1 text-xs text-slate-500">{t("versions.confirmed", { name: v.confirmedBy, at: at(v.confirmedAt) })}</p>
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-brand-700">{t("versions.content")}</summary>
                <pre className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{v.content}</pre>
              </details>
            </article>
          ))}
        </section>
      ) : null}
    </div>
  );
}
