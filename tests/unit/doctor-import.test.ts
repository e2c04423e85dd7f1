import { describe, expect, it } from "vitest";
import { dateText, IMPORT_COLUMNS, parseCsv, readSheet, validateRows, type Cell, type ImportContext } from "@/lib/domain/doctor-import";
import { composeIdNumber, maskIdNumber } from "@/lib/domain/id-number";

const HEADER = IMPORT_COLUMNS.map((c) => c.header);
const ID_A = composeIdNumber("330602", "1980-01-02", 13);
const ID_B = composeIdNumber("330621", "1985-06-30", 24);

const context: ImportContext = {
  employersInScope: new Map([["绍兴市人民医院", "org-sxrm"]]),
  knownOrganizationNames: new Set(["绍兴市人民医院", "诸暨市人民医院"]),
  registered: new Map(),
};

/** A good row in the template's column order, with some cells changed. */
function row(changes: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    姓名: "张三", 性别: "男", 民族: "汉族", 出生日期: "1980-01-02", 身份证号: ID_A, 学历: "本科", 学位: "学士", 所学专业: "临床医学",
    工作单位: "绍兴市人民医院", 科室: "心血管内科", 从事专业: "心血管内科", 执业类别: "临床", 现任职务: "科主任", 职务级别: "科主任",
    专业技术职务: "主治医师", 职称级别: "中级", 取得时间: "2010-09-01", "参加工作时间/聘用时间": "2003-08-01", 联系电话: "13800000000",
  };
  const merged = { ...base, ...changes };
  return HEADER.map((h) => merged[h] ?? null);
}

function check(rows: Cell[][], ctx: ImportContext = context) {
  const sheet = readSheet([HEADER, ...rows]);
  return { sheet, rows: validateRows(sheet.rows, ctx) };
}

const codes = (r: { problems: { column: string | null; code: string }[] }) => r.problems.map((p) => `${p.column}:${p.code}`);

describe("doctor import: blanks stay missing (issue 15)", () => {
  it("every optional cell left blank is null in the record — 职务级别 never becomes 医师 — and the ID type is a mainland ID", () => {
    const blanks = { 学位: null, 所学专业: null, 执业类别: null, 现任职务: null, 职务级别: null, 专业技术职务: null, 职称级别: null, 取得时间: null, "参加工作时间/聘用时间": null, 联系电话: null, 证件类型: null };
    const { rows } = check([row(blanks)]);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[0]!.record).toMatchObject({ degree: null, major: null, practisingCategory: null, positionTitle: null, positionRank: null, hireDate: null, phone: null, titles: [], idType: "MAINLAND_ID" });
  });

  it("a Hong Kong permit or a passport is recorded with the birth date as entered; a mainland ID must still match it", () => {
    const { rows } = check([
      row({ 证件类型: "港澳居民来往内地通行证", 身份证号: "H12345678", 出生日期: "1975-04-03" }),
      row({ 证件类型: "护照", 身份证号: "E98765432", 出生日期: "1988-12-01" }),
      row({ 证件类型: "护照", 身份证号: "not a number!", 出生日期: "1988-12-01" }),
      row({ 证件类型: "居民身份证", 出生日期: "1981-01-02" }),
      row({ 证件类型: "驾驶证", 身份证号: "X1234567" }),
    ]);
    expect(rows[0]!.record).toMatchObject({ idType: "HK_MACAO_PERMIT", idNumber: "H12345678", birthDate: "1975-04-03" });
    expect(rows[1]!.record).toMatchObject({ idType: "PASSPORT", idNumber: "E98765432", birthDate: "1988-12-01" });
    expect(codes(rows[2]!)).toEqual(["idNumber:idNumberInvalid"]);
    expect(codes(rows[3]!)).toEqual(["idNumber:idNumberBirthMismatch"]);
    expect(codes(rows[4]!)).toContain("idType:idTypeUnknown");
  });
});

describe("doctor import: a good file", () => {
  it("reads every column into a record with one title", () => {
    const { sheet, rows } = check([row(), row({ 姓名: "李四", 性别: "女", 身份证号: ID_B, 出生日期: "1985/6/30", 学历: "硕士研究生", 职称级别: "副高", 专业技术职务: "副主任医师" })]);
    expect(sheet.problems).toEqual([]);
    expect(rows.map(codes)).toEqual([[], []]);
    expect(rows[0]!.action).toBe("create");
    expect(rows[0]!.record).toMatchObject({
      name: "张三", sex: "MALE", birthDate: "1980-01-02", idNumber: ID_A, education: "BACHELOR", employerId: "org-sxrm", practisingCategory: "CLINICAL",
      positionRank: "DEPARTMENT_HEAD", positionTitle: "科主任", hireDate: "2003-08-01", phone: "13800000000",
      titles: [{ level: "INTERMEDIATE", name: "主治医师", specialty: "心血管内科", obtainedOn: "2010-09-01" }],
    });
    expect(rows[1]!.record).toMatchObject({ sex: "FEMALE", birthDate: "1985-06-30", education: "MASTER", titles: [{ level: "ASSOCIATE_SENIOR" }] });
  });

  it("accepts real dates, Excel serials, 年月日 and a lower-case x; optional columns may be empty", () => {
    const id = composeIdNumber("330602", "1979-03-04", 200);
    const typed = id.endsWith("X") ? id.toLowerCase() : id;
    const { rows } = check([row({ 出生日期: new Date(Date.UTC(1979, 2, 4)), 身份证号: typed, 取得时间: 40422, "参加工作时间/聘用时间": "2003年8月1日", 学位: null, 执业类别: null, 职务级别: null, 现任职务: null, 专业技术职务: null, 职称级别: null })].map((r) => r.map((c) => (c === 40422 ? null : c))));
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[0]!.record).toMatchObject({ birthDate: "1979-03-04", idNumber: id, hireDate: "2003-08-01", degree: null, practisingCategory: null, positionRank: null, titles: [] });
    expect(dateText(40422)).toBe("2010-09-01");
    expect(dateText("19800102")).toBe("1980-01-02");
    expect(dateText("1980.1.2")).toBe("1980-01-02");
    expect(dateText("2/1/1980")).toBeNull();
  });

  it("reads header variants: aliases, blanks, notes in brackets, required marks", () => {
    const header = HEADER.map((h) => (h === "身份证号" ? " 身份证号码（18位）* " : h === "参加工作时间/聘用时间" ? "聘用时间" : h === "联系电话" ? "手机" : h));
    const sheet = readSheet([[], header, row()]);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows[0]!.rowNumber).toBe(3);
    expect(validateRows(sheet.rows, context)[0]!.problems).toEqual([]);
  });

  it("reads CSV with a BOM, quotes and the export's defused cells", () => {
    expect(parseCsv('\uFEFF姓名,备注\r\n"张,三","说""好"""\r\n\'=1+1,x\n')).toEqual([["姓名", "备注"], ["张,三", '说"好"'], ["=1+1", "x"]]);
  });
});

describe("doctor import: bad sheets and rows", () => {
  it("names missing required columns and refuses an empty sheet", () => {
    const sheet = readSheet([HEADER.filter((h) => h !== "身份证号" && h !== "工作单位"), row()]);
    expect(sheet.problems).toEqual([{ code: "missingColumns", params: { columns: "身份证号、工作单位" } }]);
    expect(readSheet([]).problems).toEqual([{ code: "empty" }]);
    expect(readSheet([HEADER]).problems).toEqual([{ code: "empty" }]);
  });

  it.each<[string, Partial<Record<string, Cell>>, string[]]>([
    ["bad ID checksum", { 身份证号: ID_A.slice(0, 17) + (ID_A[17] === "1" ? "2" : "1") }, ["idNumber:idNumberInvalid"]],
    ["ID whose birth date is not the birth date", { 出生日期: "1980-01-03" }, ["idNumber:idNumberBirthMismatch"]],
    ["ID typed as a number (digits lost)", { 身份证号: 330602198001020000 }, ["idNumber:idNumberAsNumber"]],
    ["unreadable date", { 出生日期: "80年1月" }, ["birthDate:dateInvalid"]],
    ["impossible date", { "参加工作时间/聘用时间": "2003-02-30" }, ["hireDate:dateInvalid"]],
    ["unknown education", { 学历: "高中" }, ["education:educationUnknown"]],
    ["unknown sex", { 性别: "M" }, ["sex:sexUnknown"]],
    ["unknown title level", { 职称级别: "高级" }, ["titleLevel:titleLevelUnknown"]],
    ["title without its date", { 取得时间: null }, ["titleName:titleIncomplete"]],
    ["unknown employer", { 工作单位: "不存在医院" }, ["employer:employerUnknown"]],
    ["employer outside the user's scope", { 工作单位: "诸暨市人民医院" }, ["employer:employerOutOfScope"]],
    ["missing name", { 姓名: null }, ["name:nameRequired"]],
    ["bad phone", { 联系电话: "call me" }, ["phone:phoneInvalid"]],
  ])("%s", (_label, changes, expected) => {
    const { rows } = check([row(changes)]);
    expect(codes(rows[0]!)).toEqual(expected);
    expect(rows[0]!.record).toBeNull();
  });

  it("flags the second row with an ID number already in the file, naming the first", () => {
    const { rows } = check([row(), row({ 姓名: "张三二" }), row({ 身份证号: ID_B, 出生日期: "1985-06-30" })]);
    expect(rows.map(codes)).toEqual([[], ["idNumber:duplicateInFile"], []]);
    expect(rows[1]!.problems[0]!.params).toEqual({ row: 2 });
  });

  it("updates a registered doctor in scope and refuses one outside it", () => {
    const registered = new Map([
      [ID_A, { doctorId: "d-a", isInScope: true }],
      [ID_B, { doctorId: "d-b", isInScope: false }],
    ]);
    const { rows } = check([row(), row({ 身份证号: ID_B, 出生日期: "1985-06-30" })], { ...context, registered });
    expect(rows[0]).toMatchObject({ action: "update", doctorId: "d-a", problems: [] });
    expect(codes(rows[1]!)).toEqual(["idNumber:registeredOutOfScope"]);
  });
});

describe("maskIdNumber", () => {
  it("keeps the region and the last four", () => {
    expect(maskIdNumber("33060219800102001X")).toBe("330602********001X");
  });
});
