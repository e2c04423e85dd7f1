// The demo's selection round in progress, as it stood on 18 November 2013: 绍兴市人民医院 and 诸暨市人民
//医院 nominated on time for three first-batch posts, the bureau vetted them up to the inspection.
// Written through the product's own use cases (at 2013 instants), so the applications carry their
// stage decisions, audit rows and notifications exactly as if the users had done it.
//
// Only `npm start` (first start of the embedded demo) and `npm run db:seed` load it; tests seed
// without it. It leaves alone the first batch's 眼科 post and the doctors the e2e round nominates
// (沈一鸣, 王丽华, 俞伟, 郦建英, 朱建新), so that journey starts from a clean post.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { Scope } from "../../lib/auth/policy";
import { nominate } from "../../lib/server/applications";
import { buildScope } from "../../lib/server/organization-tree";
import { decide, rankShortlist } from "../../lib/server/vetting";
import { attachDemoDocument } from "./round-documents";

const PROGRAM = "绍兴市第八批援疆医生选派";
const at = (shanghai: string) => new Date(`${shanghai}:00+08:00`);

interface Nomination {
  post: string;
  doctor: string;
  by: "nominator" | "nominator2";
  exceptionReason?: string;
}

const NOMINATIONS: Nomination[] = [
  { post: "副院长", doctor: "钱建华", by: "nominator" },
  { post: "副院长", doctor: "楼志刚", by: "nominator2" },
  { post: "副院长", doctor: "宣海峰", by: "nominator2", exceptionReason: "泌尿外科主诊医师，县级医院管理经验丰富，本人意愿强烈" },
  { post: "口腔科医生", doctor: "俞丽萍", by: "nominator" },
  { post: "口腔科医生", doctor: "斯建平", by: "nominator2" },
  { post: "麻醉科医生", doctor: "童国华", by: "nominator" },
  { post: "麻醉科医生", doctor: "沈燕", by: "nominator" },
  { post: "麻醉科医生", doctor: "方芳", by: "nominator2" },
];

/** Loads the round unless the programme already has applications. Returns how many it created. */
export async function seedDemoRound(prisma: PrismaClient): Promise<number> {
  const program = await prisma.program.findFirst({ where: { name: PROGRAM }, select: { id: true } });
  if (!program) return 0;
  if ((await prisma.application.count({ where: { post: { programId: program.id } } })) > 0) return 0;

  const scopes: Record<string, Scope> = {};
  for (const username of ["staff", "nominator", "nominator2"]) {
    const user = await prisma.user.findUnique({ where: { username }, select: { id: true, role: true, organizationId: true, doctorId: true } });
    if (!user) return 0;
    scopes[username] = await buildScope(prisma, user);
  }
  const posts = await prisma.post.findMany({ where: { programId: program.id, rotationBatch: 1 }, select: { id: true, title: true } });
  const postId = (title: string) => posts.find((p) => p.title === title)!.id;

  const ids = new Map<string, string>();
  for (const [i, n] of NOMINATIONS.entries()) {
    const doctor = await prisma.doctor.findFirstOrThrow({ where: { name: n.doctor }, select: { id: true } });
    const when = at(`2013-11-${i < 4 ? "09" : "10"} ${String(9 + i).padStart(2, "0")}:30`);
    const app = await nominate(prisma, scopes[n.by]!, { postId: postId(n.post), doctorId: doctor.id, exceptionReason: n.exceptionReason }, when);
    ids.set(n.doctor, app.id);
  }
  const of = (...names: string[]) => names.map((name) => ids.get(name)!);
  const staff = scopes.staff!;

  // The documents each stage requires (the programme's checklist, issue 15): the units send the
  // registration papers while registration runs; the bureau adds the exam's and the inspection's.
  // 沈燕 sent none; 方芳's 报名表 never came (her preliminary review passed by a written exception).
  const unitOf = new Map(NOMINATIONS.map((n) => [n.doctor, scopes[n.by]!]));
  const send = async (names: string[], kinds: ("APPLICATION_LETTER" | "FAMILY_CONSENT" | "REGISTRATION_FORM" | "PHYSICAL_EXAM" | "INSPECTION_MATERIAL")[], by: "unit" | "bureau", when: Date) => {
    for (const name of names) for (const kind of kinds) await attachDemoDocument(prisma, by === "unit" ? unitOf.get(name)! : staff, ids.get(name)!, kind, name, when);
  };
  await send(["钱建华", "楼志刚", "宣海峰", "俞丽萍", "斯建平", "童国华"], ["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"], "unit", at("2013-11-10 17:00"));
  await send(["方芳"], ["APPLICATION_LETTER", "FAMILY_CONSENT"], "unit", at("2013-11-10 17:10"));

  await decide(
    prisma,
    staff,
    {
      applicationIds: of("钱建华", "楼志刚", "宣海峰", "俞丽萍", "斯建平", "童国华", "方芳"),
      stage: "PRELIMINARY_REVIEW",
      outcome: "PASS",
      reason: "资格初审通过；宣海峰为推荐单位说明理由的例外推荐，经审核同意",
      documentException: "方芳的报名表原件已由诸暨市人民医院寄出，经电话核对内容无误，先予通过初审，原件到后补传",
    },
    at("2013-11-11 16:00"),
  );
  await decide(prisma, staff, { applicationIds: of("沈燕"), stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "援疆工作申请书和家属意见未按要求提交，材料不全" }, at("2013-11-11 16:10"));
  // 童国华's result is in, not yet decided; 方芳's is not: the board warns before 通过.
  await send(["钱建华", "楼志刚", "宣海峰", "俞丽萍", "斯建平", "童国华"], ["PHYSICAL_EXAM"], "bureau", at("2013-11-13 16:00"));
  await decide(prisma, staff, { applicationIds: of("钱建华", "楼志刚", "宣海峰", "俞丽萍", "斯建平"), stage: "PHYSICAL_EXAM", outcome: "PASS" }, at("2013-11-13 17:00"));
  await decide(prisma, staff, { applicationIds: of("斯建平"), stage: "INSPECTION_SHORTLIST", outcome: "WITHDRAW", reason: "本人因家庭原因申请退出" }, at("2013-11-14 10:00"));
  await decide(prisma, staff, { applicationIds: of("钱建华", "楼志刚", "宣海峰"), stage: "INSPECTION_SHORTLIST", outcome: "PASS" }, at("2013-11-14 11:00"));
  await rankShortlist(prisma, staff, { postId: postId("副院长"), applicationIds: of("楼志刚", "钱建华", "宣海峰") });
  await decide(prisma, staff, { applicationIds: of("俞丽萍"), stage: "INSPECTION_SHORTLIST", outcome: "PASS" }, at("2013-11-14 11:05"));
  // 宣海峰's inspection materials are still being written up: he waits at the inspection without them.
  await send(["楼志刚", "钱建华"], ["INSPECTION_MATERIAL"], "bureau", at("2013-11-18 14:00"));
  await decide(prisma, staff, { applicationIds: of("楼志刚", "钱建华"), stage: "INSPECTION", outcome: "PASS", reason: "考察组意见：政治素质好，业务能力强，群众评价好" }, at("2013-11-18 15:00"));
  return NOMINATIONS.length;
}
