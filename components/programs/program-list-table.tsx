import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import type { PROGRAM_SORT_KEYS } from "@/lib/schemas/programs";
import type { ProgramRow } from "@/lib/server/programs";
import { PhaseBadge, PhaseDetailText } from "./program-phase";

export async function ProgramListTable({ rows, sort }: { rows: ProgramRow[]; sort?: SortState }) {
  const head = sortHeads<(typeof PROGRAM_SORT_KEYS)[number]>(sort);
  const [t, tKind, format] = await Promise.all([getTranslations("programsAdmin"), getTranslations("programKind"), getFormatter()]);
  return (
    <Table
      caption={t("list.caption")}
      head={[head(t("list.name"), "name"), t("list.kind"), head(t("list.yearBatch"), "year"), head(t("list.status"), "status"), t("list.posts"), t("list.headcount"), t("list.stage")]}
    >
      {rows.map((p) => (
        <tr key={p.id}>
          <Td className="font-medium">
            <Link href={`/programs/${p.id}`} className="text-brand-700 hover:underline">
              {p.name}
            </Link>
          </Td>
          <Td>{tKind(p.kind)}</Td>
          <Td className="tabular-nums">{p.batchNumber ? t("list.yearAndBatch", { year: p.year, batch: p.batchNumber }) : t("list.yearOnly", { year: p.year })}</Td>
          <Td>
            <PhaseBadge phase={p.phase} />
          </Td>
          <Td className="tabular-nums">{format.number(p.postCount)}</Td>
          <Td className="tabular-nums">{format.number(p.headcount)}</Td>
          <Td>
            <PhaseDetailText phase={p.phase} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
