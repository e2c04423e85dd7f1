import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import type { ORGANIZATION_SORT_KEYS } from "@/lib/schemas/organizations";
import type { OrganizationRow } from "@/lib/server/organizations";

/**
 * One page of organisations: where each sits (parent), what it is, and what hangs on it. A table on
 * wider screens; on a phone, where eight columns of Chinese text would wrap letter by letter, a list.
 */
export async function OrganizationTable({ rows, sort }: { rows: OrganizationRow[]; sort?: SortState }) {
  const head = sortHeads<(typeof ORGANIZATION_SORT_KEYS)[number]>(sort);
  const t = await getTranslations("organizations");
  const status = (org: OrganizationRow) => (org.isActive ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>);
  const link = (org: OrganizationRow) => (
    <Link href={`/admin/organizations/${org.id}`} className="font-medium text-brand-700 hover:underline">
      {org.name}
    </Link>
  );
  return (
    <>
      <ul className="divide-y divide-slate-100 sm:hidden" aria-label={t("caption")}>
        {rows.map((org) => (
          <li key={org.id} className={org.isActive ? "py-3" : "py-3 text-slate-500"}>
            <div className="flex items-start justify-between gap-2">
              {link(org)}
              {status(org)}
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {t(`kind.${org.kind}`)} · {t(`level.${org.level}`)}
              {org.grade ? ` · ${t(`grade.${org.grade}`)}` : null}
              {org.code ? <span className="font-mono text-xs text-slate-500"> · {org.code}</span> : null}
            </p>
            <p className="text-sm text-slate-500">{t("parentLine", { name: org.parent ? org.parent.name : t("noParent") })}</p>
            <p className="text-xs text-slate-500">{t("countsShort", { users: org.counts.users, doctors: org.counts.doctors })}</p>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <Table
          caption={t("caption")}
          head={[head(t("columns.name"), "name"), head(t("columns.kind"), "kind"), head(t("columns.levelGrade"), "level"), head(t("columns.region"), "region"), t("columns.parent"), head(t("columns.status"), "status"), t("columns.users"), t("columns.doctors")]}
        >
          {rows.map((org) => (
            <tr key={org.id} className={org.isActive ? undefined : "bg-slate-50 text-slate-500"}>
              <Td className="min-w-48">
                {link(org)}
                {org.code ? <div className="font-mono text-xs text-slate-500">{org.code}</div> : null}
              </Td>
              <Td className="whitespace-nowrap">{t(`kind.${org.kind}`)}</Td>
              <Td className="whitespace-nowrap">
                {t(`level.${org.level}`)}
                {org.grade ? <span className="text-slate-500"> · {t(`grade.${org.grade}`)}</span> : null}
              </Td>
              <Td>{org.region}</Td>
              <Td>{org.parent ? org.parent.name : <span className="text-slate-400">{t("noParent")}</span>}</Td>
              <Td>{status(org)}</Td>
              <Td className="text-right tabular-nums">{org.counts.users}</Td>
              <Td className="text-right tabular-nums">{org.counts.doctors}</Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
