// The workbench's 待审 panel and a doctor's application history, on real PostgreSQL with the demo
// seed: counts per stage and self-registrations awaiting endorsement, counted in SQL within the
// caller's scope (a unit sees its own, the bureau all of its programmes', a doctor no queue).
import { describe, expect, it } from "vitest";
import { doctorApplications } from "@/lib/server/application-queries";
import { loadWaiting } from "@/lib/server/dashboard";
import { SXRM, ZJRM, demoWorld, placeApplications } from "./setup/vetting-fixtures";

const w = demoWorld();

describe("loadWaiting", () => {
  it("counts applications waiting at each stage and registrations awaiting endorsement, within the caller's scope", async () => {
    const postId = w.demo.post("眼科医生");
    const before = (await loadWaiting(w.db.prisma, w.s.staff))!;
    const at = (waiting: typeof before, stage: string) => waiting.byStage.find((s) => s.stage === stage)?.count ?? 0;

    await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PHYSICAL_EXAM", 2);
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "PHYSICAL_EXAM", 1);
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "REGISTRATION", 3, "PENDING_ENDORSEMENT");
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "PHYSICAL_EXAM", 4, "REJECTED");

    const staff = (await loadWaiting(w.db.prisma, w.s.staff))!;
    expect(at(staff, "PHYSICAL_EXAM") - at(before, "PHYSICAL_EXAM")).toBe(3);
    expect(staff.pendingEndorsement - before.pendingEndorsement).toBe(3);

    // The SQL counts agree with the rows the bureau may see.
    const inProgress = await w.db.prisma.application.count({ where: { status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM", post: { programId: w.demo.programId } } });
    expect(at(staff, "PHYSICAL_EXAM")).toBe(inProgress);

    // 绍兴市人民医院 sees its two, none of 诸暨's registrations.
    const unit = (await loadWaiting(w.db.prisma, w.s.nominator))!;
    const own = await w.db.prisma.application.count({ where: { status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM", nominatingOrgId: w.demo.org(SXRM) } });
    expect(at(unit, "PHYSICAL_EXAM")).toBe(own);
    const ownPending = await w.db.prisma.application.count({ where: { status: "PENDING_ENDORSEMENT", nominatingOrgId: w.demo.org(SXRM) } });
    expect(unit.pendingEndorsement).toBe(ownPending);

    expect(await loadWaiting(w.db.prisma, w.s.doctor)).toBeNull();
    expect(await loadWaiting(w.db.prisma, w.s.receiver)).toBeNull();
  });
});

describe("doctorApplications", () => {
  it("is the doctor's history as far as the reader may see it", async () => {
    const postId = w.demo.post("耳鼻喉科医生");
    const [appId] = await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "REGISTRATION", 1);
    const { doctorId } = await w.db.prisma.application.findUniqueOrThrow({ where: { id: appId }, select: { doctorId: true } });
    expect((await doctorApplications(w.db.prisma, w.s.staff, doctorId)).map((a) => a.id)).toEqual([appId]);
    expect((await doctorApplications(w.db.prisma, w.s.nominator2, doctorId)).map((a) => a.id)).toEqual([appId]);
    // Another hospital's nominator sees none of it.
    expect(await doctorApplications(w.db.prisma, w.s.nominator, doctorId)).toEqual([]);
  });
});
