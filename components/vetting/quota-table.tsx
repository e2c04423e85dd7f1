import clsx from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { QuotaProgressRow } from "@/lib/server/application-queries";
import { shanghaiInstant } from "./format";

const rowTone = { met: "", short: "bg-amber-50", missed: "bg-red-50" } as const;

/**
 * Each unit's nominations against its minimum per post: short (amber) while registration is open,
 * missed (red) after its deadline (a reopening's, where staff reopened it for the unit). The bureau
 * sees every unit; a unit sees its own rows (view="unit" leaves out the unit column when all rows
 * are its own).
 */
export function QuotaTable({ rows, view }: { rows: QuotaProgressRow[]; view: "bureau" | "unit" }) {
  const t = useTranslations("vetting");
  const format = useFormatter();
  if (rows.length === 0) return <EmptyState>{t("quota.empty")}</EmptyState>;
  const showUnit = view === "bureau" || new Set(rows.map((r) => r.unitId)).size > 1;
  const post = (r: QuotaProgressRow) => `${r.postTitle} · ${t("board.batch", { batch: r.rotationBatch })}`;
  const state = (r: QuotaProgressRow) => {
    const missing = Math.max(0, r.minimum - r.nominated);
    if (r.state === "met") return <Badge tone="success">{t("quota.met")}</Badge>;
    return <Badge tone={r.state === "short" ? "warning" : "danger"}>{t(`quota.${r.state}`, { missing })}</Badge>;
  };
  const when = (r: QuotaProgressRow) => (r.closesAt ? format.dateTime(r.closesAt, shanghaiInstant) : "—");
  const tally = { met: 0, short: 0, missed: 0 };
  for (const r of rows) tally[r.state] += 1;
  // A bureau's list runs to units × posts: it scrolls inside its box, after the summary.
  const long = rows.length > 12;
  return (
    <div className="flex flex-col gap-3">
      <p className="flex flex-wrap gap-2 text-sm text-slate-700">
        {t("quota.summary", { total: rows.length, met: tally.met })}
        {tally.short ? <Badge tone="warning">{t("quota.summaryShort", { count: tally.short })}</Badge> : null}
        {tally.missed ? <Badge tone="danger">{t("quota.summaryMissed", { count: tally.missed })}</Badge> : null}
      </p>
      <div className={clsx(long && "max-h-[30rem] overflow-y-auto rounded-md border border-slate-100")} tabIndex={long ? 0 : undefined} aria-label={long ? t("quota.caption") : undefined} role={long ? "region" : undefined}>
        {/* One table; on a phone CSS lays its rows out as cards (Table's `cards`). */}
        <Table cards caption={t("quota.caption")} head={[t("quota.post"), ...(showUnit ? [t("quota.unit")] : []), t("quota.progress"), t("quota.deadline"), t("quota.state")]}>
          {rows.map((r) => (
            <tr key={`${r.postId}-${r.unitId}`} className={rowTone[r.state]}>
              <Td className="md:whitespace-nowrap">{post(r)}</Td>
              {showUnit ? <Td className="max-md:col-span-2">{r.unitName}</Td> : null}
              <Td className="tabular-nums">
                {r.nominated}/{r.minimum}
              </Td>
              <Td className="whitespace-nowrap tabular-nums max-md:col-span-2">{when(r)}</Td>
              <Td className="whitespace-nowrap">{state(r)}</Td>
            </tr>
          ))}
        </Table>
      </div>
    </div>
  );
}
