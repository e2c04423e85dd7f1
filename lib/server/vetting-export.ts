import "server-only";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { authorize, programWhere, type Scope } from "../auth/policy";
import { toShanghaiWallClock } from "../domain/program-timeline";
import { stageOrder, stagesAfter } from "../domain/vetting";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { loadMessages } from "../i18n/messages";

// The report list (上报名单) and the approved list (正式确定名单) of a programme as the Excel sheet
// sent to the provincial department: a title row, the header, one row per candidate ordered by post
// (rotation batch, title) then the shortlist's rank. The sheet is a Chinese official form, so it is
// written in zh-CN whatever the reader's language. One query loads every row (no per-row queries).

export const VETTING_LISTS = ["report", "approved"] as const;
export type VettingList = (typeof VETTING_LISTS)[number];

export function isVettingList(value: string): value is VettingList {
  return (VETTING_LISTS as readonly string[]).includes(value);
}

const rowSelect = {
  id: true,
  status: true,
  currentStage: true,
  rank: true,
  exceptionReason: true,
  post: { select: { title: true, rotationBatch: true } },
  doctor: {
    select: {
      name: true,
      sex: true,
      birthDate: true,
      education: true,
      positionTitle: true,
      positionRank: true,
      phone: true,
      employer: { select: { name: true } },
      titles: { select: { name: true }, orderBy: [{ level: "desc" }, { obtainedOn: "desc" }], take: 1 },
    },
  },
} as const satisfies Prisma.ApplicationSelect;

export type VettingListRow = Prisma.ApplicationGetPayload<{ select: typeof rowSelect }>;

export interface VettingListData {
  program: { id: string; name: string; rotationBatches: number };
  rows: VettingListRow[];
}

/**
 * The list's candidates. Report list: passed the REPORT_LIST stage and still in the running
 * (hasPassed); approved list: status APPROVED. The programme must be in the caller's scope.
 */
export async function vettingListRows(db: PrismaClient, scope: Scope, programId: string, list: VettingList): Promise<VettingListData> {
  authorize(scope, "vetting.read");
  const program = await db.program.findFirst({
    where: { AND: [{ id: programId }, programWhere(scope)] },
    select: { id: true, name: true, rotationBatches: true, bureauId: true, stages: { select: { kind: true, sequence: true } } },
  });
  if (!program) throw new AppError("notFound");
  authorize(scope, "vetting.read", { organizationId: program.bureauId });
  const order = stageOrder(program.stages);
  if (list === "report" && !order.includes("REPORT_LIST")) throw new AppError("conflict", "stageNotInProgram");
  // hasPassed as SQL: approved, or still under way at a stage after the report list.
  const passedReportList: Prisma.ApplicationWhereInput = { OR: [{ status: "APPROVED" }, { status: "IN_PROGRESS", currentStage: { in: stagesAfter(order, "REPORT_LIST") } }] };
  const rows = await db.application.findMany({
    where: { AND: [{ post: { programId } }, list === "approved" ? { status: "APPROVED" } : passedReportList] },
    select: rowSelect,
    orderBy: [{ post: { rotationBatch: "asc" } }, { post: { title: "asc" } }, { postId: "asc" }, { rank: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
  });
  return { program: { id: program.id, name: program.name, rotationBatches: program.rotationBatches }, rows };
}

/** The subset of a next-intl translator the sheet needs. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "1975.03": a birth month as Chinese forms write it. */
export function birthMonth(date: Date): string {
  return `${date.getUTCFullYear()}.${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

interface Column {
  header: string;
  width: number;
  value: (row: VettingListRow, index: number) => string | number;
  wrap?: boolean;
}

function columns(t: Translate, multipleBatches: boolean): Column[] {
  const remarks = (r: VettingListRow) =>
    [r.rank ? t("vetting.export.remarkRank", { rank: r.rank }) : null, r.exceptionReason ? t("vetting.export.remarkException", { reason: r.exceptionReason }) : null]
      .filter(Boolean)
      .join("；");
  return [
    { header: t("vetting.export.columns.index"), width: 6, value: (_, i) => i + 1 },
    {
      header: t("vetting.export.columns.post"),
      width: 22,
      wrap: true,
      value: (r) => (multipleBatches ? t("vetting.export.postWithBatch", { post: r.post.title, batch: r.post.rotationBatch }) : r.post.title),
    },
    { header: t("vetting.export.columns.name"), width: 10, value: (r) => r.doctor.name },
    { header: t("vetting.export.columns.sex"), width: 6, value: (r) => t(`doctors.sex.${r.doctor.sex}`) },
    { header: t("vetting.export.columns.birth"), width: 10, value: (r) => birthMonth(r.doctor.birthDate) },
    { header: t("vetting.export.columns.education"), width: 12, value: (r) => t(`doctors.education.${r.doctor.education}`) },
    { header: t("vetting.export.columns.title"), width: 16, wrap: true, value: (r) => r.doctor.titles[0]?.name ?? "" },
    { header: t("vetting.export.columns.employer"), width: 24, wrap: true, value: (r) => r.doctor.employer.name },
    { header: t("vetting.export.columns.position"), width: 14, wrap: true, value: (r) => r.doctor.positionTitle || (r.doctor.positionRank ? t(`doctors.rank.${r.doctor.positionRank}`) : "") },
    { header: t("vetting.export.columns.phone"), width: 14, value: (r) => r.doctor.phone ?? "" },
    { header: t("vetting.export.columns.remarks"), width: 30, wrap: true, value: remarks },
  ];
}

const thin = { style: "thin" } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
/** A font every Chinese Excel and WPS has; LibreOffice substitutes a CJK font of its own. */
const FONT = { name: "宋体", size: 11 };

/** The workbook: title row, header (both repeated on every printed page), bordered cells, A4 landscape. */
export async function vettingListWorkbook(data: VettingListData, list: VettingList, t: Translate): Promise<Buffer> {
  const cols = columns(t, data.program.rotationBatches > 1);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(t(`vetting.export.sheet.${list}`), {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "1:2",
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: t("vetting.export.footer") },
  });
  sheet.columns = cols.map((c) => ({ width: c.width, style: { font: FONT, border: BORDER, alignment: { vertical: "middle", horizontal: "center", wrapText: c.wrap ?? false } } }));

  const title = sheet.addRow([t(`vetting.export.title.${list}`, { program: data.program.name })]);
  sheet.mergeCells(1, 1, 1, cols.length);
  title.height = 32;
  const titleCell = title.getCell(1);
  titleCell.font = { name: FONT.name, size: 16, bold: true };
  titleCell.alignment = { vertical: "middle", horizontal: "center" };
  titleCell.border = {};

  const header = sheet.addRow(cols.map((c) => c.header));
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
  });

  data.rows.forEach((row, index) => sheet.addRow(cols.map((c) => c.value(row, index))));
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

export interface VettingListExport {
  body: Buffer;
  fileName: string;
  asciiFileName: string;
  rowCount: number;
}

/** The list as an .xlsx download: `<programme>-上报名单-20131122.xlsx` (date in Beijing time). */
export async function exportVettingList(db: PrismaClient, scope: Scope, programId: string, list: VettingList, now = new Date()): Promise<VettingListExport> {
  const data = await vettingListRows(db, scope, programId, list);
  // An empty sheet (a title and headers only) would be sent upward as if it were the list: say so instead.
  if (data.rows.length === 0) throw new AppError("conflict", list === "report" ? "nothingToExportReport" : "nothingToExportApproved");
  const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Translate;
  const body = await vettingListWorkbook(data, list, t);
  const stamp = toShanghaiWallClock(now).slice(0, 10).replace(/-/g, "");
  return {
    body,
    fileName: `${data.program.name}-${t(`vetting.export.fileName.${list}`)}-${stamp}.xlsx`,
    asciiFileName: `${list === "report" ? "report-list" : "approved-list"}-${stamp}.xlsx`,
    rowCount: data.rows.length,
  };
}
