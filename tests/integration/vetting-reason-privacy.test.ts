// A reason given once for several applications must not reach units it is not about (issue 15: a
// reason naming 诸暨's candidate reached 绍兴's notifications). Batch reasons are the bureau's note:
// kept on the record for staff, neutral notices to units and doctors; a reason on one application
// alone still reaches that application's unit.
import { describe, expect, it } from "vitest";
import { getApplication } from "@/lib/server/application-queries";
import { decide } from "@/lib/server/vetting";
import { demoWorld, makeDoctor, makePost, placeApplication, SXRM, VETTING, ZJRM } from "./setup/vetting-fixtures";

const w = demoWorld();

describe("reasons of batch decisions", () => {
  it("a reason naming 诸暨's candidate reaches neither 绍兴's unit nor its doctor; staff still read it", async () => {
    const postId = await makePost(w.db.prisma, w.demo, 2, "隐私测试岗位");
    const shaoxingDoctor = await makeDoctor(w.db.prisma, w.demo.org(SXRM), "绍兴候选人");
    const zhujiDoctor = await makeDoctor(w.db.prisma, w.demo.org(ZJRM), "诸暨候选人");
    const shaoxingApp = await placeApplication(w.db.prisma, { postId, doctorId: shaoxingDoctor, nominatingOrgId: w.demo.org(SXRM), createdById: w.demo.userId("nominator") });
    const zhujiApp = await placeApplication(w.db.prisma, { postId, doctorId: zhujiDoctor, nominatingOrgId: w.demo.org(ZJRM), createdById: w.demo.userId("nominator2") });
    const reason = "诸暨候选人的家属意见未提交，经电话确认后补交";

    await decide(w.db.prisma, w.s.staff, { applicationIds: [shaoxingApp, zhujiApp], stage: "PRELIMINARY_REVIEW", outcome: "PASS", reason }, VETTING);

    // Every notice of the batch, to either unit, is neutral.
    const notes = await w.db.prisma.notification.findMany({ where: { link: { in: [`/applications/${shaoxingApp}`, `/applications/${zhujiApp}`] } }, select: { userId: true, title: true, body: true } });
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(notes.some((n) => n.userId === w.demo.userId("nominator"))).toBe(true);
    for (const n of notes) expect(`${n.title}${n.body}`).not.toContain("诸暨候选人的家属意见");

    // 绍兴's unit reading its own application does not see the reason; the bureau's staff and auditor do.
    const asUnit = await getApplication(w.db.prisma, w.s.nominator, shaoxingApp);
    const review = (d: typeof asUnit) => d.decisions.find((x) => x.stage === "PRELIMINARY_REVIEW")!;
    expect(review(asUnit)).toMatchObject({ outcome: "PASS", reason: null, reasonStaffOnly: true });
    expect(review(await getApplication(w.db.prisma, w.s.staff, shaoxingApp)).reason).toBe(reason);
    expect(review(await getApplication(w.db.prisma, w.s.auditor, shaoxingApp)).reason).toBe(reason);
  });

  it("a reason on one application alone reaches its unit, as before", async () => {
    const postId = await makePost(w.db.prisma, w.demo, 1, "单人理由岗位");
    const doctorId = await makeDoctor(w.db.prisma, w.demo.org(SXRM), "单人候选人");
    const app = await placeApplication(w.db.prisma, { postId, doctorId, nominatingOrgId: w.demo.org(SXRM), createdById: w.demo.userId("nominator") });
    await decide(w.db.prisma, w.s.staff, { applicationIds: [app], stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "申请书未签名" }, VETTING);
    const toUnit = await w.db.prisma.notification.findFirstOrThrow({ where: { userId: w.demo.userId("nominator"), link: `/applications/${app}` } });
    expect(`${toUnit.title}${toUnit.body}`).toContain("申请书未签名");
    const asUnit = await getApplication(w.db.prisma, w.s.nominator, app);
    expect(asUnit.decisions.find((d) => d.stage === "PRELIMINARY_REVIEW")).toMatchObject({ reason: "申请书未签名", reasonStaffOnly: false });
  });
});
