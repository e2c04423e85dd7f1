import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { HealthSection } from "@/components/health/health-section";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { ClientMessages } from "@/components/shell/client-messages";
import { prisma } from "@/lib/db";
import { orErrorPage, requirePermission } from "@/lib/server/page-guard";
import { HEALTH_PAGE_SIZE, HEALTH_PAGED_TABLES, programHealth, type HealthPages } from "@/lib/server/program-health";
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
// of that table. The charts' words come from the server, so the browser gets no catalogue. The
// tables that grow with the programme (a row per post, unit or dispatch) come a page at a time,
// each under its own search param (?posts=2&leave=3), their charts showing the same rows; the
// exports hold every row.
type Props = { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page of each paged table from the search params (a positive whole number; anything else is page 1). */
function healthPages(search: Record<string, string | string[] | undefined>): HealthPages {
  const pages: HealthPages = {};
  for (const id of HEALTH_PAGED_TABLES) {
    const value = Number(search[id]);
    pages[id] = Number.isInteger(value) && value >= 1 && value <= 100_000 ? value : 1;
  }
  return pages;
}

export default function ProgramHealthPage(props: Props) {
  return (
    <ClientMessages folder="app/(app)/programs/[programId]/health">
      <ProgramHealthView {...props} />
    </ClientMessages>
  );
}

async function ProgramHealthView({ params, searchParams }: Props) {
  const { scope } = await requirePermission("program.health");
  const { programId } = await params;
  const pages = healthPages(await searchParams);
  // Another bureau's programme and an unknown one are both the 404 page.
  const health = await orErrorPage(() => programHealth(prisma, scope, programId, new Date(), pages));
  // The other tables' pages, kept by each table's paging (page 1 left out of the address).
  const kept = Object.fromEntries(Object.entries(health.pages ?? {}).map(([id, p]) => [id, p.page > 1 ? String(p.page) : undefined]));
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
                params={kept}
                labels={{
                  export: t("export"),
                  exportLabel: t("exportLabel", { title: table.title }),
                  chartLabel: t("chartLabel", { title: table.title }),
                  pagination: t("pagination", { title: table.title }),
                  ...(table.page
                    ? {
                        pagedNote: t(id === "stages" ? "pagedNoteTotals" : "pagedNote", {
                          from: (table.page.page - 1) * HEALTH_PAGE_SIZE + 1,
                          to: Math.min(table.page.page * HEALTH_PAGE_SIZE, table.page.total),
                          total: table.page.total,
                        }),
                      }
                    : {}),
                }}
              />
            );
          })}
        </section>
      ))}
    </div>
  );
}
