import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { AttendanceView } from "@/lib/server/attendance";
import { dayAsDate, dayOptions, instantOptions } from "./format";

/** A dispatch's attendance record, newest first: what was found, when, by whom. */
export async function AttendanceList({ checks }: { checks: AttendanceView[] }) {
  const [t, tSource, tLeave, format] = await Promise.all([getTranslations("leave.attendance"), getTranslations("leave.sources"), getTranslations("leave"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  if (checks.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" aria-label={t("list")}>
      {checks.map((c) => (
        <li key={c.id} className="flex flex-col gap-1 py-3" data-testid="attendance-item">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium text-slate-900">
              {tSource(c.source)} · {c.startDate === c.endDate ? day(c.startDate) : tLeave("item.dates", { start: day(c.startDate), end: day(c.endDate) })}
            </span>
            {c.isPresent ? <Badge tone="success">{t("presentBadge")}</Badge> : <Badge tone="danger">{t("absentBadge")}</Badge>}
          </div>
          {c.note ? <p className="break-words text-sm text-slate-700">{c.note}</p> : null}
          <p className="text-xs text-slate-500">{t("recordedBy", { name: c.recordedBy.displayName, at: format.dateTime(c.recordedAt, instantOptions) })}</p>
        </li>
      ))}
    </ul>
  );
}
