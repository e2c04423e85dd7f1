// The workbench's to-do inbox (its applications: 待审 per stage, registrations to endorse) and a doctor's application history, on real PostgreSQL with the demo
// seed: counts per stage and self-registrations awaiting endorsement, counted in SQL within the
// caller's scope (a unit sees its own, the bureau all of its programmes', a doctor no queue).
import { describe, expect, it } from "vitest";
import { doctorApplications } from "@/lib/server/application-queries";
import type { Scope } from "@/lib/auth/policy";
import { loadInbox } from "@/lib/server/inbox";
import { SXRM, ZJRM, demoWorld, placeApplications } from "./setup/vetting-fixtures";

const w = demoWorld();

describe("the inbox's applications (loadInbox)", () => {
  it("counts applications waiting at each stage for the bureau and registrations awaiting the unit's endorsement, within the caller's scope", async () => {
    const postId = w.demo.post("眼科医生");
    const count = async (scope: Scope, key: string) => (await loadInbox(w.db.prisma, scope)).items.find((i) => i.key === key)?.count ?? 0;
    const beforeExam = await count(w.s.staff, "review:PHYSICAL_EXAM");

    await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PHYSICAL_EXAM", 2);
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "PHYSICAL_EXAM", 1);
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "REGISTRATION", 3, "PENDING_ENDORSEMENT");
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "PHYSICAL_EXAM", 4, "REJECTED");

    expect((await count(w.s.staff, "review:PHYSICAL_EXAM")) - beforeExam).toBe(3);
    // The SQL counts agree with the rows the bureau may see.
    const inProgress = await w.db.prisma.application.count({ where: { status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM", post: { programId: w.demo.programId } } });
    expect(await count(w.s.staff, "review:PHYSICAL_EXAM")).toBe(inProgress);
    // Endorsing is the unit's work, not the bureau's: 诸暨's three wait on 诸暨 only.
    expect(await count(w.s.staff, "endorse")).toBe(0);
    const zjPending = await w.db.prisma.application.count({ where: { status: "PENDING_ENDORSEMENT", nominatingOrgId: w.demo.org(ZJRM) } });
    expect(await count(w.s.nominator2, "endorse")).toBe(zjPending);
    const sxPending = await w.db.prisma.application.count({ where: { status: "PENDING_ENDORSEMENT", nominatingOrgId: w.demo.org(SXRM) } });
    expect(await count(w.s.nominator, "endorse")).toBe(sxPending);

    // Vetting waits on the bureau: a unit, a doctor and a receiving unit have no review item.
    for (const scope of [w.s.nominator, w.s.doctor, w.s.receiver]) {
      expect((await loadInbox(w.db.prisma, scope)).items.filter((i) => i.kind === "review")).toEqual([]);
    }
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
