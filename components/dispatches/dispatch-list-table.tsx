import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import type { DISPATCH_SORT_KEYS } from "@/lib/schemas/dispatches";
import type { BoardRow } from "@/lib/server/dispatch-queries";
import { dayOptions, dayValue } from "./days";
import { DispatchStatusBadge } from "./status-badge";

/** The board's dispatches as a sortable table (the list view): doctor, programme, unit and post, first and last day, status. */
export async function DispatchListTable({ rows, sort }: { rows: BoardRow[]; sort: SortState }) {
  const head = sortHeads<(typeof DISPATCH_SORT_KEYS)[number]>(sort);
  const [t, format] = await Promise.all([getTranslations("dispatches.board.list"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayValue(d), dayOptions);
  return (
    <Table
      caption={t("caption")}
      stickyFirst
      minWidth="min-w-[48rem]"
      head={[head(t("doctor"), "doctor"), head(t("program"), "program"), head(t("receivingOrg"), "receivingOrg"), head(t("startDate"), "startDate"), head(t("lastDay"), "lastDay"), head(t("status"), "status")]}
    >
      {rows.map((d) => (
        <tr key={d.id}>
          <Td className="font-medium">
            <Link href={`/dispatches/${d.id}`} className="text-brand-700 hover:underline">
              {d.doctor.name}
            </Link>
          </Td>
          <Td>{d.program.name}</Td>
          <Td>
            {d.receivingOrg.name}
            <span className="block text-xs text-slate-500">{d.post.title}</span>
          </Td>
          <Td className="whitespace-nowrap tabular-nums">{day(d.startDate)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{day(d.lastDay)}</Td>
          <Td>
            <DispatchStatusBadge status={d.status} />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
