import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditFilters, type FilterValues } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { prisma } from "@/lib/db";
import { AUDIT_DEFAULT_SORT, auditFilterSchema, auditPageSchema, filterInput, filterParams } from "@/lib/schemas/audit";
import { listHref } from "@/components/ui/list-href";
import { listState } from "@/components/ui/sort-header";
import { fieldErrorsOf } from "@/lib/schemas/field-errors";
import type { Translate } from "@/lib/audit-labels";
import { auditFilterOptions, describeAuditRows, EXPORT_LIMIT, listAuditLog } from "@/lib/server/audit-log";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The audit log for bureau admins and auditors: filters in the URL, filtered and paged in SQL within
// the user's scope (lib/auth/policy.ts auditLogWhere), newest first.
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const { scope } = await requirePermission("audit.read");
  const input = filterInput(await searchParams);
  const parsed = auditFilterSchema.safeParse(input);
  const pageQuery = auditPageSchema.parse(input);
  const t = await getTranslations("audit");

  const values: FilterValues = { q: input.q, action: input.action, entity: input.entity, actor: input.actor, from: input.from, to: input.to };
  const errors: Partial<Record<keyof FilterValues, string>> = {};
  if (!parsed.success) {
    for (const [field, [code]] of Object.entries(fieldErrorsOf(parsed.error))) {
      errors[field as keyof FilterValues] = code && ["invalidDate", "fromAfterTo", "invalidAction", "invalidEntity", "tooLong"].includes(code) ? t(`errors.${code}`) : t("errors.title");
    }
  }

  const [options, result] = await Promise.all([
    auditFilterOptions(prisma, scope),
    parsed.success ? listAuditLog(prisma, scope, parsed.data, pageQuery) : Promise.resolve(null),
  ]);
  const words = { t: t as unknown as Translate, tAll: (await getTranslations()) as unknown as Translate };
  const described = result ? await describeAuditRows(prisma, result.rows, words) : [];
  const params = parsed.success ? filterParams(parsed.data) : {};
  const exportQuery = parsed.success
    ? listHref(params, { sort: pageQuery.sort, dir: pageQuery.sort ? pageQuery.dir : undefined }).slice(1)
    : null;
  const isFiltered = Object.values(params).some(Boolean);
  const { sort, pageParams } = listState(pageQuery, params, AUDIT_DEFAULT_SORT);
  // The list as it stands (filters, order, page, size), carried to each entry's page for its way back.
  const listQuery = listHref({ ...pageParams, page: result && result.page > 1 ? String(result.page) : undefined, size: pageQuery.size ? String(pageQuery.size) : undefined }).replace(/^\?$/, "");

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Card>
        <AuditFilters values={values} errors={errors} actions={options.actions} entities={options.entities} exportQuery={exportQuery} exportLimit={EXPORT_LIMIT} />
      </Card>
      <Card>
        {!result ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-700">
            {t("errors.title")}
          </p>
        ) : result.rows.length === 0 ? (
          <EmptyState>{isFiltered ? t("emptyFiltered") : t("empty")}</EmptyState>
        ) : (
          <>
            <AuditTable rows={described} caption={t("title")} sort={sort} words={words} listQuery={listQuery} />
            <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={pageParams} size={pageQuery.size} />
          </>
        )}
      </Card>
    </div>
  );
}
