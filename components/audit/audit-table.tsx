import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { actionLabel, entityLabel, roleLabel, type Translate } from "@/lib/audit-labels";
import type { AuditRow } from "@/lib/server/audit-log";
import { AuditDiff } from "./audit-diff";

const dangerActions = new Set(["auth.login_failed", "auth.lockout", "auth.login_refused_locked"]);

/** The user name an unknown account tried (failed logins carry it in `after`). */
function attemptedUsername(row: AuditRow): string | null {
  const after = row.after;
  if (row.actorId || typeof after !== "object" || after === null || Array.isArray(after)) return null;
  const username = (after as Record<string, unknown>).username;
  return typeof username === "string" ? username : null;
}

export async function AuditTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
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
  const actionCell = (row: AuditRow) => (
    <>
      <Badge tone={dangerActions.has(row.action) ? "danger" : row.action === "auth.login" ? "success" : "neutral"}>{actionLabel(tr, row.action)}</Badge>
      <div className="mt-0.5 break-all font-mono text-xs text-slate-400">{row.action}</div>
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
            <div className="text-xs text-slate-600">
              {entityLabel(tr, row.entity)}
              {row.entityId ? <span className="ml-1 break-all font-mono text-slate-500">{row.entityId}</span> : null}
              {row.ip ? <span className="ml-2 font-mono text-slate-500">IP {row.ip}</span> : null}
            </div>
            <AuditDiff before={row.before} after={row.after} />
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table caption={caption} head={[t("columns.time"), t("columns.actor"), t("columns.action"), t("columns.entity"), t("columns.ip"), t("columns.details")]}>
          {rows.map((row) => (
            <tr key={row.id}>
              <Td className="whitespace-nowrap tabular-nums text-slate-700">
                <time dateTime={row.at.toISOString()}>{when(row.at)}</time>
              </Td>
              <Td>{actorCell(row)}</Td>
              <Td>{actionCell(row)}</Td>
              <Td>
                <div>{entityLabel(tr, row.entity)}</div>
                {row.entityId ? <div className="break-all font-mono text-xs text-slate-500">{row.entityId}</div> : null}
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs text-slate-600">{row.ip ?? "—"}</Td>
              <Td>
                <AuditDiff before={row.before} after={row.after} />
              </Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
