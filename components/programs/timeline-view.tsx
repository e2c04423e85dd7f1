import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDateOptions } from "@/lib/i18n/format";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { ProgramDetail } from "@/lib/server/programs";

/** The timeline and cut-off dates as read-only tables (for readers, and for a closed programme). */
export async function TimelineView({ program }: { program: ProgramDetail }) {
  const [t, tStage, format] = await Promise.all([getTranslations("programsAdmin"), getTranslations("stage"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <div className="flex flex-col gap-5">
      {program.stages.length === 0 ? (
        <EmptyState>{t("timeline.noStages")}</EmptyState>
      ) : (
        <Table caption={t("timeline.stages")} head={["#", t("timeline.stage"), t("timeline.opensAt"), t("timeline.closesAt"), t("timeline.ratio")]}>
          {program.stages.map((s) => (
            <tr key={s.id}>
              <Td className="tabular-nums">{s.sequence}</Td>
              <Td>{tStage(s.kind)}</Td>
              <Td className="tabular-nums">{when(s.opensAt)}</Td>
              <Td className="tabular-nums">{when(s.closesAt)}</Td>
              <Td>{s.ratio ? t("timeline.ratioValue", { ratio: s.ratio }) : "—"}</Td>
            </tr>
          ))}
        </Table>
      )}
      {program.cutoffDates.length > 0 ? (
        <Table caption={t("timeline.cutoffs")} head={[t("timeline.label"), t("timeline.date")]}>
          {program.cutoffDates.map((c) => (
            <tr key={c.id}>
              <Td>{c.label}</Td>
              <Td className="tabular-nums">{format.dateTime(c.date, calendarDateOptions)}</Td>
            </tr>
          ))}
        </Table>
      ) : null}
    </div>
  );
}
