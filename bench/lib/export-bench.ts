// The report list's Excel export (5 000 rows on the generated programme), three ways, each beside its
// floors: the route over HTTP with the session cookie, exportVettingList in-process (split into loading
// the rows and writing the workbook), and the floors — the same rows through bare pg, and exceljs
// writing the same rows with no database and no styling.
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import type pg from "pg";
import type { Scope } from "@/lib/auth/policy";
import { loadMessages } from "@/lib/i18n/messages";
import type { PrismaClient } from "@/lib/prisma";
import { exportVettingList, vettingListRows, vettingListWorkbook } from "@/lib/server/vetting-export";
import { mb, ms, ratio, table, time } from "./measure";

/** The rows the report list holds for a programme whose stages end REPORT_LIST → APPROVAL, as bare SQL. */
const REPORT_ROWS_SQL = `
  SELECT p.title AS post, p."rotationBatch", a.rank, a."exceptionReason", d.name, d.sex, d."birthDate", d.education,
         d."positionTitle", d."positionRank", d.phone, e.name AS employer, t.name AS "titleName"
    FROM "Application" a
    JOIN "Post" p ON p.id = a."postId"
    JOIN "Doctor" d ON d.id = a."doctorId"
    JOIN "Organization" e ON e.id = d."employerId"
    LEFT JOIN LATERAL (SELECT name FROM "TitleRecord" r WHERE r."doctorId" = d.id ORDER BY r.level DESC, r."obtainedOn" DESC LIMIT 1) t ON true
   WHERE p."programId" = $1 AND (a.status = 'APPROVED' OR (a.status = 'IN_PROGRESS' AND a."currentStage" = 'APPROVAL'))
   ORDER BY p."rotationBatch", p.title, a."postId", a.rank NULLS LAST, a."submittedAt", a.id`;

const HEADER = ["序号", "岗位", "姓名", "性别", "出生年月", "学历", "职称", "工作单位", "职务", "联系电话", "备注"];

async function plainWorkbook(rows: Record<string, unknown>[]): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("上报名单");
  sheet.addRow(HEADER);
  rows.forEach((r, i) => sheet.addRow([i + 1, r.post, r.name, r.sex, r.birthDate, r.education, r.titleName, r.employer, r.positionTitle, r.phone, r.exceptionReason ?? ""]));
  return (await workbook.xlsx.writeBuffer()).byteLength;
}

export async function benchExport(opts: { prisma: PrismaClient; bare: pg.Client; scope: Scope; programId: string; baseUrl?: string; cookie?: string; runs: number }): Promise<void> {
  const { prisma, bare, scope, programId, runs } = opts;
  const rows: string[][] = [];

  let httpBytes = 0, httpRows = "";
  const http = opts.baseUrl
    ? await time(async () => {
        const response = await fetch(`${opts.baseUrl}/api/v1/programs/${programId}/vetting-lists/report`, { headers: { cookie: opts.cookie ?? "" } });
        if (response.status !== 200) throw new Error(`export route answered ${response.status}`);
        httpBytes = (await response.arrayBuffer()).byteLength;
        httpRows = response.headers.get("x-export-rows") ?? "?";
      }, { runs })
    : null;

  const memBefore = process.memoryUsage();
  let fileBytes = 0, rowCount = 0;
  const inProcess = await time(async () => {
    const file = await exportVettingList(prisma, scope, programId, "report");
    fileBytes = file.body.byteLength;
    rowCount = file.rowCount;
  }, { runs });
  const memAfter = process.memoryUsage();

  const loadRows = await time(() => vettingListRows(prisma, scope, programId, "report"), { runs });
  const data = await vettingListRows(prisma, scope, programId, "report");
  const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") }) as unknown as Parameters<typeof vettingListWorkbook>[2];
  const workbookOnly = await time(() => vettingListWorkbook(data, "report", t), { runs });

  let bareRows: Record<string, unknown>[] = [];
  const bareLoad = await time(async () => {
    bareRows = (await bare.query(REPORT_ROWS_SQL, [programId])).rows;
  }, { runs });
  let plainBytes = 0;
  const plain = await time(async () => {
    plainBytes = await plainWorkbook(bareRows);
  }, { runs });
  const floor = bareLoad.p50 + plain.p50;

  if (http) rows.push(["GET …/vetting-lists/report over HTTP (session cookie)", httpRows, ms(http.p50), ms(http.p95), mb(httpBytes, 2), ms(floor), ratio(http.p50, floor)]);
  rows.push(["exportVettingList in-process", String(rowCount), ms(inProcess.p50), ms(inProcess.p95), mb(fileBytes, 2), ms(floor), ratio(inProcess.p50, floor)]);
  rows.push(["  of which: loading the rows (Prisma)", String(data.rows.length), ms(loadRows.p50), ms(loadRows.p95), "", `${ms(bareLoad.p50)} (bare pg)`, ratio(loadRows.p50, bareLoad.p50)]);
  rows.push(["  of which: the styled workbook (exceljs)", String(data.rows.length), ms(workbookOnly.p50), ms(workbookOnly.p95), "", `${ms(plain.p50)} (plain exceljs)`, ratio(workbookOnly.p50, plain.p50)]);
  rows.push(["floor: bare pg rows + plain exceljs, no styling", String(bareRows.length), ms(floor), "", mb(plainBytes, 2), "", ""]);
  console.log(`Excel export of the report list (上报名单), ${runs} runs after a warm-up; floor: the same rows through bare pg, then exceljs writing them unstyled`);
  console.log(table(["what", "rows", "p50", "p95", "file", "floor p50", "ratio"], rows));
  console.log(`Memory around ${runs + 1} in-process exports: rss ${mb(memBefore.rss)} → ${mb(memAfter.rss)}, heapUsed ${mb(memBefore.heapUsed)} → ${mb(memAfter.heapUsed)}\n`);
}
