import { getFormatter, getTranslations } from "next-intl/server";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table } from "@/components/ui/table";
import type { AUDIT_SORT_KEYS } from "@/lib/schemas/audit";
import { actionLabel, auditChangeLine, entityLabel, roleLabel, type AuditWords, type Translate } from "@/lib/audit-labels";
import type { AuditRow, DescribedAuditRow } from "@/lib/server/audit-log";
import { AuditRows, type AuditRowCells } from "./audit-rows";

const dangerActions = new Set(["auth.login_failed", "auth.lockout", "auth.login_refused_locked"]);

/** The user name an unknown account tried (failed logins carry it in `after`). */
export function attemptedUsername(row: AuditRow): string | null {
  const after = row.after;
  if (row.actorId || typeof after !== "object" || after === null || Array.isArray(after)) return null;
  const username = (after as Record<string, unknown>).username;
  return typeof username === "string" ? username : null;
}

export const actionTone = (action: string) => (dangerActions.has(action) ? "danger" : action === "auth.login" ? "success" : "neutral");

/** An entry's instant in full, to the second (the list and the entry's page). */
export const auditInstant = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } as const;

/**
 * One page of the log: when, who, what (the action and the sentence, a link to the entry's own page
 * with its whole before/after), the record, the address, and what changed in one line. A table on
 * wider screens; on a phone CSS lays the same rows out as cards (rendered once). `listQuery` is the
 * list's own query (filters, sort, page), carried to the entry's page for its way back.
 */
export async function AuditTable({ rows, caption, sort, words, listQuery }: { rows: DescribedAuditRow[]; caption: string; sort?: SortState; words: AuditWords; listQuery: string }) {
  const head = sortHeads<(typeof AUDIT_SORT_KEYS)[number]>(sort);
  const [t, tRoles, format] = await Promise.all([getTranslations("audit"), getTranslations("roles"), getFormatter()]);
  const tr = t as unknown as Translate;
  const cells = rows.map((row): AuditRowCells => {
    const tried = attemptedUsername(row);
    return [
      `/admin/audit/${row.id}${listQuery}`,
      row.at.toISOString(),
      format.dateTime(row.at, auditInstant),
      row.actorName ?? t("unknownActor"),
      !row.actorName,
      row.actorRole ? roleLabel(tRoles as unknown as Translate, row.actorRole) : null,
      tried ? t("attemptedUsername", { username: tried }) : null,
      [actionTone(row.action), actionLabel(tr, row.action)],
      row.summary,
      row.subject,
      entityLabel(tr, row.entity),
      row.entityId,
      row.ip ?? t("noAddress"),
      auditChangeLine(words, row.fields),
    ];
  });
  return (
    <Table cards caption={caption} minWidth="min-w-[56rem]" head={[head(t("columns.time"), "at"), head(t("columns.actor"), "actor"), head(t("columns.action"), "action"), head(t("columns.entity"), "entity"), t("columns.ip"), t("columns.details")]}>
      <AuditRows rows={cells} />
    </Table>
  );
}
