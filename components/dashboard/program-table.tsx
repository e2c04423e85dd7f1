import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PhaseBadge, PhaseDetailText } from "@/components/programs/program-phase";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { ProgramSummary } from "@/lib/server/dashboard";

export async function ProgramTable({ programs, caption, empty }: { programs: ProgramSummary[]; caption: string; empty: string }) {
  const [t, tKind] = await Promise.all([getTranslations("dashboard"), getTranslations("programKind")]);
  if (programs.length === 0) return <EmptyState>{empty}</EmptyState>;
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
            <PhaseBadge phase={p.phase} />
          </Td>
          <Td className="tabular-nums">{p.postCount}</Td>
          <Td className="tabular-nums">{p.headcount}</Td>
          <Td>
            <PhaseDetailText phase={p.phase} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
