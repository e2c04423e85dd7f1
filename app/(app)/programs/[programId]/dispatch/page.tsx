import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { orErrorPage } from "@/app/(app)/applications/[applicationId]/load";
import { CreateDispatchForm } from "@/components/dispatches/create-dispatch-form";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { Card, EmptyState } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { dispatchCandidates } from "@/lib/server/dispatch-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dispatches.create");
  return { title: t("title") };
}

// Staff dispatch the programme's approved appointees, batch by batch: arrival, months, acting
// position, and the predecessor whose seat each takes over. The rotation timeline is on the board.
export default async function ProgramDispatchPage({ params }: { params: Promise<{ programId: string }> }) {
  const { scope } = await requirePermission("dispatch.manage");
  const { programId } = await params;
  const { program, candidates } = await orErrorPage(() => dispatchCandidates(prisma, scope, programId));
  const t = await getTranslations("dispatches.create");
  const batches = [...new Set(candidates.map((c) => c.post.rotationBatch))].sort((a, b) => a - b);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
        <ProgramBreadcrumbs role={scope.user.role} program={program} trail={[{ label: t("title") }]} />
        <Link href={`/dispatches?programId=${program.id}`} className="text-brand-700 hover:underline">
          {t("toBoard")}
        </Link>
      </div>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle", { months: program.serviceMonths })}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("fromConfirmedList")}{" "}
          <Link href={`/programs/${program.id}/notice`} className="text-brand-700 hover:underline">
            {t("toNotice")}
          </Link>
        </p>
      </div>
      {candidates.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : null}
      {batches.map((batch) => (
        <section key={batch} className="flex flex-col gap-4" aria-labelledby={`batch-${batch}`}>
          <h2 id={`batch-${batch}`} className="text-lg font-semibold text-slate-900">
            {t("batch", { batch })}
          </h2>
          {candidates
            .filter((c) => c.post.rotationBatch === batch)
            .map((c) => (
              <Card key={c.applicationId} title={t("candidate", { doctor: c.doctorName, post: c.post.title })}>
                <p className="mb-3 text-sm text-slate-600">{t("candidateContext", { employer: c.employerName, unit: c.receivingOrgName })}</p>
                <CreateDispatchForm candidate={c} defaultMonths={program.serviceMonths} />
              </Card>
            ))}
        </section>
      ))}
    </div>
  );
}
