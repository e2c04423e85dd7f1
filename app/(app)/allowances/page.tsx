import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FinanceLines } from "@/components/allowances/finance-lines";
import { formatYuan } from "@/components/allowances/format";
import { financeLineOf } from "@/components/allowances/line-view";
import { Card, EmptyState } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortBar } from "@/components/ui/sort-bar";
import { listState } from "@/components/ui/sort-header";
import { allowanceDesk, can, serviceDesk } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { ALLOWANCE_PAYERS } from "@/lib/domain/allowance-schedule";
import { allowanceDispatches, allowancePrograms } from "@/lib/server/allowance-overview";
import { FINANCE_DEFAULT_SORT } from "@/lib/schemas/allowances";
import { FINANCE_PAGE_SIZE, financeMonth } from "@/lib/server/allowance-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allowances");
  return { title: t("metaTitle") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// The way into allowances, by what the reader does: finance and bureau staff see the month (what is
// due per payer, what was paid, the lines to pay) and the programmes' policies; a receiving unit
// what it receives; a doctor or a dispatching unit the schedules of its dispatches.
export default async function AllowancesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { scope } = await requirePermission("allowance.read");
  const search = await searchParams;
  const t = await getTranslations("allowances");
  const desk = allowanceDesk(scope);
  const isFinanceView = desk === "finance";
  if (desk === "schedules") return <Schedules subtitle={serviceDesk(scope) === "own" ? t("home.subtitleDoctor") : t("home.subtitleOther")} />;

  const [month, programs, format] = await Promise.all([
    financeMonth(prisma, scope, { month: one(search.month), payer: one(search.payer), programId: one(search.programId), status: one(search.status), page: one(search.page), sort: one(search.sort), dir: one(search.dir), size: one(search.size) }),
    isFinanceView ? allowancePrograms(prisma, scope) : Promise.resolve([]),
    getFormatter(),
  ]);
  const monthName = format.dateTime(new Date(`${month.month}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  const isReceiver = desk === "receiving";
  const subtitle = isReceiver ? t("home.subtitleReceiver") : can(scope, "allowance.pay") ? t("home.subtitleFinance") : t("home.subtitleStaff");
  const params = { month: month.month, payer: month.payer ?? undefined, programId: month.programId ?? undefined, status: month.status };
  const { sort, pageParams } = listState({ sort: month.sort, dir: month.dir, size: month.size }, params, FINANCE_DEFAULT_SORT);
  const sortKeys = (["payer", "doctor", "dueDate", "amount"] as const).map((key) => ({ key, label: t(`month.sort.${key}`) }));
  const href = (over: Record<string, string | undefined>) => `?${new URLSearchParams(Object.entries({ ...params, page: undefined, ...over }).filter((e): e is [string, string] => !!e[1])).toString()}`;
  const sheetQuery = new URLSearchParams(Object.entries({ month: month.month, payer: month.payer ?? undefined, programId: month.programId ?? undefined, status: month.status }).filter((e): e is [string, string] => !!e[1]));
  const paidLines = month.payers.reduce((n, p) => n + p.paidLines, 0);
  const dueLines = month.payers.reduce((n, p) => n + p.dueLines, 0);
  const lines = month.page.rows.map((l) => financeLineOf(l, t as never, (d, o) => format.dateTime(d, o)));
  const tab = (status: "due" | "paid", label: string) => (
    <Link href={href({ status })} aria-current={month.status === status ? "page" : undefined} className={month.status === status ? "-mb-px border-b-2 border-brand-600 px-3 py-2 text-sm font-medium text-brand-700" : "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900"}>
      {label}
    </Link>
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("home.title")} subtitle={subtitle} />
      <Card title={isReceiver ? t("month.receiverTitle", { month: monthName }) : t("month.title", { month: monthName })}>
        <div className="flex flex-col gap-5">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Link href={href({ month: month.previousMonth })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
              {t("month.previous")}
            </Link>
            <span className="font-medium text-slate-900" data-testid="month-name">{monthName}</span>
            <Link href={href({ month: month.nextMonth })} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50">
              {t("month.next")}
            </Link>
          </div>
          <form method="get" className="grid gap-3 sm:grid-cols-[repeat(3,minmax(0,1fr))_auto] sm:items-end">
            <input type="hidden" name="month" value={month.month} />
            <input type="hidden" name="status" value={month.status} />
            <FilterSelect label={t("month.payer")} name="payer" value={month.payer ?? undefined} allLabel={t("month.allPayers")} options={ALLOWANCE_PAYERS.map((p) => ({ value: p, label: t(`payers.${p}`) }))} />
            {month.programs.length > 1 ? <FilterSelect label={t("month.program")} name="programId" value={month.programId ?? undefined} allLabel={t("month.allPrograms")} options={month.programs.map((p) => ({ value: p.id, label: p.name }))} /> : null}
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
              {t("month.apply")}
            </button>
          </form>
          <section aria-label={t("month.byPayer")}>
            {month.payers.length === 0 ? (
              <EmptyState>{t("month.noPayers")}</EmptyState>
            ) : (
              <>
                <ul className="grid gap-3 sm:grid-cols-3" data-testid="payer-totals">
                  {month.payers.map((p) => (
                    <li key={p.payer} className="rounded-md border border-slate-200 p-3 text-sm">
                      <p className="font-semibold text-slate-900">{t(`payers.${p.payer}`)}</p>
                      <p className="mt-1 tabular-nums text-slate-800">{t("month.payerDue", { amount: formatYuan(p.dueFen), lines: p.dueLines })}</p>
                      {p.overdueLines ? <p className="text-xs text-amber-800">{t("month.payerOverdue", { lines: p.overdueLines })}</p> : null}
                      <p className="tabular-nums text-emerald-800">{t("month.payerPaid", { amount: formatYuan(p.paidFen), lines: p.paidLines })}</p>
                    </li>
                  ))}
                </ul>
                <div className="mt-3 flex flex-col gap-1">
                  <p className="text-sm text-slate-700" data-testid="month-progress">{t("month.progress", { paid: paidLines, due: dueLines })}</p>
                  <progress className="h-2 w-full accent-emerald-600" max={Math.max(1, paidLines + dueLines)} value={paidLines} aria-label={t("month.progressLabel")} />
                </div>
              </>
            )}
          </section>
          <div className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-200">
            <nav className="flex gap-1">
              {tab("due", isReceiver ? t("month.receiverDue") : t("month.due"))}
              {tab("paid", isReceiver ? t("month.receiverPaid") : t("month.paid"))}
            </nav>
            {month.can.finance ? (
              <a href={`/api/v1/allowances/payment-sheet?${sheetQuery.toString()}`} className="mb-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50" data-testid="export-sheet">
                {month.status === "paid" ? t("month.exportPaid") : t("month.export")}
              </a>
            ) : null}
          </div>
          {month.page.total > 1 ? <SortBar sort={sort} keys={sortKeys} /> : null}
          <FinanceLines
            lines={lines}
            today={month.today}
            canPay={month.can.pay && month.status === "due"}
            caption={isReceiver ? t("month.receiverTitle", { month: monthName }) : t("month.title", { month: monthName })}
            empty={month.status === "paid" ? t("month.emptyPaid") : t("month.empty")}
          />
          {month.page.total > 0 ? <Pagination page={month.page.page} pageCount={month.page.pageCount} total={month.page.total} params={pageParams} size={month.size ?? FINANCE_PAGE_SIZE} /> : null}
        </div>
      </Card>
      {isFinanceView ? (
        <Card title={t("home.programs")} action={<Link href="/allowances/totals" className="text-sm font-medium text-brand-700 hover:underline">{t("home.totals")}</Link>}>
          {programs.length === 0 ? (
            <EmptyState>{t("home.programsEmpty")}</EmptyState>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100">
              {programs.map((p) => (
                <li key={p.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{p.name}</p>
                    <p className="text-sm text-slate-600">{t("home.programItems", { items: p.items, dispatches: p.dispatches })}</p>
                  </div>
                  <Link href={`/allowances/programs/${p.id}`} className="self-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:self-auto">
                    {p.can.manage ? t("home.keepPolicy") : t("home.openPolicy")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}

/** A doctor's or a dispatching unit's way in: the dispatches whose schedules it may open, with their totals. */
async function Schedules({ subtitle }: { subtitle: string }) {
  const { scope } = await requirePermission("allowance.read");
  const [dispatches, t, format] = await Promise.all([allowanceDispatches(prisma, scope), getTranslations("allowances"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("home.title")} subtitle={subtitle} />
      <Card title={t("home.schedules")}>
        {dispatches.length === 0 ? (
          <EmptyState>{t("home.schedulesEmpty")}</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {dispatches.map((d) => (
              <li key={d.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {d.doctor.name} · {d.receivingOrg.name}
                  </p>
                  <p className="text-sm text-slate-600">
                    {d.program.name} · {day(d.startDate)}–{day(d.lastDay)}
                  </p>
                  <p className="text-sm tabular-nums text-slate-800">{t("home.scheduleRow", { paid: formatYuan(d.paidFen), unpaid: formatYuan(d.unpaidFen) })}</p>
                </div>
                <Link href={`/allowances/dispatches/${d.id}`} className="self-start rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 sm:self-auto">
                  {t("home.openSchedule")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
