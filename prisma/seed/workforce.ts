// Workforce indicators of seed 002 (加强基层医疗卫生人才队伍建设方案, 二、主要目标) for the demo's
// Shaoxing region tree (the city bureau and its six county bureaus), 2022–2025, and Shaoxing's
// targeted medical students (农村订单定向医学生, 三(四)1) with their service contracts.
//
// The seed states the indicators but blanks every number (到*年…达到*人以上): the targets below are
// demo figures in the range of the national plans (每千常住人口基层卫生人员数 3.5 by 2025 …), the
// actuals made up per county. The city's 2025 actual of grassroots staff per 1 000 residents is left
// for the bureau to enter (the e2e journey does).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IndicatorSource } from "@/lib/generated/prisma/enums";
import type { OrgKey } from "./organizations";
import { day, shanghai } from "./util";

type Tx = Prisma.TransactionClient;

interface IndicatorSeed {
  code: string;
  name: string;
  unit: string;
  base: 100 | 1000 | 10000;
  source: IndicatorSource;
  numeratorLabel: string;
  denominatorLabel: string;
  /** Targets 2022–2025. */
  targets: [number, number, number, number];
}

export const WORKFORCE_YEARS = [2022, 2023, 2024, 2025] as const;

export const INDICATORS: IndicatorSeed[] = [
  { code: "GRASSROOTS_STAFF_PER_1000", name: "每千常住人口基层卫生人员数", unit: "人", base: 1000, source: "ENTERED", numeratorLabel: "基层卫生人员数", denominatorLabel: "常住人口", targets: [3.4, 3.5, 3.6, 3.8] },
  { code: "GP_PER_10000", name: "每万名居民拥有合格的全科医生数", unit: "名", base: 10000, source: "ENTERED", numeratorLabel: "合格的全科医生数", denominatorLabel: "常住人口", targets: [4, 4.3, 4.6, 5] },
  { code: "GRASSROOTS_STAFF_SHARE", name: "基层医疗卫生机构卫生人员占全市各级卫生人员总数比例", unit: "%", base: 100, source: "ENTERED", numeratorLabel: "基层医疗卫生机构卫生人员数", denominatorLabel: "各级卫生人员总数", targets: [40, 41, 42, 43] },
  { code: "COLLEGE_DEGREE_SHARE", name: "大专及以上学历卫生技术人员占比", unit: "%", base: 100, source: "REGISTRY", numeratorLabel: "大专及以上学历的在库医师", denominatorLabel: "在库医师", targets: [85, 87, 89, 90] },
  { code: "MID_TITLE_SHARE", name: "卫生技术人员中拥有中级及以上职称人员占比", unit: "%", base: 100, source: "REGISTRY", numeratorLabel: "中级及以上职称的在库医师", denominatorLabel: "在库医师", targets: [60, 62, 64, 65] },
  { code: "VILLAGE_DOCTOR_LICENSED_SHARE", name: "乡村医生队伍中执业（助理）医师占比", unit: "%", base: 100, source: "ENTERED", numeratorLabel: "执业（助理）医师数", denominatorLabel: "乡村医生总数", targets: [40, 45, 50, 55] },
];

/** Per region: residents in 2022, and each entered indicator's 2022 level and yearly rise. */
const REGIONS: { key: OrgKey; residents: number; staff: number; gp: number; share: number; villageDoctors: number; licensed: number }[] = [
  { key: "SX_BUREAU", residents: 5_350_000, staff: 3.3, gp: 4.1, share: 39, villageDoctors: 3900, licensed: 36 },
  { key: "YC_BUREAU", residents: 1_120_000, staff: 3.0, gp: 4.6, share: 35, villageDoctors: 420, licensed: 44 },
  { key: "KQ_BUREAU", residents: 1_100_000, staff: 3.4, gp: 4.2, share: 41, villageDoctors: 760, licensed: 38 },
  { key: "SY_BUREAU", residents: 790_000, staff: 3.2, gp: 3.9, share: 40, villageDoctors: 610, licensed: 35 },
  { key: "ZJ_BUREAU", residents: 1_220_000, staff: 3.1, gp: 3.8, share: 38, villageDoctors: 880, licensed: 33 },
  { key: "SZ_BUREAU", residents: 680_000, staff: 3.6, gp: 4.0, share: 43, villageDoctors: 720, licensed: 31 },
  { key: "XC_BUREAU", residents: 440_000, staff: 3.7, gp: 4.4, share: 44, villageDoctors: 510, licensed: 34 },
];

/** Contracts of 农村订单定向免费医学生 (本科: six years of service after graduation). */
const STUDENTS: { name: string; school: string; graduationYear: number; serviceYears: number; start: string; org: OrgKey; note?: string }[] = [
  { name: "陈思远", school: "温州医科大学", graduationYear: 2019, serviceYears: 6, start: "2019-09-01", org: "SY_ZZ" },
  { name: "何雨桐", school: "杭州医学院", graduationYear: 2020, serviceYears: 6, start: "2020-09-01", org: "ZJ_FQ" },
  { name: "徐浩然", school: "温州医科大学", graduationYear: 2021, serviceYears: 6, start: "2021-09-01", org: "SZ_GL" },
  { name: "钱梦瑶", school: "浙江中医药大学", graduationYear: 2022, serviceYears: 6, start: "2022-09-01", org: "XC_RA" },
  { name: "俞晨阳", school: "杭州医学院", graduationYear: 2023, serviceYears: 6, start: "2023-09-01", org: "SY_ZZ" },
  { name: "斯佳琪", school: "温州医科大学", graduationYear: 2024, serviceYears: 6, start: "2024-09-01", org: "SZ_GL" },
  // 专科 (高职) graduates owe three years.
  { name: "吕子豪", school: "金华职业技术学院", graduationYear: 2020, serviceYears: 3, start: "2020-08-01", org: "XC_RA", note: "专科定向，服务期已满" },
  { name: "寿文静", school: "绍兴文理学院", graduationYear: 2027, serviceYears: 6, start: "2027-09-01", org: "ZJ_FQ", note: "在读，毕业后到岗" },
];

const round = (n: number) => Math.round(n);

export async function seedWorkforce(tx: Tx, orgIds: Map<OrgKey, string>, counts: Record<string, number>): Promise<void> {
  counts.workforceIndicators = (
    await tx.workforceIndicator.createMany({
      data: INDICATORS.map(({ targets: _targets, ...i }, index) => ({ ...i, sortOrder: index + 1 })),
      skipDuplicates: true,
    })
  ).count;
  const indicatorId = new Map((await tx.workforceIndicator.findMany({ select: { id: true, code: true } })).map((i) => [i.code, i.id]));
  const staff = await tx.user.findUniqueOrThrow({ where: { username: "staff" }, select: { id: true } });

  const figures: Prisma.WorkforceFigureCreateManyInput[] = [];
  for (const r of REGIONS) {
    WORKFORCE_YEARS.forEach((year, y) => {
      const residents = round(r.residents * (1 + 0.005 * y));
      const grassroots = round((r.staff + 0.09 * y) * (residents / 1000));
      const counted: Record<string, [number, number] | null> = {
        // The city's 2025 count is not in yet: the bureau enters it (tests/e2e/workforce.spec.ts).
        GRASSROOTS_STAFF_PER_1000: r.key === "SX_BUREAU" && year === 2025 ? null : [grassroots, residents],
        GP_PER_10000: [round((r.gp + 0.25 * y) * (residents / 10_000)), residents],
        GRASSROOTS_STAFF_SHARE: [grassroots, round((grassroots * 100) / (r.share + 0.6 * y))],
        COLLEGE_DEGREE_SHARE: null,
        MID_TITLE_SHARE: null,
        VILLAGE_DOCTOR_LICENSED_SHARE: [round((r.villageDoctors - 20 * y) * ((r.licensed + 3.5 * y) / 100)), r.villageDoctors - 20 * y],
      };
      for (const indicator of INDICATORS) {
        const pair = counted[indicator.code] ?? null;
        figures.push({
          indicatorId: indicatorId.get(indicator.code)!,
          organizationId: orgIds.get(r.key)!,
          year,
          target: indicator.targets[y]!,
          numerator: pair ? pair[0] : null,
          denominator: pair ? pair[1] : null,
          enteredById: staff.id,
          enteredAt: shanghai(`${year + 1}-03-15 10:00`),
        });
      }
    });
  }
  counts.workforceFigures = (await tx.workforceFigure.createMany({ data: figures, skipDuplicates: true })).count;

  counts.targetedStudents = (
    await tx.targetedStudent.createMany({
      data: STUDENTS.map((s) => ({
        name: s.name,
        school: s.school,
        graduationYear: s.graduationYear,
        serviceYears: s.serviceYears,
        serviceStartDate: day(s.start),
        serviceOrgId: orgIds.get(s.org)!,
        note: s.note ?? null,
        createdById: staff.id,
      })),
      skipDuplicates: true,
    })
  ).count;
}
