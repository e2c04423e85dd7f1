import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { HealthSection } from "@/components/health/health-section";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { ClientMessages } from "@/components/shell/client-messages";
import { prisma } from "@/lib/db";
import { orErrorPage, requirePermission } from "@/lib/server/page-guard";
import { HEALTH_DISPATCH_LIMIT, programHealth } from "@/lib/server/program-health";
import { healthTables, type HealthTableId } from "@/lib/server/program-health-tables";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("health");
  return { title: t("title") };
}

const SECTIONS: { key: "selection" | "waits" | "service"; tables: HealthTableId[] }[] = [
  { key: "selection", tables: ["posts", "stages", "ratios", "quotas"] },
  { key: "waits", tables: ["durations"] },
  { key: "service", tables: ["dispatches", "leave", "workload", "allowances", "grades"] },
];

// Programme health for the bureau (issue 16): each figure a chart with its table and an Excel export
// of that table. The charts' words come from the server, so the browser gets no catalogue.
export default function ProgramHealthPage(props: { params: Promise<{ programId: string }> }) {
  return (
    <ClientMessages folder="app/(app)/programs/[programId]/health">
      <ProgramHealthView {...props} />
    </ClientMessages>
  );
}

async function ProgramHealthView({ params }: { params: Promise<{ programId: string }> }) {
  const { scope } = await requirePermission("program.health");
  const { programId } = await params;
  // Another bureau's programme and an unknown one are both the 404 page.
  const health = await orErrorPage(() => programHealth(prisma, scope, programId));
  const [t, tAll, locale] = await Promise.all([getTranslations("health"), getTranslations(), getLocale()]);
  const tables = new Map(healthTables(health, (key, values) => tAll(key as never, values as never)).map((table) => [table.id, table]));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProgramBreadcrumbs role={scope.user.role} program={health.program} trail={[{ label: t("title") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{health.program.name}</p>
        <p className="mt-2 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      {SECTIONS.map((section) => (
        <section key={section.key} className="flex flex-col gap-4" aria-labelledby={`health-section-${section.key}`}>
          <h2 id={`health-section-${section.key}`} className="text-lg font-semibold text-slate-800">
            {t(`sections.${section.key}`)}
          </h2>
          {section.tables.map((id) => {
            const table = tables.get(id)!;
            return (
              <HealthSection
                key={id}
                table={table}
                locale={locale}
                exportHref={`/api/v1/programs/${health.program.id}/health/export/${id}`}
                labels={{ export: t("export"), exportLabel: t("exportLabel", { title: table.title }), chartLabel: t("chartLabel", { title: table.title }) }}
              />
            );
          })}
          {section.key === "service" && health.dispatches.length >= HEALTH_DISPATCH_LIMIT ? <p className="text-sm text-amber-700">{t("dispatchLimit", { limit: HEALTH_DISPATCH_LIMIT })}</p> : null}
        </section>
      ))}
    </div>
  );
}
