import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { ProgramSummary } from "@/lib/server/dashboard";

const statusTone = { DRAFT: "neutral", OPEN: "info", VETTING: "warning", DISPATCHING: "warning", IN_SERVICE: "success", CLOSED: "neutral" } as const;

export async function ProgramTable({ programs, caption, empty }: { programs: ProgramSummary[]; caption: string; empty: string }) {
  const [t, tKind, tStatus, tStage, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("programKind"),
    getTranslations("programStatus"),
    getTranslations("stage"),
    getFormatter(),
  ]);
  if (programs.length === 0) return <EmptyState>{empty}</EmptyState>;
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <Table caption={caption} head={[t("programName"), t("programKind"), t("status"), t("postCount"), t("headcount"), t("currentStage")]}>
      {programs.map((p) => (
        <tr key={p.id}>
          <Td className="font-medium text-slate-900">
            <Link href={`/programs/${p.id}`} className="text-brand-700 hover:underline">
              {p.name}
            </Link>
          </Td>
          <Td>{tKind(p.kind)}</Td>
          <Td>
            <Badge tone={statusTone[p.status]}>{tStatus(p.status)}</Badge>
          </Td>
          <Td className="tabular-nums">{p.postCount}</Td>
          <Td className="tabular-nums">{p.headcount}</Td>
          <Td>
            {p.position.state === "open" ? (
              <span>
                {tStage(p.position.stage.kind)} <span className="text-slate-500">· {t("deadlineAt", { date: when(p.position.stage.closesAt) })}</span>
              </span>
            ) : p.position.state === "upcoming" ? (
              <span>
                {tStage(p.position.stage.kind)} <span className="text-slate-500">· {t("opensAt", { date: when(p.position.stage.opensAt) })}</span>
              </span>
            ) : (
              <span className="text-slate-500">{p.position.stage ? `${tStage(p.position.stage.kind)} · ${t("closed")}` : t("notStarted")}</span>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
