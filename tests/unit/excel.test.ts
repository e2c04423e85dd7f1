import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { attachmentDisposition, formatDateCell, toCsv, toXlsx, writeSheet, type SheetColumn } from "@/lib/excel/sheet";

interface Row {
  name: string;
  note: string | null;
  count: number;
  at: Date;
  birthDate: Date;
}

const columns: SheetColumn<Row>[] = [
  { header: "姓名", value: (r) => r.name, width: 12 },
  { header: "备注", value: (r) => r.note },
  { header: "数量", value: (r) => r.count },
  { header: "时间", value: (r) => r.at },
  { header: "出生日期", value: (r) => r.birthDate, kind: "date" },
];

const rows: Row[] = [
  // 2026-11-23 06:05:09 UTC is 14:05:09 in Shanghai; 2026-11-23 17:00 UTC is already the 24th there.
  { name: "张三", note: "a,b", count: 3, at: new Date("2026-11-23T06:05:09Z"), birthDate: new Date("1970-01-31T00:00:00Z") },
  { name: '王"五"', note: "第一行\n第二行", count: -2, at: new Date("2026-11-23T17:00:00Z"), birthDate: new Date("1985-12-31T00:00:00Z") },
  { name: "=HYPERLINK(\"http://x\")", note: null, count: 0, at: new Date("2026-01-01T00:00:00Z"), birthDate: new Date("2000-02-29T00:00:00Z") },
];

describe("CSV", () => {
  const csv = toCsv({ sheetName: "名单", columns, rows });
  const lines = csv.slice(1).split("\r\n");

  it("starts with a UTF-8 BOM and the Chinese headers", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe("姓名,备注,数量,时间,出生日期");
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("quotes commas, doubles quotes, keeps line breaks inside quotes, ends lines with CRLF", () => {
    expect(lines[1]).toBe('张三,"a,b",3,2026-11-23 14:05:09,1970-01-31');
    expect(csv).toContain('"王""五""","第一行\n第二行",-2,2026-11-24 01:00:00,1985-12-31\r\n');
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes null as an empty field and defuses text a spreadsheet would run as a formula", () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",,0,2026-01-01 08:00:00,2000-02-29\r\n`);
    for (const text of ["+1", "-x", "@SUM(A1)", "=1+1"]) {
      const out = toCsv({ sheetName: "x", columns: [{ header: "h", value: () => text }], rows: [1] });
      expect(out.split("\r\n")[1]).toBe(`'${text}`);
    }
    // A number stays a number, even negative.
    expect(lines[2]).toContain(",-2,");
  });

  it("adds a footnote as the last line", () => {
    const out = toCsv({ sheetName: "x", columns, rows: [], footnote: "仅导出前 50 000 条" });
    expect(out.slice(1).split("\r\n")).toEqual(["姓名,备注,数量,时间,出生日期", "仅导出前 50 000 条", ""]);
  });
});

describe("dates", () => {
  it("shows instants in Asia/Shanghai and calendar dates as their day", () => {
    expect(formatDateCell(new Date("2026-11-23T15:59:59Z"), "datetime")).toBe("2026-11-23 23:59:59");
    expect(formatDateCell(new Date("2026-11-23T16:00:00Z"), "datetime")).toBe("2026-11-24 00:00:00");
    expect(formatDateCell(new Date("2026-11-23T16:00:00Z"), "datetime", "UTC")).toBe("2026-11-23 16:00:00");
    expect(formatDateCell(new Date("2024-02-29T00:00:00Z"), "date")).toBe("2024-02-29");
  });
});

describe("XLSX", () => {
  async function read(buffer: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook.worksheets[0]!;
  }

  it("has the headers, typed cells, widths, a frozen header and the footnote", async () => {
    const sheet = await read(await toXlsx({ sheetName: "上报名单", columns, rows, footnote: "注" }));
    expect(sheet.name).toBe("上报名单");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["姓名", "备注", "数量", "时间", "出生日期"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(12);
    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe('王"五"');
    expect(second.getCell(2).value).toBe("第一行\n第二行");
    expect(second.getCell(3).value).toBe(-2);
    // Excel has no zones: the cell holds Shanghai's wall clock.
    expect((second.getCell(4).value as Date).toISOString()).toBe("2026-11-24T01:00:00.000Z");
    expect(second.getCell(4).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect((second.getCell(5).value as Date).toISOString()).toBe("1985-12-31T00:00:00.000Z");
    expect(second.getCell(5).numFmt).toBe("yyyy-mm-dd");
    // Text is text in XLSX (no formula), and null an empty cell.
    expect(sheet.getRow(4).getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getRow(4).getCell(2).value).toBeNull();
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(5).getCell(1).value).toBe("注");
  });

  it("cleans a sheet name Excel would refuse, and cuts overlong cells", async () => {
    const long = "长".repeat(40_000);
    const sheet = await read(await toXlsx({ sheetName: "a/b:c?[d]*e".padEnd(40, "x"), columns: [{ header: "h", value: () => long }], rows: [1] }));
    expect(sheet.name).toBe("a b c  d  e".padEnd(31, "x"));
    expect(String(sheet.getRow(2).getCell(1).value).length).toBe(32_767);
  });

  it("writeSheet picks the format", async () => {
    expect((await writeSheet("csv", { sheetName: "x", columns, rows })).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await writeSheet("xlsx", { sheetName: "x", columns, rows })).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("Content-Disposition", () => {
  it("gives an ASCII fallback and the Chinese name per RFC 5987", () => {
    expect(attachmentDisposition("审计日志-20261123.xlsx", "audit-log-20261123.xlsx")).toBe(
      `attachment; filename="audit-log-20261123.xlsx"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97-20261123.xlsx`,
    );
    expect(attachmentDisposition("a'b(c).csv", 'a"b\\c.csv')).toBe(`attachment; filename="a_b_c.csv"; filename*=UTF-8''a%27b%28c%29.csv`);
  });
});
