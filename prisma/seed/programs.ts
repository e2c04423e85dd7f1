// The two demo programmes: seed 000 (绍兴市第八批援疆医生选派) and seed 001 (万州区“县聘乡用”).
import type { AttachmentKind, ProgramKind, ProgramStatus, StageKind } from "@/lib/generated/prisma/enums";
import { materialiseTemplate } from "@/lib/domain/program-templates";
import type { OrgKey } from "./organizations";
import { shanghai } from "./util";

// ───────────── Eligibility rule trees ─────────────
// The JSON shape the rule engine reads (lib/schemas/eligibility.ts will validate it with zod):
// groups { op: "ALL" | "ANY", children } and { op: "NOT", child }, leaves { op: "leaf", kind, ... }.
import type { RuleNode } from "@/lib/schemas/eligibility";

export type { RuleNode };

const all = (...children: RuleNode[]): RuleNode => ({ op: "ALL", children });
const any = (...children: RuleNode[]): RuleNode => ({ op: "ANY", children });

export interface StageSeed { kind: StageKind; opensAt: Date; closesAt: Date; ratio?: number }
export interface PostSeed {
  receiving: OrgKey;
  title: string;
  specialty: string;
  headcount: number;
  rotationBatch: number;
  description?: string;
  rule?: { name: string; tree: RuleNode };
  /** Nominating organisations with their minimum number of nominees for this post. */
  quotas?: { org: OrgKey; minimum: number }[];
}
export interface ProgramSeed {
  bureau: OrgKey;
  kind: ProgramKind;
  name: string;
  year: number;
  batchNumber: number | null;
  status: ProgramStatus;
  serviceMonths: number;
  rotationBatches: number;
  description: string;
  /** In timeline order; `sequence` is the position in this list, from 1. closesAt is exclusive. */
  stages: StageSeed[];
  cutoffs: { code: string; label: string; date: string }[];
  /** The documents each stage requires (issue 15); none when absent. */
  documents?: { stage: StageKind; kind: AttachmentKind }[];
  programRules: { name: string; tree: RuleNode }[];
  posts: PostSeed[];
}

// ───────────── Seed 000: 绍兴市第八批援疆医生选派 ─────────────

const AGE_CUTOFF = "2013-12-31"; // "年龄……计算到2013年12月底"
const TENURE_CUTOFF = "2013-10-31"; // "年限计算截止到2013年10月底"

const XINJIANG_SPECIALTIES = ["口腔科", "眼科", "耳鼻喉科", "重症监护科", "麻醉科", "新生儿科"] as const;
type XinjiangPosition = "副院长" | (typeof XINJIANG_SPECIALTIES)[number];

// Who is expected to nominate for what ("市直医疗单位有针对性地推荐1－3人以上，各县（市、区）卫生局每一个职位
// 至少各推荐1－2人"). City hospitals are targeted at the positions their departments can fill; county bureaus
// at the positions their county hospitals can fill (越城区 has no district hospital in the demo data, and its
// doctors work in the city hospitals, so it gets no quota). Each targeted pair is a minimum of 1 on the post
// of each batch, i.e. 2 per position over the two batches: the "1–2 per position" of the seed.
const NOMINATORS: Record<XinjiangPosition, OrgKey[]> = {
  副院长: ["SXRM", "SXZX", "KQ_BUREAU", "SY_BUREAU", "ZJ_BUREAU", "SZ_BUREAU", "XC_BUREAU"],
  口腔科: ["SXZX", "KQ_BUREAU", "ZJ_BUREAU", "XC_BUREAU"],
  眼科: ["SXRM", "SXZY", "SY_BUREAU", "ZJ_BUREAU", "XC_BUREAU"],
  耳鼻喉科: ["SXRM", "SXZY", "KQ_BUREAU", "ZJ_BUREAU"],
  重症监护科: ["SXRM", "SXZX", "SY_BUREAU", "ZJ_BUREAU"],
  麻醉科: ["SXRM", "SXZX", "SXFY", "SY_BUREAU", "ZJ_BUREAU", "SZ_BUREAU"],
  新生儿科: ["SXFY", "KQ_BUREAU", "ZJ_BUREAU", "SZ_BUREAU"],
};

const VICE_PRESIDENT_RULE: RuleNode = all(
  { op: "leaf", kind: "specialtyIn", values: ["泌尿外科"] },
  any(
    { op: "leaf", kind: "titleHeldYears", level: "INTERMEDIATE", specialty: "泌尿外科", years: 2, on: TENURE_CUTOFF },
    { op: "leaf", kind: "titleAtLeast", level: "ASSOCIATE_SENIOR", specialty: "泌尿外科" },
  ),
  any(
    { op: "leaf", kind: "positionAtLeast", rank: "DEPARTMENT_HEAD", orgLevel: "COUNTY" },
    { op: "leaf", kind: "positionAtLeast", rank: "ATTENDING_LEAD", orgLevel: "CITY" },
  ),
);

// "分两批次赴疆，每批次7人，在疆工作时间为一年半": the 14 places are modelled as 14 posts of headcount 1,
// seven in rotation batch 1 and seven in batch 2 (one vice-president and one doctor of each specialty per
// batch). A Post carries one rotationBatch, so "headcount 2" could not say that the two places leave 18
// months apart; and with one post per batch each is shortlisted (1:3), reported (1:2), approved and
// dispatched on its own, while "posts' worth" still sums to the seed's 14.
function xinjiangPosts(): PostSeed[] {
  const posts: PostSeed[] = [];
  for (const batch of [1, 2]) {
    const batchText = batch === 1 ? "第一批次" : "第二批次";
    posts.push({
      receiving: "AWT_HOSP",
      title: "副院长",
      specialty: "泌尿外科",
      headcount: 1,
      rotationBatch: batch,
      description: `阿瓦提县人民医院副院长（泌尿外科），${batchText}，在疆工作一年半。`,
      rule: {
        name: "副院长任职条件：泌尿外科中级职称2年以上或副高职称；现任县（市）级医院泌尿外科主任以上或市级医院泌尿外科主诊医师以上",
        tree: VICE_PRESIDENT_RULE,
      },
      quotas: NOMINATORS["副院长"].map((org) => ({ org, minimum: 1 })),
    });
    for (const specialty of XINJIANG_SPECIALTIES) {
      posts.push({
        receiving: "AWT_HOSP",
        title: `${specialty}医生`,
        specialty,
        headcount: 1,
        rotationBatch: batch,
        description: `阿瓦提县人民医院${specialty}医生，${batchText}，在疆工作一年半。`,
        rule: {
          name: `${specialty}医生任职条件：具有${specialty}专业中级及以上职称`,
          tree: all({ op: "leaf", kind: "titleAtLeast", level: "INTERMEDIATE", specialty }),
        },
        quotas: NOMINATORS[specialty].map((org) => ({ org, minimum: 1 })),
      });
    }
  }
  return posts;
}

export const XINJIANG_PROGRAM: ProgramSeed = {
  bureau: "SX_BUREAU",
  kind: "LONG_TERM_AID",
  name: "绍兴市第八批援疆医生选派",
  year: 2013,
  batchNumber: 8,
  status: "OPEN",
  serviceMonths: 18,
  rotationBatches: 2,
  description:
    "选派援疆医生14人：阿瓦提县人民医院副院长2人，口腔科、眼科、耳鼻喉科、重症监护科、麻醉科、新生儿科医生各2名。" +
    "分两批次赴疆，每批次7人，在疆工作一年半。公开报名、择优选拔；报名材料报市卫生局政治处徐彤处（联系电话85080558）。",
  // Times are Asia/Shanghai wall-clock, stored as UTC instants; closesAt is exclusive, so a whole day
  // "11月12日—13日" closes at 00:00 on the 14th.
  stages: [
    // 报名推荐 from the mobilisation meeting on 8 Nov until "11月11日上午12：00前"
    { kind: "REGISTRATION", opensAt: shanghai("2013-11-08 00:00"), closesAt: shanghai("2013-11-11 12:00") },
    // 资格初审 by the units alongside registration, 8–11 Nov
    { kind: "PRELIMINARY_REVIEW", opensAt: shanghai("2013-11-08 00:00"), closesAt: shanghai("2013-11-12 00:00") },
    // 体检 12–13 Nov
    { kind: "PHYSICAL_EXAM", opensAt: shanghai("2013-11-12 00:00"), closesAt: shanghai("2013-11-14 00:00") },
    // 确定考察对象 1:3 among those who passed the exam, then 考察, 14–19 Nov
    { kind: "INSPECTION_SHORTLIST", opensAt: shanghai("2013-11-14 00:00"), closesAt: shanghai("2013-11-20 00:00"), ratio: 3 },
    { kind: "INSPECTION", opensAt: shanghai("2013-11-14 00:00"), closesAt: shanghai("2013-11-20 00:00") },
    // 上报选派名单 1:2 "11月22日前", read as by the end of 22 Nov
    { kind: "REPORT_LIST", opensAt: shanghai("2013-11-20 00:00"), closesAt: shanghai("2013-11-23 00:00"), ratio: 2 },
    // 正式确定 by the provincial organisation department: the seed gives no date; assumed by year end
    { kind: "APPROVAL", opensAt: shanghai("2013-11-23 00:00"), closesAt: shanghai("2014-01-01 00:00") },
  ],
  cutoffs: [
    { code: "AGE", label: "年龄计算截止日", date: AGE_CUTOFF },
    { code: "TITLE_TENURE", label: "任职年限计算截止日", date: TENURE_CUTOFF },
  ],
  // 申请书 and 家属意见 with the registration, the units' 报名表, the exam's and the inspection's papers:
  // the 援疆 template's checklist (lib/domain/program-templates.ts), one source for both.
  documents: materialiseTemplate("longTermAid", 2013).documents,
  programRules: [
    {
      name: "基本条件：大专以上学历，年龄55岁以下（计算到2013年12月底）",
      tree: all(
        { op: "leaf", kind: "educationAtLeast", level: "JUNIOR_COLLEGE" },
        { op: "leaf", kind: "ageAtMost", years: 55, on: AGE_CUTOFF },
      ),
    },
  ],
  posts: xinjiangPosts(),
};

// ───────────── Seed 001: 万州区“县聘乡用” ─────────────

const HIRE_CUTOFF = "2022-12-31";

export const WANZHOU_PROGRAM: ProgramSeed = {
  bureau: "WZ_BUREAU",
  kind: "COUNTY_HIRE_TOWNSHIP_USE",
  name: "万州区2023年度卫生人才“县聘乡用”",
  year: 2023,
  batchNumber: null,
  status: "DRAFT",
  serviceMonths: 12,
  rotationBatches: 1,
  description:
    "公立医疗机构新招聘在编执业医师类人员五年内到基层医疗卫生机构工作至少一年；无基层工作经历的中级职称执业医师类人员" +
    "（临床、中医、口腔、公卫）在申报副高职称前到基层工作一年。全脱产服务，请假5天以上报领导小组办公室备案并顺延服务期限。",
  // "每年底……上报派遣人员名单……每年初将“县聘乡用”人员调配到位"
  stages: [
    { kind: "REGISTRATION", opensAt: shanghai("2022-12-01 00:00"), closesAt: shanghai("2022-12-21 00:00") },
    { kind: "PRELIMINARY_REVIEW", opensAt: shanghai("2022-12-21 00:00"), closesAt: shanghai("2022-12-31 00:00") },
    { kind: "APPROVAL", opensAt: shanghai("2023-01-01 00:00"), closesAt: shanghai("2023-01-16 00:00") },
  ],
  cutoffs: [{ code: "HIRE", label: "招聘年限计算截止日", date: HIRE_CUTOFF }],
  programRules: [
    {
      name: "选派对象：执业医师类（临床、中医、口腔、公卫）；五年内新招聘，或中级职称且无基层工作经历",
      tree: all(
        { op: "leaf", kind: "practisingCategoryIn", values: ["CLINICAL", "TCM", "DENTAL", "PUBLIC_HEALTH"] },
        any(
          { op: "leaf", kind: "hiredWithinYears", years: 5, on: HIRE_CUTOFF },
          all(
            { op: "leaf", kind: "titleAtLeast", level: "INTERMEDIATE" },
            { op: "leaf", kind: "hasGrassrootsService", value: false },
          ),
        ),
      ),
    },
  ],
  posts: [
    { receiving: "WZ_FS", title: "全科医生", specialty: "全科医学", headcount: 2, rotationBatch: 1, description: "分水镇中心卫生院全科门诊，全脱产服务一年。" },
    { receiving: "WZ_LJ", title: "内科医生", specialty: "内科", headcount: 1, rotationBatch: 1, description: "龙驹镇中心卫生院内科病房，参与教学查房、病例讨论。" },
    { receiving: "WZ_LJ", title: "中医科医生", specialty: "中医科", headcount: 1, rotationBatch: 1, description: "龙驹镇中心卫生院中医科，推广中医适宜技术。" },
    { receiving: "WZ_TL", title: "全科医生", specialty: "全科医学", headcount: 1, rotationBatch: 1, description: "太龙镇卫生院全科门诊及家庭医生签约服务。" },
  ],
};

export const PROGRAMS: ProgramSeed[] = [XINJIANG_PROGRAM, WANZHOU_PROGRAM];
