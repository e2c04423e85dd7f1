// Organisations of the demo: Shaoxing's health system (dispatching side of seed 000), the receiving
// hospital in Awati county, Aksu prefecture, Xinjiang, and Wanzhou district, Chongqing (seed 001).
// Parents come before children in this list; the seed inserts them level by level.
import type { HospitalGrade, OrganizationKind, OrganizationLevel } from "@/lib/generated/prisma/enums";

export interface OrgSeed {
  key: string;
  name: string;
  kind: OrganizationKind;
  level: OrganizationLevel;
  grade?: HospitalGrade;
  region: string;
  parent?: string;
}

export const ORGS = [
  // ── 绍兴 (Zhejiang): the city bureau and its six county/district bureaus ──
  { key: "SX_BUREAU", name: "浙江省绍兴市卫生健康委员会", kind: "BUREAU", level: "CITY", region: "浙江省绍兴市" },
  { key: "YC_BUREAU", name: "绍兴市越城区卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市越城区", parent: "SX_BUREAU" },
  { key: "KQ_BUREAU", name: "绍兴市柯桥区卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市柯桥区", parent: "SX_BUREAU" },
  { key: "SY_BUREAU", name: "绍兴市上虞区卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市上虞区", parent: "SX_BUREAU" },
  { key: "ZJ_BUREAU", name: "诸暨市卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市诸暨市", parent: "SX_BUREAU" },
  { key: "SZ_BUREAU", name: "嵊州市卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市嵊州市", parent: "SX_BUREAU" },
  { key: "XC_BUREAU", name: "新昌县卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市新昌县", parent: "SX_BUREAU" },

  // City-level hospitals (市直医疗单位), directly under the city bureau.
  { key: "SXRM", name: "绍兴市人民医院", kind: "HOSPITAL", level: "CITY", grade: "GRADE_3A", region: "浙江省绍兴市越城区", parent: "SX_BUREAU" },
  { key: "SXZX", name: "绍兴市中心医院", kind: "HOSPITAL", level: "CITY", grade: "GRADE_3B", region: "浙江省绍兴市柯桥区", parent: "SX_BUREAU" },
  { key: "SXZY", name: "绍兴市中医院", kind: "HOSPITAL", level: "CITY", grade: "GRADE_3A", region: "浙江省绍兴市越城区", parent: "SX_BUREAU" },
  { key: "SXFY", name: "绍兴市妇幼保健院", kind: "HOSPITAL", level: "CITY", grade: "GRADE_3A", region: "浙江省绍兴市越城区", parent: "SX_BUREAU" },

  // County-level hospitals (县（市、区）级医院), under their county/district bureau.
  { key: "KQRM", name: "绍兴市柯桥区人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3B", region: "浙江省绍兴市柯桥区", parent: "KQ_BUREAU" },
  { key: "KQZY", name: "绍兴市柯桥区中医医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_2A", region: "浙江省绍兴市柯桥区", parent: "KQ_BUREAU" },
  { key: "SYRM", name: "绍兴市上虞人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3B", region: "浙江省绍兴市上虞区", parent: "SY_BUREAU" },
  { key: "ZJRM", name: "诸暨市人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3B", region: "浙江省绍兴市诸暨市", parent: "ZJ_BUREAU" },
  { key: "SZRM", name: "嵊州市人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3B", region: "浙江省绍兴市嵊州市", parent: "SZ_BUREAU" },
  { key: "XCRM", name: "新昌县人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_2A", region: "浙江省绍兴市新昌县", parent: "XC_BUREAU" },

  // Township health centres (乡镇卫生院) where Shaoxing's targeted medical students serve (seed 002's 定向医学生).
  { key: "SY_ZZ", name: "绍兴市上虞区章镇镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市上虞区章镇镇", parent: "SY_BUREAU" },
  { key: "ZJ_FQ", name: "诸暨市枫桥镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市诸暨市枫桥镇", parent: "ZJ_BUREAU" },
  { key: "SZ_GL", name: "嵊州市甘霖镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市嵊州市甘霖镇", parent: "SZ_BUREAU" },
  { key: "XC_RA", name: "新昌县儒岙镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市新昌县儒岙镇", parent: "XC_BUREAU" },

  // ── 阿瓦提 (Xinjiang): the receiving side of seed 000 ──
  { key: "AWT_BUREAU", name: "阿瓦提县卫生健康委员会", kind: "BUREAU", level: "COUNTY", region: "新疆维吾尔自治区阿克苏地区阿瓦提县" },
  { key: "AWT_HOSP", name: "阿瓦提县人民医院", kind: "RECEIVING_HOSPITAL", level: "COUNTY", grade: "GRADE_2A", region: "新疆维吾尔自治区阿克苏地区阿瓦提县", parent: "AWT_BUREAU" },

  // ── 万州 (Chongqing): seed 001. A district of a municipality ranks as a county (区县级). ──
  { key: "WZ_BUREAU", name: "重庆市万州区卫生健康委员会", kind: "BUREAU", level: "COUNTY", region: "重庆市万州区" },
  { key: "WZRM", name: "重庆市万州区人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3B", region: "重庆市万州区", parent: "WZ_BUREAU" },
  { key: "WZZY", name: "重庆市万州区中医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3A", region: "重庆市万州区", parent: "WZ_BUREAU" },
  { key: "WZYY", name: "重庆市万州区第一人民医院", kind: "HOSPITAL", level: "COUNTY", grade: "GRADE_3B", region: "重庆市万州区", parent: "WZ_BUREAU" },
  { key: "WZ_FS", name: "重庆市万州区分水镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "重庆市万州区分水镇", parent: "WZ_BUREAU" },
  { key: "WZ_LJ", name: "重庆市万州区龙驹镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "重庆市万州区龙驹镇", parent: "WZ_BUREAU" },
  { key: "WZ_TL", name: "重庆市万州区太龙镇卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "重庆市万州区太龙镇", parent: "WZ_BUREAU" },
  // Two more township centres, where the in-service cohort (prisma/seed/service-cohort.ts) also serves.
  { key: "WZ_WL", name: "重庆市万州区武陵镇中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "重庆市万州区武陵镇", parent: "WZ_BUREAU" },
  { key: "WZ_GN", name: "重庆市万州区甘宁镇卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "重庆市万州区甘宁镇", parent: "WZ_BUREAU" },
] as const satisfies readonly OrgSeed[];

export type OrgKey = (typeof ORGS)[number]["key"];

export function orgName(key: OrgKey): string {
  return ORGS.find((o) => o.key === key)!.name;
}
