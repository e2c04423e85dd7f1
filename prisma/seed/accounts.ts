// Demo accounts: one per role at least, simple usernames, all sharing DEMO_PASSWORD (see prisma/seed.ts).
import type { Role } from "@/lib/generated/prisma/enums";
import type { OrgKey } from "./organizations";

export interface AccountSeed {
  username: string;
  role: Role;
  org: OrgKey;
  displayName: string;
  /** For DOCTOR accounts: the name of the doctor in the registry (unique within `org`). */
  doctorName?: string;
  phone?: string;
}

export const ACCOUNTS: AccountSeed[] = [
  // 徐彤 of the bureau's 政治处 receives the registration forms in seed 000.
  { username: "admin", role: "BUREAU_ADMIN", org: "SX_BUREAU", displayName: "徐彤" },
  { username: "staff", role: "BUREAU_STAFF", org: "SX_BUREAU", displayName: "沈佳怡" },
  { username: "nominator", role: "HOSPITAL_NOMINATOR", org: "SXRM", displayName: "王晓燕" },
  { username: "nominator2", role: "HOSPITAL_NOMINATOR", org: "ZJRM", displayName: "楼建芬" },
  { username: "receiver", role: "RECEIVING_SUPERVISOR", org: "AWT_HOSP", displayName: "艾尔肯·买买提" },
  { username: "doctor", role: "DOCTOR", org: "SXRM", displayName: "沈一鸣", doctorName: "沈一鸣" },
  { username: "auditor", role: "AUDITOR", org: "SX_BUREAU", displayName: "钱国平" },
  { username: "wz-admin", role: "BUREAU_ADMIN", org: "WZ_BUREAU", displayName: "谭晓红" },
  // The in-service cohort of seed 001 (prisma/seed/service-cohort.ts): a doctor serving at 分水镇中心卫生院,
  // and that centre's supervisor, who has several seconded doctors to look after.
  { username: "wz-doctor", role: "DOCTOR", org: "WZRM", displayName: "谭晓宇", doctorName: "谭晓宇" },
  { username: "wz-receiver", role: "RECEIVING_SUPERVISOR", org: "WZ_FS", displayName: "冉德华" },
  // Seed 001's 规划财务科 pays the fund pool's subsidies (docs/decisions/003-finance-role.md).
  { username: "finance", role: "FINANCE_OFFICER", org: "WZ_BUREAU", displayName: "陈丽萍" },
];
