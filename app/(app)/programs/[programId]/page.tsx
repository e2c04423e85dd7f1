import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgramForm } from "@/components/programs/program-form";
import { ClientMessages } from "@/components/shell/client-messages";
import { PhaseBadge, PhaseDetailText } from "@/components/programs/program-phase";
import { DuplicateButton, StatusActions } from "@/components/programs/status-actions";
import { TimelineEditor } from "@/components/programs/timeline-editor";
import { TimelineView } from "@/components/programs/timeline-view";
import { RequiredDocumentsEditor, RequiredDocumentsView } from "@/components/programs/required-documents-editor";
import { ProgramApplicationsCard } from "@/components/applications/program-applications-card";
import { Card } from "@/components/ui/card";
import { QuotaTable } from "@/components/vetting/quota-table";
import { can, followsApplications } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isProgramEditable } from "@/lib/domain/program-status";
import { toShanghaiWallClock } from "@/lib/domain/program-timeline";
import { listApplications, quotaProgress } from "@/lib/server/application-queries";
import { registrationWindow } from "@/lib/server/nomination-queries";
import { getProgram } from "@/lib/server/programs";
import { requiredDocuments } from "@/lib/server/required-documents";
import { requirePermission } from "@/lib/server/page-guard";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programsAdmin");
  return { title: t("title") };
}

// Every role reads the programmes the policy lets it see; bureau admins and staff of the owning
// bureau edit them. Out of scope is "not found".
// The programme's own client components get their namespaces here, not in a layout: a layout in this
// folder would wrap the posts, rules, vetting … pages too, which have lists of their own.
export default function ProgramPage(props: { params: Promise<{ programId: string }> }) {
  return (
    <ClientMessages folder="app/(app)/programs/[programId]">
      <ProgramOverview {...props} />
    </ClientMessages>
  );
}

async function ProgramOverview({ params }: { params: Promise<{ programId: string }> }) {
  const { scope } = await requirePermission("program.read");
  const { programId } = await params;
  const program = await getProgram(prisma, scope, programId);
  if (!program) notFound();
  const canManage = can(scope, "program.manage", { organizationId: program.bureauId });
  const canEdit = canManage && isProgramEditable(program.status);
  const [t, tKind, checklist] = await Promise.all([getTranslations("programsAdmin"), getTranslations("programKind"), requiredDocuments(prisma, scope, program.id)]);
  // The applications panel: how many the user sees, the registration window for those who submit, the unit's quotas.
  const submits = (can(scope, "application.nominate") || can(scope, "application.register")) && program.status === "OPEN";
  const applications =
    program.status !== "DRAFT" && followsApplications(scope)
      ? await Promise.all([
          listApplications(prisma, scope, { programId: program.id }),
          submits ? registrationWindow(prisma, scope, program.id) : null,
          can(scope, "application.nominate") ? quotaProgress(prisma, scope, program.id) : null,
        ]).then(([list, window, quotas]) => ({ total: list.total, window, quotas }))
      : null;

  const registration = program.stages.find((s) => s.kind === "REGISTRATION");
  const wall = (d: Date) => toShanghaiWallClock(d).replace("T", " ");
  const pastWindow =
    program.isRegistrationPast && registration && program.registrationShiftDays !== null && program.registrationShiftDays > 0
      ? { opensAt: wall(registration.opensAt), closesAt: wall(registration.closesAt), days: program.registrationShiftDays }
      : null;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProgramBreadcrumbs role={scope.user.role} program={program} trail={[]} />
        <h1 className="mt-2 flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900">
          {program.name}
          <PhaseBadge phase={program.phase} />
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          <PhaseDetailText phase={program.phase} />
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card title={t("summary.title")} action={
            <span className="flex flex-wrap gap-x-4 gap-y-1">
              <Link href={`/programs/${program.id}/rules`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("summary.rules")}
              </Link>
              <Link href={`/programs/${program.id}/posts`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("summary.managePosts")}
              </Link>
              {can(scope, "program.health", { organizationId: program.bureauId }) ? (
                <Link href={`/programs/${program.id}/health`} className="text-sm font-medium text-brand-700 hover:underline">
                  {t("summary.health")}
                </Link>
              ) : null}
              {program.status !== "DRAFT" ? (
                <Link href={`/programs/${program.id}/notice`} className="text-sm font-medium text-brand-700 hover:underline">
                  {t("summary.notice")}
                </Link>
              ) : null}
            </span>
          }>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-slate-500">{t("summary.bureau")}</dt>
            <dd className="text-slate-900">{program.bureauName}</dd>
            <dt className="text-slate-500">{t("form.kind")}</dt>
            <dd className="text-slate-900">{tKind(program.kind)}</dd>
            <dt className="text-slate-500">{t("list.yearBatch")}</dt>
            <dd className="text-slate-900">{program.batchNumber ? t("list.yearAndBatch", { year: program.year, batch: program.batchNumber }) : t("list.yearOnly", { year: program.year })}</dd>
            <dt className="text-slate-500">{t("form.serviceMonths")}</dt>
            <dd className="text-slate-900">{t("summary.months", { months: program.serviceMonths })}</dd>
            <dt className="text-slate-500">{t("form.rotationBatches")}</dt>
            <dd className="text-slate-900">{program.rotationBatches}</dd>
            <dt className="text-slate-500">{t("summary.posts")}</dt>
            <dd className="text-slate-900">{t("summary.postsLine", { posts: program.postCount, headcount: program.headcount, applications: program.applicationCount })}</dd>
            {program.description ? (
              <>
                <dt className="text-slate-500">{t("form.description")}</dt>
                <dd className="whitespace-pre-line text-slate-900">{program.description}</dd>
              </>
            ) : null}
          </dl>
        </Card>
        {canManage ? (
          <Card title={t("status.title")}>
            <div className="flex flex-col gap-5">
              <StatusActions programId={program.id} name={program.name} targets={program.targets} pastWindow={pastWindow} />
              <div className="border-t border-slate-100 pt-4">
                <p className="mb-2 text-sm text-slate-600">{t("duplicate.hint")}</p>
                <DuplicateButton programId={program.id} name={program.name} />
              </div>
            </div>
          </Card>
        ) : null}
      </div>

      {applications ? (
        <ProgramApplicationsCard
          scope={scope}
          programId={program.id}
          programStatus={program.status}
          total={applications.total}
          window={applications.window}
          quotas={applications.quotas ? <QuotaTable rows={applications.quotas} view="unit" /> : null}
        />
      ) : null}

      {canEdit ? (
        <Card title={t("editTitle")}>
          <ProgramForm
            programId={program.id}
            version={program.version}
            defaultValues={{
              template: "blank",
              kind: program.kind,
              name: program.name,
              year: program.year,
              batchNumber: program.batchNumber ?? "",
              serviceMonths: program.serviceMonths,
              rotationBatches: program.rotationBatches,
              description: program.description ?? "",
            }}
          />
        </Card>
      ) : null}

      <Card title={t("timeline.title")}>
        {canEdit ? (
          <TimelineEditor
            programId={program.id}
            defaultValues={{
              id: program.id,
              stages: program.stages.map((s) => ({ kind: s.kind, opensAt: toShanghaiWallClock(s.opensAt), closesAt: toShanghaiWallClock(s.closesAt), ratio: s.ratio ?? "" })),
              cutoffs: program.cutoffDates.map((c) => ({ code: c.code, label: c.label, date: c.date.toISOString().slice(0, 10) })),
            }}
          />
        ) : (
          <TimelineView program={program} />
        )}
      </Card>

      <Card title={t("requiredDocs.title")}>
        {canManage && program.status !== "CLOSED" ? <RequiredDocumentsEditor key={JSON.stringify(checklist.stages)} programId={program.id} stages={checklist.stages} /> : <RequiredDocumentsView stages={checklist.stages} />}
      </Card>
    </div>
  );
}
