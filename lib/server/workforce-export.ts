import "server-only";
import { createTranslator } from "next-intl";
import type { Scope } from "../auth/policy";
import { toXlsx } from "../excel/sheet";
import type { PrismaClient } from "../generated/prisma/client";
import { loadMessages } from "../i18n/messages";
import { workforceIndicators, type IndicatorSeries, type IndicatorYear } from "./workforce-queries";

// The indicators table of /workforce as a workbook: exactly the rows the page shows (every indicator
// of the region, year by year: target, actual with its counts, gap, met), in zh-CN like the sheets
// sent upward.

type Row = { indicator: IndicatorSeries; y: IndicatorYear };

export async function exportWorkforceIndicators(db: PrismaClient, scope: Scope, query: { regionId?: string }) {
  const data = await workforceIndicators(db, scope, query);
  const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN"), namespace: "workforce" as never }) as unknown as (key: string) => string;
  const rows: Row[] = data.indicators.flatMap((indicator) => indicator.years.map((y) => ({ indicator, y })));
  const met = (v: boolean | null) => (v === null ? "" : v ? t("met") : t("notMet"));
  const body = await toXlsx<Row>({
    sheetName: t("title"),
    columns: [
      { header: t("table.region"), value: () => data.region.name, width: 28 },
      { header: t("table.indicator"), value: (r) => r.indicator.name, width: 44 },
      { header: t("table.year"), value: (r) => r.y.year, width: 8 },
      { header: t("table.unit"), value: (r) => r.indicator.unit, width: 8 },
      { header: t("table.target"), value: (r) => r.y.target, width: 10 },
      { header: t("table.actual"), value: (r) => r.y.actual, width: 10 },
      { header: t("table.gap"), value: (r) => r.y.gap, width: 10 },
      { header: t("table.hasMet"), value: (r) => met(r.y.hasMet), width: 10 },
      { header: t("table.numerator"), value: (r) => r.y.numerator, width: 14 },
      { header: t("table.denominator"), value: (r) => r.y.denominator, width: 14 },
      { header: t("table.source"), value: (r) => t(`sources.${r.indicator.source}`), width: 12 },
      { header: t("table.enteredBy"), value: (r) => r.y.enteredBy, width: 12 },
    ],
    rows,
  });
  return { body, fileName: `${t("fileName")}-${data.region.name}.xlsx`, asciiFileName: "workforce-indicators.xlsx", rowCount: rows.length };
}
