import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AcknowledgeHandover, HandoverForm } from "@/components/service/handover-form";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { DispatchBreadcrumbs } from "@/components/dispatches/dispatch-breadcrumbs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { prisma } from "@/lib/db";
import { HANDOVER_SECTIONS } from "@/lib/schemas/handover";
import { getHandover } from "@/lib/server/handover";
import { requirePermission } from "@/lib/server/page-guard";
import { serviceDesk } from "@/lib/auth/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("handover");
  return { title: t("title") };
}

// 交接: the doctor writes what the successor inherits; the successor and the receiving unit read it
// and confirm; the bureau sees who has read it. Reached from the doctor's workspace and the dispatch page.
export default async function HandoverPage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("dispatch.read");
  const { dispatchId } = await params;
  const [view, t, format] = await Promise.all([getHandover(prisma, scope, dispatchId), getTranslations("handover"), getFormatter()]);
  const { dispatch, packet, reads, myRead, can } = view;
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const at = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" });
  const isDoctor = serviceDesk(scope) === "own";
  const isAuthor = isDoctor && dispatch.doctorId === scope.user.doctorId;
  const wasChanged = !!packet?.submittedAt && packet.updatedAt.getTime() - packet.submittedAt.getTime() > 1000;
  return (
    <div className="flex flex-col gap-6">
      {isDoctor ? (
        <Breadcrumbs trail={[{ label: t("breadcrumbService"), href: "/service" }, { label: t("title") }]} />
      ) : (
        <DispatchBreadcrumbs role={scope.user.role} dispatch={{ id: dispatch.id, doctorName: dispatch.doctor.name }} trail={[{ label: t("title") }]} />
      )}
      <PageHeader title={t("title")} subtitle={t("subtitle", { doctor: dispatch.doctor.name, post: dispatch.post.title, org: dispatch.receivingOrg.name })} />
      <Card>
        <div className="flex flex-col gap-2 text-sm text-slate-700">
          {packet ? (
            <div className="flex flex-wrap items-center gap-2">
              {packet.submittedAt ? <Badge tone="success">{t("statusSubmitted", { at: at(packet.submittedAt) })}</Badge> : <Badge tone="warning">{t("statusDraft")}</Badge>}
              {wasChanged ? <span className="text-slate-500">{t("statusUpdated", { at: at(packet.updatedAt) })}</span> : null}
            </div>
          ) : null}
          <p>{t("lastDay", { day: day(dispatch.lastDay) })}</p>
          <p>{dispatch.successor ? t("successor", { name: dispatch.successor.doctor.name, day: day(dispatch.successor.startDate) }) : t("noSuccessor")}</p>
          {can.edit ? <p className="text-slate-600">{t("intro")}</p> : null}
        </div>
      </Card>

      {can.edit ? (
        <Card>
          {!packet && view.suggestedMentees ? <p className="mb-3 text-sm text-slate-600">{t("prefilled")}</p> : null}
          <HandoverForm
            dispatchId={dispatch.id}
            version={packet?.version ?? 0}
            isSubmitted={!!packet?.submittedAt}
            initial={{ openCases: packet?.openCases ?? "", mentees: packet?.mentees ?? view.suggestedMentees, projects: packet?.projects ?? "", contacts: packet?.contacts ?? "", notes: packet?.notes ?? "" }}
          />
        </Card>
      ) : packet ? (
        <Card>
          <dl className="flex flex-col gap-4">
            {[...HANDOVER_SECTIONS, "notes" as const].map((s) =>
              packet[s] ? (
                <div key={s}>
                  <dt className="text-sm font-semibold text-slate-900">{t(`sections.${s}`)}</dt>
                  <dd className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">{packet[s]}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </Card>
      ) : (
        <EmptyState>{isAuthor ? t("notEditable") : t("none")}</EmptyState>
      )}

      {can.acknowledge ? (
        <Card>
          {myRead?.isCurrent ? <p role="status" className="text-sm text-emerald-800">{t("acknowledged", { at: at(myRead.readAt) })}</p> : <AcknowledgeHandover dispatchId={dispatch.id} again={!!myRead} />}
        </Card>
      ) : null}

      {packet?.submittedAt ? (
        <Card title={t("readsTitle")}>
          {reads.length === 0 ? (
            <p className="text-sm text-slate-600">{t("readsNone")}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm text-slate-700">
              {reads.map((r) => (
                <li key={r.userId}>
                  {t("readLine", { name: r.name, org: r.organization, at: at(r.readAt) })}
                  {r.isCurrent ? null : <span className="ml-2 text-amber-700">（{t("readStale")}）</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
