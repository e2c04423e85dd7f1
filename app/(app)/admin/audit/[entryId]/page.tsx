import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditDiff } from "@/components/audit/audit-diff";
import { actionTone, attemptedUsername, auditInstant } from "@/components/audit/audit-table";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listHref } from "@/components/ui/list-href";
import { actionLabel, auditChangeLine, entityLabel, roleLabel, type Translate } from "@/lib/audit-labels";
import { prisma } from "@/lib/db";
import { auditFilterSchema, auditPageSchema, filterInput, filterParams } from "@/lib/schemas/audit";
import { describeAuditRows, getAuditEntry } from "@/lib/server/audit-log";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("entry.title") };
}

type Props = { params: Promise<{ entryId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// One entry of the audit log, whole: the sentence, when, who (and from where), the record, and every
// field before and after in words. The list links here from each entry's sentence, with its own
// filters, order and page in the query, so that the way back returns to the same page of the list.
export default async function AuditEntryPage({ params, searchParams }: Props) {
  const { scope } = await requirePermission("audit.read");
  const [{ entryId }, search] = await Promise.all([params, searchParams]);
  const entry = await getAuditEntry(prisma, scope, entryId);
  if (!entry) notFound();
  const [t, tAll, tRoles, format] = await Promise.all([getTranslations("audit"), getTranslations(), getTranslations("roles"), getFormatter()]);
  const words = { t: t as unknown as Translate, tAll: tAll as unknown as Translate };
  const [row] = await describeAuditRows(prisma, [entry], words);
  if (!row) notFound();

  // Back to the list as it was: its filters (only valid ones), order, page and size, rebuilt here.
  const input = filterInput(search);
  const filters = auditFilterSchema.safeParse(input);
  const page = auditPageSchema.parse(input);
  const back = `/admin/audit${listHref({
    ...(filters.success ? filterParams(filters.data) : {}),
    sort: page.sort,
    dir: page.sort ? page.dir : undefined,
    page: page.page > 1 ? String(page.page) : undefined,
    size: page.size ? String(page.size) : undefined,
  })}`.replace(/\?$/, "");
  const tried = attemptedUsername(row);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/admin/audit" trail={[{ label: t("entry.title") }]} />
        <h1 className="mt-2 flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900">
          {actionLabel(words.t, row.action)}
          <Badge tone={actionTone(row.action)}>{t("entry.number", { id: row.id })}</Badge>
        </h1>
        <p className="mt-1 text-slate-800">{row.summary}</p>
      </div>
      <Card>
        <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
          <dt className="text-slate-500">{t("columns.time")}</dt>
          <dd className="tabular-nums text-slate-900">
            <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, auditInstant)}</time>
          </dd>
          <dt className="text-slate-500">{t("columns.actor")}</dt>
          <dd className="text-slate-900">
            {row.actorName ?? <span className="text-slate-500">{t("unknownActor")}</span>}
            {row.actorRole ? <span className="text-slate-500"> · {roleLabel(tRoles as unknown as Translate, row.actorRole)}</span> : null}
            {tried ? <span className="block break-all text-xs text-slate-500">{t("attemptedUsername", { username: tried })}</span> : null}
          </dd>
          <dt className="text-slate-500">{t("columns.entity")}</dt>
          <dd className="text-slate-900">
            {row.subject ? <span className="block">{row.subject}</span> : null}
            <span className="text-xs text-slate-500">
              {entityLabel(words.t, row.entity)}
              {row.entityId ? <span className="ml-1 break-all font-mono text-slate-400">{row.entityId}</span> : null}
            </span>
          </dd>
          <dt className="text-slate-500">{t("columns.ip")}</dt>
          <dd className="font-mono text-slate-700">{row.ip ?? t("noAddress")}</dd>
          <dt className="text-slate-500">{t("columns.details")}</dt>
          <dd className="text-slate-700">{auditChangeLine(words, row.fields)}</dd>
        </dl>
      </Card>
      <Card title={t("entry.fields")}>
        <AuditDiff fields={row.fields} caption={t("entry.fields")} />
      </Card>
      <p>
        <Link href={back} className="text-sm text-brand-700 hover:underline">
          {t("entry.back")}
        </Link>
      </p>
    </div>
  );
}
