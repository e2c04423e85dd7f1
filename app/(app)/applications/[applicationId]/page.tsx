import { Printer } from "lucide-react";
import type { Metadata } from "next";
import { titleInWords, type DoctorsTranslate } from "@/lib/title-words";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DecisionHistory } from "@/components/applications/decision-history";
import { instantOptions } from "@/components/applications/instant";
import { StageStrip } from "@/components/applications/stage-strip";
import { ApplicationStatusBadge, EligibilityMark } from "@/components/applications/status-badge";
import { EndorsePanel, WithdrawPanel } from "@/components/applications/unit-actions";
import { AttachmentSection } from "@/components/attachments/attachment-section";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import { ClientMessages } from "@/components/shell/client-messages";
import { Card } from "@/components/ui/card";
import { DecisionPanel } from "@/components/vetting/decision-panel";
import { isBureauRole } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { stageOrder } from "@/lib/domain/vetting";
import { getCalendarDateFormatter } from "@/lib/i18n/format";
import { getApplication } from "@/lib/server/application-queries";
import { allowedUploadKinds } from "@/lib/server/attachments";
import { requirePermission } from "@/lib/server/page-guard";
import { documentsToPassCurrentStage } from "@/lib/server/required-documents";
import { orErrorPage } from "./load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications");
  return { title: t("detail.metaTitle") };
}

// One application for everyone allowed to read it: where it stands in the programme's stages, the
// verdict it was submitted with (and the exception reason), its documents, every decision, and what
// the reader may do now (the unit endorses or withdraws; bureau staff decide).
export default async function ApplicationPage({ params, searchParams }: { params: Promise<{ applicationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("application.read");
  const [{ applicationId }, search] = await Promise.all([params, searchParams]);
  const detail = await orErrorPage(() => getApplication(prisma, scope, applicationId));
  const [allowedKinds, documents, t, tVetting, tStage, tSex, tTitle, format, ymd] = await Promise.all([
    allowedUploadKinds(prisma, scope, detail.id),
    documentsToPassCurrentStage(prisma, scope, detail.id),
    getTranslations("applications"),
    getTranslations("vetting"),
    getTranslations("stage"),
    getTranslations("doctors.sex"),
    getTranslations("doctors"),
    getFormatter(),
    getCalendarDateFormatter(),
  ]);
  const stages = stageOrder(detail.program.stages);
  const { doctor, post } = detail;
  const title = doctor.titles[0];
  const isStaff = isBureauRole(scope.user.role);
  const justSubmitted = search.submitted === "1";
  // Staff may attach a document (the exam's result, the inspection's findings) to one of the decisions.
  const decisionOptions = detail.can.decide
    ? detail.decisions
        .filter((d) => d.stage !== "REGISTRATION")
        .map((d) => ({ id: d.id, label: t("detail.decisionOption", { stage: tStage(d.stage), outcome: tVetting(`decision.outcome.${d.outcome}`), at: format.dateTime(d.decidedAt, instantOptions) }) }))
    : [];

  // The page's client components and the namespaces they read: the decision panel ("vetting", 11 KB)
  // for those who decide, the unit's endorse / withdraw panels ("applications", 12 KB) for those who may;
  // the others are not sent (issue 17).
  const without = [...(detail.can.decide ? [] : ["vetting"]), ...(detail.can.endorse || detail.can.withdraw ? [] : ["applications"])];

  return (
    <ClientMessages folder="app/(app)/applications/[applicationId]" without={without}>
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <AreaBreadcrumbs role={scope.user.role} area="/applications" trail={[{ label: detail.program.name, href: `/applications?programId=${detail.program.id}` }, { label: doctor.name }]} />
            <h1 className="mt-2 flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900">
              {t("detail.heading", { doctor: doctor.name, post: post.title })}
              <ApplicationStatusBadge status={detail.status} />
            </h1>
            <p className="mt-1 text-sm text-slate-600">
              {detail.program.name} · {t("batch", { batch: post.rotationBatch })} · {post.receivingOrgName}
              {detail.registrationNo ? <span className="tabular-nums"> · {t("list.numberLine", { number: detail.registrationNo })}</span> : null}
            </p>
          </div>
          <Link
            href={`/applications/${detail.id}/registration-form`}
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            <Printer aria-hidden className="h-4 w-4" />
            {t("detail.print")}
          </Link>
        </div>

        {justSubmitted ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t(detail.status === "PENDING_ENDORSEMENT" ? "detail.submittedPending" : "detail.submitted")}
          </p>
        ) : null}

        <Card title={t("detail.progress")}>
          <StageStrip stages={stages} currentStage={detail.currentStage} status={detail.status} />
          <p className="mt-3 text-sm text-slate-600">{t(`detail.statusLine.${detail.status}`, { stage: tStage(detail.currentStage) })}</p>
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("detail.doctorTitle")}>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("detail.name")}</dt>
              <dd className="text-slate-900">
                {t("detail.nameLine", { name: doctor.name, sex: tSex(doctor.sex), ethnicity: doctor.ethnicity })}
              </dd>
              <dt className="text-slate-500">{t("detail.birthDate")}</dt>
              <dd className="text-slate-900">{ymd(doctor.birthDate)}</dd>
              <dt className="text-slate-500">{t("detail.employer")}</dt>
              <dd className="text-slate-900">
                {doctor.employer.name} · {doctor.department}
              </dd>
              <dt className="text-slate-500">{t("detail.title")}</dt>
              <dd className="text-slate-900">{title ? titleInWords(tTitle as unknown as DoctorsTranslate, title) : "—"}</dd>
              <dt className="text-slate-500">{t("detail.phone")}</dt>
              <dd className="text-slate-900">{doctor.phone ?? "—"}</dd>
            </dl>
          </Card>
          <Card title={t("detail.applicationTitle")}>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("detail.post")}</dt>
              <dd className="text-slate-900">
                {t("detail.postLine", { post: post.title, headcount: t("headcount", { count: post.headcount }) })}
              </dd>
              <dt className="text-slate-500">{t("detail.source")}</dt>
              <dd className="text-slate-900">{t(`source.${detail.source}`)}</dd>
              <dt className="text-slate-500">{t("detail.unit")}</dt>
              <dd className="text-slate-900">{detail.nominatingOrg.name}</dd>
              <dt className="text-slate-500">{t("detail.submittedAt")}</dt>
              <dd className="tabular-nums text-slate-900">{detail.submittedAt ? format.dateTime(detail.submittedAt, instantOptions) : "—"}</dd>
              <dt className="text-slate-500">{t("detail.verdict")}</dt>
              <dd>
                <EligibilityMark verdict={detail.eligibilityVerdict} exceptionReason={detail.exceptionReason} />
              </dd>
            </dl>
            {detail.exceptionReason ? (
              <div className={isStaff ? "mt-4 rounded-md border-l-4 border-orange-400 bg-orange-50 px-3 py-2 text-sm" : "mt-4 rounded-md bg-slate-50 px-3 py-2 text-sm"}>
                <p className="font-medium text-slate-900">{t("exception.reasonTitle")}</p>
                <p className="mt-1 whitespace-pre-line text-slate-800">{detail.exceptionReason}</p>
                {isStaff ? <p className="mt-1 text-xs text-orange-800">{t("exception.staffNote")}</p> : null}
              </div>
            ) : null}
          </Card>
        </div>

        {detail.can.decide ? (
          <Card title={tVetting("decision.title")}>
            <DecisionPanel applicationId={detail.id} stage={detail.currentStage} status={detail.status} eligibilityVerdict={detail.eligibilityVerdict} missingDocuments={documents.missing} />
          </Card>
        ) : null}

        {detail.can.endorse ? (
          <Card title={t("endorse.title")}>
            <EndorsePanel applicationId={detail.id} doctorName={doctor.name} verdict={detail.eligibilityVerdict} exceptionReason={detail.exceptionReason} />
          </Card>
        ) : null}

        <AttachmentSection applicationId={detail.id} attachments={detail.attachments} allowedKinds={allowedKinds} decisions={decisionOptions} required={documents.required} />

        <Card title={t("detail.historyTitle")}>
          <DecisionHistory detail={detail} stages={stages} />
        </Card>

        {detail.can.withdraw ? (
          <Card title={t("withdraw.title2")}>
            <WithdrawPanel applicationId={detail.id} doctorName={doctor.name} />
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
