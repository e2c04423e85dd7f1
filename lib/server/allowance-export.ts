import "server-only";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import type { Scope } from "../auth/policy";
import { isoDay } from "../domain/eligibility/calendar";
import { sumFen, yuanInputValue } from "../domain/money";
import type { PrismaClient } from "../generated/prisma/client";
import { loadMessages } from "../i18n/messages";
import { allowanceTotals, payeeOf, payerNameOf, paymentSheetLines, type LineRow, type TotalsRow } from "./allowance-queries";

// The payment sheet (津贴补助发放表) finance offices print and sign: a title, per paying organisation
// its lines (payee, account holder, item, period, amount in yuan with two decimals) and its subtotal,
// the grand total and the signature rows; a second sheet of totals per payer, programme and item.
// Every subtotal and total is summed in whole fen and written once as yuan: the figures match the
// lines to the fen. A Chinese official form, so written in zh-CN whatever the reader's language.

type Translate = (key: string, values?: Record<string, string | number>) => string;

const thin = { style: "thin" } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: "宋体", size: 11 };
const YUAN_FORMAT = "#,##0.00";

/** Whole fen → the cell's yuan number, through the decimal text (never fen / 100 in floating point). */
export function yuanCell(fen: number): number {
  return Number(yuanInputValue(fen));
}

async function zhTranslator(): Promise<Translate> {
  return createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN"), namespace: "allowances" as never }) as unknown as Translate;
}

interface Column<T> {
  header: string;
  width: number;
  value: (row: T, index: number) => string | number;
  money?: boolean;
  wrap?: boolean;
}

/** A sheet with a title row, a bordered header (both repeated on printed pages), A4 landscape. */
function tableSheet<T>(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column<T>[]) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: "1:2", margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, style: { font: FONT, alignment: { vertical: "middle", horizontal: c.money ? "right" : "center", wrapText: c.wrap ?? false }, ...(c.money ? { numFmt: YUAN_FORMAT } : {}) } }));
  const titleRow = sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, columns.length);
  titleRow.height = 32;
  titleRow.getCell(1).font = { name: FONT.name, size: 16, bold: true };
  titleRow.getCell(1).alignment = { vertical: "middle", horizontal: "center" };
  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { vertical: "middle", horizontal: "center" };
  });
  const add = (cells: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(cells);
    for (let i = 1; i <= columns.length; i++) {
      const cell = row.getCell(i);
      cell.border = BORDER;
      if (bold) cell.font = { ...FONT, bold: true };
    }
    return row;
  };
  return { sheet, add };
}

function period(line: LineRow): string {
  const a = isoDay(line.periodStart);
  const b = isoDay(line.periodEnd);
  return a === b ? a : `${a} 至 ${b}`;
}

function rule(t: Translate, l: LineRow): string {
  if (l.kind === "ADJUSTMENT") return `${t("lineKinds.ADJUSTMENT")}：${l.reason ?? ""}`;
  if (l.kind === "EVENT") return `${t("lineKinds.EVENT")}：${l.reason ?? ""}`;
  if (l.daysServed === null || l.monthDays === null) return t("schedule.once");
  if (l.daysServed === l.monthDays) return t("schedule.full");
  return t("ruleShort", { days: l.daysServed, monthDays: l.monthDays, rate: yuanInputValue(l.rateFen) });
}

export interface SheetTotals {
  payer: string;
  payerName: string;
  program: string;
  item: string;
  lines: number;
  paidFen: number;
  unpaidFen: number;
}

/** The lines folded per payer organisation, programme and item, in fen. */
export function sheetTotals(lines: readonly LineRow[]): SheetTotals[] {
  const rows = new Map<string, SheetTotals>();
  for (const l of lines) {
    const payerName = payerNameOf(l);
    const key = [l.payer, payerName, l.dispatch.program.name, l.item.name].join("|");
    const row = rows.get(key) ?? { payer: l.payer, payerName, program: l.dispatch.program.name, item: l.item.name, lines: 0, paidFen: 0, unpaidFen: 0 };
    row.lines += 1;
    if (l.status === "PAID") row.paidFen += l.amountFen;
    else row.unpaidFen += l.amountFen;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** The workbook of a month's lines: the payment sheet and its totals. */
export async function paymentSheetWorkbook(lines: readonly LineRow[], month: string, payer: string | null): Promise<Buffer> {
  const t = await zhTranslator();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const monthText = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
  const columns: Column<LineRow>[] = [
    { header: t("export.columns.index"), width: 6, value: (_, i) => i + 1 },
    { header: t("export.columns.payee"), width: 22, wrap: true, value: (l) => payeeOf(l).name },
    { header: t("export.columns.accountHolder"), width: 22, wrap: true, value: (l) => payeeOf(l).accountHolder },
    { header: t("export.columns.doctor"), width: 10, value: (l) => l.dispatch.doctor.name },
    { header: t("export.columns.item"), width: 24, wrap: true, value: (l) => l.item.name },
    { header: t("export.columns.period"), width: 24, value: period },
    { header: t("export.columns.rule"), width: 22, wrap: true, value: (l) => rule(t, l) },
    { header: t("export.columns.amount"), width: 14, money: true, value: (l) => yuanCell(l.amountFen) },
    { header: t("export.columns.status"), width: 8, value: (l) => t(`status.${l.status}`) },
    { header: t("export.columns.voucher"), width: 16, value: (l) => l.voucherNumber ?? "" },
    { header: t("export.columns.paidOn"), width: 12, value: (l) => (l.paidOn ? isoDay(l.paidOn) : "") },
  ];
  const amountColumn = columns.findIndex((c) => c.money) + 1;
  const title = payer ? t("export.titlePayer", { month: monthText, payer: t(`payers.${payer}`) }) : t("export.title", { month: monthText });
  const { sheet, add } = tableSheet(workbook, t("export.sheet"), title, columns);
  const groups = new Map<string, LineRow[]>();
  for (const l of lines) {
    const key = `${t(`payers.${l.payer}`)}|${payerNameOf(l)}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  let index = 0;
  for (const [key, group] of groups) {
    for (const l of group) add(columns.map((c) => c.value(l, index))).getCell(1).value = ++index;
    const [payerLabel, name] = key.split("|") as [string, string];
    const subtotal = add(columns.map(() => null), true);
    subtotal.getCell(2).value = t("export.payerTotal", { payer: payerLabel, name });
    sheet.mergeCells(subtotal.number, 2, subtotal.number, amountColumn - 1);
    subtotal.getCell(amountColumn).value = yuanCell(sumFen(group.map((l) => l.amountFen)));
  }
  const grand = add(columns.map(() => null), true);
  grand.getCell(2).value = t("export.grandTotal");
  sheet.mergeCells(grand.number, 2, grand.number, amountColumn - 1);
  grand.getCell(amountColumn).value = yuanCell(sumFen(lines.map((l) => l.amountFen)));
  sheet.addRow([]);
  const signatures = ["preparer", "reviewer", "financeHead", "unitHead"].map((k) => t(`export.signatures.${k}`));
  const signRow = sheet.addRow([null, signatures[0], null, null, signatures[1], null, signatures[2], null, null, signatures[3]]);
  signRow.height = 36;
  signRow.eachCell((cell) => (cell.alignment = { vertical: "bottom", horizontal: "left" }));
  const dateRow = sheet.addRow([null, t("export.signDate")]);
  dateRow.getCell(2).alignment = { horizontal: "left" };

  const totals = sheetTotals(lines);
  const totalColumns: Column<SheetTotals>[] = [
    { header: t("export.totalsColumns.payer"), width: 28, wrap: true, value: (r) => `${t(`payers.${r.payer}`)}（${r.payerName}）` },
    { header: t("export.totalsColumns.program"), width: 30, wrap: true, value: (r) => r.program },
    { header: t("export.totalsColumns.item"), width: 26, wrap: true, value: (r) => r.item },
    { header: t("export.totalsColumns.lines"), width: 8, value: (r) => r.lines },
    { header: t("export.totalsColumns.paid"), width: 14, money: true, value: (r) => yuanCell(r.paidFen) },
    { header: t("export.totalsColumns.unpaid"), width: 14, money: true, value: (r) => yuanCell(r.unpaidFen) },
    { header: t("export.totalsColumns.amount"), width: 14, money: true, value: (r) => yuanCell(r.paidFen + r.unpaidFen) },
  ];
  const totalsSheet = tableSheet(workbook, t("export.totalsSheet"), title, totalColumns);
  for (const r of totals) totalsSheet.add(totalColumns.map((c, i) => c.value(r, i)));
  const paid = sumFen(totals.map((r) => r.paidFen));
  const unpaid = sumFen(totals.map((r) => r.unpaidFen));
  totalsSheet.add([t("export.grandTotal"), null, null, totals.reduce((n, r) => n + r.lines, 0), yuanCell(paid), yuanCell(unpaid), yuanCell(paid + unpaid)], true);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface AllowanceFile {
  body: Buffer;
  fileName: string;
  asciiFileName: string;
  rowCount: number;
}

/** The month's payment sheet for the caller (their lines only), as an .xlsx download. */
export async function exportPaymentSheet(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<AllowanceFile> {
  const { month, payer, lines } = await paymentSheetLines(db, scope, raw, now);
  const t = await zhTranslator();
  return { body: await paymentSheetWorkbook(lines, month, payer), fileName: `${t("export.fileName")}-${month}.xlsx`, asciiFileName: `allowance-payment-sheet-${month}.xlsx`, rowCount: lines.length };
}

/** Totals by month, payer, programme and item (as the totals page) as an .xlsx download. */
export async function exportAllowanceTotals(db: PrismaClient, scope: Scope, range: unknown, programId?: string, now = new Date()): Promise<AllowanceFile> {
  const data = await allowanceTotals(db, scope, range, programId, now);
  const t = await zhTranslator();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const columns: Column<TotalsRow>[] = [
    { header: "月份", width: 10, value: (r) => r.month },
    { header: t("export.totalsColumns.payer"), width: 12, value: (r) => t(`payers.${r.payer}`) },
    { header: t("export.totalsColumns.program"), width: 30, wrap: true, value: (r) => r.programName },
    { header: t("export.totalsColumns.item"), width: 26, wrap: true, value: (r) => r.itemName },
    { header: t("export.totalsColumns.lines"), width: 8, value: (r) => r.lines },
    { header: t("export.totalsColumns.paid"), width: 14, money: true, value: (r) => yuanCell(r.paidFen) },
    { header: t("export.totalsColumns.unpaid"), width: 14, money: true, value: (r) => yuanCell(r.unpaidFen) },
    { header: t("export.totalsColumns.amount"), width: 14, money: true, value: (r) => yuanCell(r.paidFen + r.unpaidFen) },
  ];
  const { add } = tableSheet(workbook, t("export.totalsSheet"), `${data.from} 至 ${data.to} 津贴补助发放汇总`, columns);
  for (const r of data.rows) add(columns.map((c, i) => c.value(r, i)));
  const g = data.grandTotal;
  add([t("export.grandTotal"), null, null, null, g.lines, yuanCell(g.paidFen), yuanCell(g.unpaidFen), yuanCell(g.paidFen + g.unpaidFen)], true);
  return { body: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: `津贴发放汇总-${data.from}-${data.to}.xlsx`, asciiFileName: `allowance-totals-${data.from}-${data.to}.xlsx`, rowCount: data.rows.length };
}
