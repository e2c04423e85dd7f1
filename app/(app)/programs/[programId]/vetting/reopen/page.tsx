import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { ClientMessages } from "@/components/shell/client-messages";
import { Card } from "@/components/ui/card";
import { ReopenStageForm } from "@/components/vetting/reopen-stage-form";
import { ReopeningsList } from "@/components/vetting/reopenings-list";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { PICKER_LIMIT } from "@/lib/schemas/list-query";
import { listNominatingUnits } from "@/lib/server/posts";
import { getProgram } from "@/lib/server/programs";
import { requirePermission } from "@/lib/server/page-guard";
import { listStageReopenings } from "@/lib/server/stage-reopenings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vetting");
  return { title: t("reopen.title") };
}

// Staff reopen one stage for one unit until a new deadline, with the reason (the board links here):
// the form, then the stages already reopened. A page of its own, so that the board carries neither
// the form's code nor its words and units (issue 17).
export default async function ReopenStagePage({ params }: { params: Promise<{ programId: string }> }) {
  const { scope } = await requirePermission("application.reopenStage");
  const { programId } = await params;
  const program = await getProgram(prisma, scope, programId);
  if (!program) notFound();
  if (!can(scope, "application.reopenStage", { organizationId: program.bureauId })) forbidden();
  const [units, reopenings, t] = await Promise.all([
    listNominatingUnits(prisma, scope, programId, { take: PICKER_LIMIT }),
    listStageReopenings(prisma, scope, programId),
    getTranslations("vetting"),
  ]);

  return (
    <ClientMessages folder="app/(app)/programs/[programId]/vetting/reopen">
      <div className="flex flex-col gap-6">
        <div>
          <ProgramBreadcrumbs role={scope.user.role} program={program} trail={[{ label: t("title"), href: `/programs/${programId}/vetting` }, { label: t("reopen.title") }]} />
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("reopen.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {program.name} · {t("reopen.hint")}
          </p>
        </div>
        <Card>
          <ReopenStageForm programId={programId} stages={program.stages.map((s) => s.kind)} units={units} />
        </Card>
        <Card title={t("reopen.listTitle")}>
          <ReopeningsList rows={reopenings} />
        </Card>
      </div>
    </ClientMessages>
  );
}
