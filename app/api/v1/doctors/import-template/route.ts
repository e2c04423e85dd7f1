import { getTranslations } from "next-intl/server";
import { IMPORT_COLUMNS } from "@/lib/domain/doctor-import";
import { composeIdNumber } from "@/lib/domain/id-number";
import { prisma } from "@/lib/db";
import { attachmentDisposition, contentTypes, writeSheet } from "@/lib/excel/sheet";
import { doctorExportSchema } from "@/lib/schemas/doctors";
import { apiRoute } from "@/lib/server/api-route";

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

/** One example row, a made-up doctor whose ID number is valid and matches the birth date. */
const EXAMPLE: Record<string, string | Date> = {
  姓名: "张明", 性别: "男", 民族: "汉族", 出生日期: day("1980-05-12"), 身份证号: composeIdNumber("330602", "1980-05-12", 135),
  学历: "本科", 学位: "学士", 所学专业: "临床医学", 工作单位: "（填写本单位全称）", 科室: "心血管内科", 从事专业: "心血管内科",
  执业类别: "临床", 现任职务: "科副主任", 职务级别: "科副主任", 专业技术职务: "主治医师", 职称级别: "中级", 取得时间: day("2010-09-01"),
  "参加工作时间/聘用时间": day("2003-08-01"), 联系电话: "13800000000",
};

// GET /api/v1/doctors/import-template?format=xlsx|csv — the import's header row and one example row.
export const GET = apiRoute({ permission: "doctor.manage" }, async ({ request, scope }) => {
  // A hospital's user gets its own name in the example row, the one name its rows may carry.
  const own = await prisma.organization.findUnique({ where: { id: scope.user.organizationId }, select: { name: true, kind: true } });
  const example = own && own.kind !== "BUREAU" ? { ...EXAMPLE, 工作单位: own.name } : EXAMPLE;
  const { format } = doctorExportSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const t = await getTranslations("doctors");
  const body = await writeSheet(format, {
    sheetName: t("export.sheetName"),
    columns: IMPORT_COLUMNS.map((c) => ({ header: c.header, value: (row: typeof EXAMPLE) => row[c.header] ?? null, kind: "date" as const, width: c.key === "employer" ? 28 : undefined })),
    rows: [example],
  });
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": attachmentDisposition(`${t("import.templateFileName")}.${format}`, `doctor-import-template.${format}`),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "no-store",
    },
  });
});
