// The demo's hand-over packet (交接) on the Wanzhou cohort (prisma/seed/service-cohort.ts): 向成, who
// leaves 龙驹镇中心卫生院 within weeks, has filed what 蒋波 (arriving five days before he leaves)
// takes over — open cases, his mentees (from his mentoring pairs), the projects under way, contacts.
// Nobody has read it yet: 蒋波 and the centre's supervisor find it waiting. 向成 has no account in the
// demo, so the packet is inserted directly with its audit row (a system act), as submitted two days
// ago. Idempotent: nothing is written when the packet exists.
import { audit } from "../../lib/audit";
import { shanghaiDay } from "../../lib/domain/dispatch";
import { addDays } from "../../lib/domain/service-period";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { COHORT_BUREAU } from "./service-cohort";

const AUTHOR = "向成";

export async function seedServiceHandover(prisma: PrismaClient, now = new Date()): Promise<number> {
  const dispatch = await prisma.dispatch.findFirst({
    where: { status: "ACTIVE", doctor: { name: AUTHOR }, program: { bureau: { name: COHORT_BUREAU } } },
    select: { id: true, handover: { select: { id: true } }, receivingOrg: { select: { name: true } }, successor: { select: { doctor: { select: { name: true } } } }, mentoringPairs: { select: { menteeName: true, menteeTitle: true, goals: true, outcome: true }, orderBy: { startDate: "asc" } } },
  });
  if (!dispatch || dispatch.handover) return 0;
  const submittedAt = new Date(`${addDays(shanghaiDay(now), -2)}T16:30:00+08:00`);
  const mentees = dispatch.mentoringPairs.length
    ? dispatch.mentoringPairs.map((m) => `${m.menteeName}（${m.menteeTitle ?? "本院医生"}）：${m.goals}${m.outcome === "IN_PROGRESS" ? "，仍在带教，请继续每周一次病例讨论。" : "，已结业。"}`).join("\n")
    : "无";
  const successor = dispatch.successor?.doctor.name ?? "接任医生";
  return prisma.$transaction(async (tx) => {
    const packet = await tx.handoverPacket.create({
      data: {
        dispatchId: dispatch.id,
        openCases: [
          "刘某某，男，68岁，慢阻肺急性加重出院后两周，家庭病床随访中，下次随访本周五，注意血氧。",
          "黄某某，女，54岁，2型糖尿病血糖控制不佳，已调整胰岛素方案，请两周后复查糖化血红蛋白。",
          "高血压签约患者 37 人的季度随访表已完成 29 人，余 8 人名单在内科护士站。",
        ].join("\n"),
        mentees,
        projects: [
          "慢阻肺规范化管理：肺功能仪已到位，操作培训完成两期，第三期定于下月第一周，请与院办联系。",
          "家庭医生签约随访信息化：与区人民医院信息科对接，随访模板已上线试用，待收集反馈。",
        ].join("\n"),
        contacts: [
          `${dispatch.receivingOrg.name} 院长 冉德明 023-5861 2001`,
          "内科护士长 谭小琴 138 0838 2212（家庭病床排班）",
          "区人民医院信息科 熊工 023-5812 3360（随访系统）",
        ].join("\n"),
        notes: `${successor}到岗后的第一周我仍在岗，可一起查房交接。`,
        submittedAt,
        updatedAt: submittedAt,
      },
      select: { id: true, dispatchId: true, submittedAt: true },
    });
    await audit(tx, { actor: null, action: "handover.submit", entity: "HandoverPacket", entityId: packet.id, after: packet });
    return 1;
  });
}
