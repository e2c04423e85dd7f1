import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import type { AUDIT_SORT_KEYS } from "@/lib/schemas/audit";
import { actionLabel, entityLabel, roleLabel, type Translate } from "@/lib/audit-labels";
import type { AuditRow, DescribedAuditRow } from "@/lib/server/audit-log";
import { AuditDiff } from "./audit-diff";

const dangerActions = new Set(["auth.login_failed", "auth.lockout", "auth.login_refused_locked"]);

/** The user name an unknown account tried (failed logins carry it in `after`). */
function attemptedUsername(row: AuditRow): string | null {
  const after = row.after;
  if (row.actorId || typeof after !== "object" || after === null || Array.isArray(after)) return null;
  const username = (after as Record<string, unknown>).username;
  return typeof username === "string" ? username : null;
}

export async function AuditTable({ rows, caption, sort }: { rows: DescribedAuditRow[]; caption: string; sort?: SortState }) {
  const head = sortHeads<(typeof AUDIT_SORT_KEYS)[number]>(sort);
  const [t, tRoles, format] = await Promise.all([getTranslations("audit"), getTranslations("roles"), getFormatter()]);
  const tr = t as unknown as Translate;
  const when = (d: Date) =>
    format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const actorCell = (row: AuditRow) => {
    const tried = attemptedUsername(row);
    return (
      <>
        <div className="font-medium text-slate-900">{row.actorName ?? <span className="text-slate-500">{t("unknownActor")}</span>}</div>
        {row.actorRole ? <div className="text-xs text-slate-500">{roleLabel(tRoles as unknown as Translate, row.actorRole)}</div> : null}
        {tried ? <div className="break-all text-xs text-slate-500">{t("attemptedUsername", { username: tried })}</div> : null}
      </>
    );
  };
  const actionCell = (row: DescribedAuditRow) => (
    <>
      <Badge tone={dangerActions.has(row.action) ? "danger" : row.action === "auth.login" ? "success" : "neutral"}>{actionLabel(tr, row.action)}</Badge>
      <p className="mt-1 text-sm text-slate-800">{row.summary}</p>
    </>
  );
  // The record in words; its kind and id only as a secondary detail.
  const entityCell = (row: DescribedAuditRow) => (
    <>
      {row.subject ? <div className="text-slate-800">{row.subject}</div> : null}
      <div className="text-xs text-slate-500">
        {entityLabel(tr, row.entity)}
        {row.entityId ? <span className="ml-1 break-all font-mono text-slate-400">{row.entityId}</span> : null}
      </div>
    </>
  );
  return (
    <>
      {/* Phones: one card per entry; the six columns do not fit 390 px. */}
      <ul className="divide-y divide-slate-100 md:hidden" aria-label={caption}>
        {rows.map((row) => (
          <li key={row.id} className="flex flex-col gap-1.5 py-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <div>{actionCell(row)}</div>
              <time dateTime={row.at.toISOString()} className="shrink-0 text-right text-xs tabular-nums text-slate-600">
                {when(row.at)}
              </time>
            </div>
            <div>{actorCell(row)}</div>
            <div className="text-sm">{entityCell(row)}</div>
            <div className="text-xs text-slate-600">
              {t("columns.ip")} <span className="font-mono">{row.ip ?? t("noAddress")}</span>
            </div>
            <AuditDiff fields={row.fields} />
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table caption={caption} head={[head(t("columns.time"), "at"), head(t("columns.actor"), "actor"), head(t("columns.action"), "action"), head(t("columns.entity"), "entity"), t("columns.ip"), t("columns.details")]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <Td className="whitespace-nowrap tabular-nums text-slate-700">
                <time dateTime={row.at.toISOString()}>{when(row.at)}</time>
              </Td>
              <Td>{actorCell(row)}</Td>
              <Td>{actionCell(row)}</Td>
              <Td>{entityCell(row)}</Td>
              <Td className="whitespace-nowrap font-mono text-xs text-slate-600">{row.ip ?? t("noAddress")}</Td>
              <Td>
                <AuditDiff fields={row.fields} />
              </Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
