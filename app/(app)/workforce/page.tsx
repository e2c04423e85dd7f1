import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { ContractForm } from "@/components/workforce/contract-form";
import { FigureForm } from "@/components/workforce/figure-form";
import { IndicatorChart } from "@/components/workforce/indicator-chart";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { DAYS_PER_SERVICE_YEAR, PROMOTION_SERVICE_YEARS } from "@/lib/domain/grassroots-service";
import { workforceQuerySchema } from "@/lib/schemas/workforce";
import { requirePermission } from "@/lib/server/page-guard";
import { contractUnits, promotionService, targetedContracts, workforceIndicators, workforceRegions, type IndicatorSeries } from "@/lib/server/workforce-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workforce");
  return { title: t("title") };
}

// 人才队伍指标 (seed 002): a bureau's region — its indicators year by year, each charted beside its
// table, with the gap to target; the targeted students' contracts; the grassroots service owed before
// promotion. A hospital sees its own students and doctors only (lib/auth/policy.ts decides).
export default async function WorkforcePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("workforce.read");
  const raw = await searchParams;
  const query = workforceQuerySchema.parse({ regionId: typeof raw.regionId === "string" ? raw.regionId : undefined });
  const editId = typeof raw.edit === "string" ? raw.edit : undefined;
  const readsRegions = can(scope, "workforce.indicators");
  const manages = can(scope, "workforce.manage");
  const [t, format, locale] = await Promise.all([getTranslations("workforce"), getFormatter(), getLocale()]);
  const regions = readsRegions ? await workforceRegions(prisma, scope) : [];
  const regionId = query.regionId && regions.some((r) => r.id === query.regionId) ? query.regionId : regions[0]?.id;
  const regionQuery = regionId ? { regionId } : {};
  const [indicators, contracts, promotion, units] = await Promise.all([
    regionId ? workforceIndicators(prisma, scope, regionQuery) : null,
    targetedContracts(prisma, scope, regionQuery),
    promotionService(prisma, scope, regionQuery),
    manages ? contractUnits(prisma, scope) : [],
  ]);
  const num = (v: number | null) => (v === null ? t("noValue") : format.number(v, { maximumFractionDigits: 2 }));
  const signed = (v: number | null) => (v === null ? t("noValue") : `${v > 0 ? "+" : ""}${format.number(v, { maximumFractionDigits: 2 })}`);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const metBadge = (v: boolean | null) => (v === null ? <span className="text-slate-400">{t("noValue")}</span> : v ? <Badge tone="success">{t("met")}</Badge> : <Badge tone="danger">{t("notMet")}</Badge>);
  const today = contracts.today;
  // ?edit=<id>: the contract the form corrects (one the caller may correct, else the form records a new one).
  const edited = editId ? contracts.rows.find((c) => c.id === editId && c.can.correct) : undefined;
  const here = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(query.regionId ? { regionId: query.regionId } : {}), ...extra }).toString()}`;
  const correctsAny = contracts.rows.some((c) => c.can.correct);

  const indicatorCard = (indicator: IndicatorSeries) => (
    <Card key={indicator.id} title={`${indicator.name}（${indicator.unit}）`} action={<Badge tone={indicator.source === "REGISTRY" ? "info" : "neutral"}>{t(`sources.${indicator.source}`)}</Badge>}>
      <div className="grid gap-4 lg:grid-cols-2">
        <IndicatorChart name={indicator.name} unit={indicator.unit} locale={locale} points={indicator.years.map((y) => ({ year: y.year, target: y.target, actual: y.actual }))} />
        <div className="min-w-0">
          <Table caption={t("table.caption", { name: indicator.name })} head={[t("table.year"), t("table.target"), t("table.actual"), t("table.gap"), t("table.hasMet")]} minWidth="min-w-0">
            {indicator.years.map((y) => (
              <tr key={y.year}>
                <Td>{y.year}</Td>
                <Td>{num(y.target)}</Td>
                <Td>
                  <span title={y.numerator !== null ? `${y.numerator} ÷ ${y.denominator}` : undefined}>{num(y.actual)}</span>
                </Td>
                <Td className={y.gap !== null && y.gap < 0 ? "text-red-700" : undefined}>{signed(y.gap)}</Td>
                <Td>{metBadge(y.hasMet)}</Td>
              </tr>
            ))}
          </Table>
          <p className="mt-2 text-xs text-slate-500">{t(`sourceHint.${indicator.source}`, { numerator: indicator.numeratorLabel, denominator: indicator.denominatorLabel, base: indicator.base })}</p>
        </div>
      </div>
    </Card>
  );

  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={t("title")} subtitle={readsRegions ? t("subtitle") : t("hospitalIntro")} />
      {readsRegions && indicators ? (
        <section className="flex flex-col gap-4">
          {regions.length > 1 ? (
            <form className="flex flex-wrap items-end gap-2" method="get">
              <FilterSelect label={t("region")} name="regionId" value={regionId === regions[0]!.id ? undefined : regionId} allLabel={regions[0]!.name} options={regions.slice(1).map((r) => ({ value: r.id, label: r.name }))} className="max-w-80" />
              <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{t("show")}</button>
            </form>
          ) : null}
          {indicators.years.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <>
              <div className="pt-3">
                <ExportLink href={`/api/v1/workforce/indicators/export?regionId=${encodeURIComponent(indicators.region.id)}`} label={t("export")} />
              </div>
              <div className="flex flex-col gap-4">{indicators.indicators.map(indicatorCard)}</div>
            </>
          )}
          {manages && indicators.indicators.length > 0 ? (
            <Card title={t("form.title")}>
              <p className="mb-3 text-sm text-slate-600">{t("form.intro")}</p>
              <FigureForm regionId={indicators.region.id} indicators={indicators.indicators} defaultYear={indicators.years.at(-1) ?? Number(today.slice(0, 4))} />
            </Card>
          ) : null}
        </section>
      ) : null}

      <Card title={t("contracts.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("contracts.intro", { today: day(today) })}</p>
        {contracts.rows.length === 0 ? (
          <EmptyState>{t("contracts.empty")}</EmptyState>
        ) : (
          <Table caption={t("contracts.caption")} head={[t("contracts.name"), t("contracts.serviceOrg"), t("contracts.serviceYears"), t("contracts.serviceStartDate"), t("contracts.lastDay"), t("contracts.served"), t("contracts.remaining"), t("contracts.status"), ...(correctsAny ? [t("contracts.actions")] : [])]} stickyFirst>
            {contracts.rows.map((c) => (
              <tr key={c.id}>
                <Td>
                  <span className="font-medium text-slate-900">{c.name}</span>
                  <span className="block text-xs text-slate-500">{`${c.school} · ${c.graduationYear}`}</span>
                </Td>
                <Td>{c.serviceOrgName}</Td>
                <Td>{c.serviceYears}</Td>
                <Td>{day(c.serviceStartDate)}</Td>
                <Td>{day(c.lastDay)}</Td>
                <Td>{c.servedDays}</Td>
                <Td>{c.remainingDays}</Td>
                <Td>{c.isFulfilled ? <Badge tone="success">{t("contracts.fulfilled")}</Badge> : c.hasStarted ? <Badge tone="info">{t("contracts.serving")}</Badge> : <Badge>{t("contracts.notStarted")}</Badge>}</Td>
                {correctsAny ? (
                  <Td>
                    {c.can.correct ? (
                      <Link href={`${here({ edit: c.id })}#contract-form`} aria-label={t("contracts.correctLabel", { name: c.name })} aria-current={edited?.id === c.id ? "true" : undefined} className="whitespace-nowrap text-sm font-medium text-brand-700 hover:underline">
                        {t("contracts.correct")}
                      </Link>
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
        {manages ? (
          <div id="contract-form" className="mt-5 scroll-mt-4 border-t border-slate-100 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">{edited ? t("contracts.correctTitle", { name: edited.name }) : t("contracts.formTitle")}</h3>
            {edited ? <p className="mb-3 text-sm text-slate-600">{t("contracts.correctIntro")}</p> : null}
            <ContractForm
              key={edited?.id ?? "new"}
              units={units}
              today={today}
              contract={edited ? { id: edited.id, version: edited.version, name: edited.name, school: edited.school, graduationYear: edited.graduationYear, serviceYears: edited.serviceYears, serviceStartDate: edited.serviceStartDate, serviceOrgId: edited.serviceOrgId, doctorId: edited.doctorId, note: edited.note } : undefined}
              cancelHref={`${here({})}#contract-form`}
            />
          </div>
        ) : null}
      </Card>

      <Card title={t("promotion.title")}>
        <p className="mb-1 text-sm text-slate-600">{t("promotion.intro", { years: PROMOTION_SERVICE_YEARS, days: PROMOTION_SERVICE_YEARS * DAYS_PER_SERVICE_YEAR })}</p>
        {promotion.rows.length === 0 ? (
          <EmptyState>{t("promotion.empty")}</EmptyState>
        ) : (
          <>
            <p className="mb-3 text-sm font-medium text-slate-800" role="status">
              {t("promotion.summary", { met: promotion.met, notMet: promotion.notMet })}
              {promotion.total > promotion.rows.length ? ` · ${t("promotion.capped", { shown: promotion.rows.length, total: promotion.total })}` : null}
            </p>
            <Table caption={t("promotion.caption")} head={[t("promotion.name"), t("promotion.employer"), t("promotion.titleLevel"), t("promotion.served"), t("promotion.remaining"), t("promotion.status")]} stickyFirst>
              {promotion.rows.map((r) => (
                <tr key={r.doctorId}>
                  <Td className="font-medium text-slate-900">{r.name}</Td>
                  <Td>{r.employerName}</Td>
                  <Td>{t(`promotion.levels.${r.titleLevel ?? "none"}`)}</Td>
                  <Td>{r.servedDays}</Td>
                  <Td>{r.remainingDays}</Td>
                  <Td>{r.hasMet ? <Badge tone="success">{t("promotion.met")}</Badge> : <Badge tone="warning">{t("promotion.notMet")}</Badge>}</Td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </Card>
    </div>
  );
}
