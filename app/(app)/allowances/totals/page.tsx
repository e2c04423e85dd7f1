import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AllowanceBreadcrumb } from "@/components/allowances/breadcrumb";
import { formatYuan } from "@/components/allowances/format";
import { Card, EmptyState } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { Table, Td } from "@/components/ui/table";
import { prisma } from "@/lib/db";
import { sumFen } from "@/lib/domain/money";
import { allowancePrograms } from "@/lib/server/allowance-overview";
import { allowanceTotals } from "@/lib/server/allowance-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allowances.totals");
  return { title: t("metaTitle") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

// Totals by programme, payer, month (of the due date) and item over a range of months, each the sum
// of its lines (summed in SQL, folded exactly), with subtotals per payer and the grand total.
export default async function TotalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { scope } = await requirePermission("allowance.finance");
  const search = await searchParams;
  const programId = one(search.programId);
  const [data, programs, t, format] = await Promise.all([
    allowanceTotals(prisma, scope, { from: one(search.from), to: one(search.to) }, programId),
    allowancePrograms(prisma, scope),
    getTranslations("allowances"),
    getFormatter(),
  ]);
  const monthName = (m: string) => format.dateTime(new Date(`${m}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  const payers = [...new Set(data.rows.map((r) => r.payer))];
  const sheet = new URLSearchParams(Object.entries({ from: data.from, to: data.to, programId }).filter((e): e is [string, string] => !!e[1]));

  return (
    <div className="flex flex-col gap-6">
      <AllowanceBreadcrumb trail={[{ label: t("breadcrumb.totals") }]} />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("totals.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("totals.subtitle")}</p>
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto] sm:items-end">
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("totals.from")}</span>
            <input type="month" name="from" defaultValue={data.from} className="rounded-md border border-slate-300 bg-white px-3 py-2" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("totals.to")}</span>
            <input type="month" name="to" defaultValue={data.to} className="rounded-md border border-slate-300 bg-white px-3 py-2" />
          </label>
          <FilterSelect label={t("totals.program")} name="programId" value={programId} allLabel={t("totals.allPrograms")} options={programs.filter((p) => p.items > 0).map((p) => ({ value: p.id, label: p.name }))} />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {t("totals.apply")}
          </button>
        </form>
      </Card>
      <Card title={t("totals.title")} action={<a href={`/api/v1/allowances/totals/export?${sheet.toString()}`} className="text-sm font-medium text-brand-700 hover:underline">{t("totals.export")}</a>}>
        {data.rows.length === 0 ? (
          <EmptyState>{t("totals.empty")}</EmptyState>
        ) : (
          <div className="flex flex-col gap-4">
            <Table caption={t("totals.title")} minWidth="min-w-[52rem]" stickyFirst head={[t("totals.columns.month"), t("totals.columns.payer"), t("totals.columns.program"), t("totals.columns.item"), t("totals.columns.lines"), t("totals.columns.paid"), t("totals.columns.unpaid"), t("totals.columns.total")]}>
              {data.rows.map((r) => (
                <tr key={`${r.month}|${r.payer}|${r.itemId}`} data-testid="totals-row">
                  <Td className="whitespace-nowrap">{monthName(r.month)}</Td>
                  <Td>{t(`payers.${r.payer}`)}</Td>
                  <Td className="whitespace-nowrap">{r.programName}</Td>
                  <Td className="whitespace-nowrap">{r.itemName}</Td>
                  <Td className="text-right tabular-nums">{r.lines}</Td>
                  <Td className="text-right tabular-nums">{formatYuan(r.paidFen)}</Td>
                  <Td className="text-right tabular-nums">{formatYuan(r.unpaidFen)}</Td>
                  <Td className="text-right font-medium tabular-nums">{formatYuan(r.paidFen + r.unpaidFen)}</Td>
                </tr>
              ))}
              <tr className="bg-slate-50 font-semibold [--row-bg:#f8fafc]" data-testid="totals-grand">
                <Td>{t("totals.grand")}</Td>
                <Td>{" "}</Td>
                <Td>{" "}</Td>
                <Td>{" "}</Td>
                <Td className="text-right tabular-nums">{data.grandTotal.lines}</Td>
                <Td className="text-right tabular-nums">{formatYuan(data.grandTotal.paidFen)}</Td>
                <Td className="text-right tabular-nums">{formatYuan(data.grandTotal.unpaidFen)}</Td>
                <Td className="text-right tabular-nums">{formatYuan(data.grandTotal.paidFen + data.grandTotal.unpaidFen)}</Td>
              </tr>
            </Table>
            <section aria-label={t("totals.byPayer")}>
              <h3 className="text-sm font-semibold text-slate-800">{t("totals.byPayer")}</h3>
              <ul className="mt-2 grid gap-2 sm:grid-cols-3">
                {payers.map((p) => {
                  const rows = data.rows.filter((r) => r.payer === p);
                  return (
                    <li key={p} className="rounded-md border border-slate-200 p-3 text-sm">
                      <p className="font-medium text-slate-900">{t(`payers.${p}`)}</p>
                      <p className="tabular-nums text-slate-700">¥{formatYuan(sumFen(rows.map((r) => r.paidFen + r.unpaidFen)))}</p>
                    </li>
                  );
                })}
              </ul>
            </section>
          </div>
        )}
      </Card>
    </div>
  );
}
