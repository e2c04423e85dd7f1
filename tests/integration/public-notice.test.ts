// The public notice (公示) and the frozen list on real PostgreSQL, with the demo seed: publishing,
// objections inside the window only (one after it refused with nothing written), answers, a
// withdrawal through the vetting decision path, confirmation after the window with no objection
// open, the SHA-256 of the canonical content, later changes as new versions only, the database's
// append-only guards, and dispatch creation from the current confirmed version only.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDispatch } from "@/lib/server/dispatches";
import { answerObjection, confirmList, fileObjection, publishNotice, withdrawAppointee } from "@/lib/server/public-notice";
import { noticeText, noticeView } from "@/lib/server/public-notice-queries";
import { demoWorld, makeDoctor, makeShortProgram, placeApplication, SXRM } from "./setup/vetting-fixtures";

const w = demoWorld();
/** `day` 10:00 in Beijing. 2026-12-07 is a Monday. */
const on = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** An approved application of a new doctor, with its approval decision, on the programme's post. */
async function appointee(postId: string, name: string): Promise<string> {
  const unit = w.demo.org(SXRM);
  const doctorId = await makeDoctor(w.db.prisma, unit, name);
  const id = await placeApplication(w.db.prisma, { postId, doctorId, nominatingOrgId: unit, createdById: w.demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
  await w.db.prisma.stageDecision.create({ data: { applicationId: id, stage: "APPROVAL", outcome: "PASS", decidedById: w.demo.userId("staff"), decidedAt: on("2026-12-03") } });
  return id;
}

/** What a refused act must leave behind: nothing. */
async function counts() {
  const p = w.db.prisma;
  return { notices: await p.publicNotice.count(), objections: await p.noticeObjection.count(), answers: await p.noticeObjectionAnswer.count(), versions: await p.frozenListVersion.count(), audit: await p.auditLog.count(), decisions: await p.stageDecision.count() };
}

describe("the public notice of a batch, its objections and the frozen list", () => {
  let programId = "";
  let postId = "";
  let noticeId = "";
  const app: Record<string, string> = {};

  it("staff publish the approved list for 5 working days; other roles and bureaus are refused", async () => {
    ({ programId, postId } = await makeShortProgram(w.db.prisma, w.demo, 4));
    for (const name of ["王一", "李二", "张三"]) app[name] = await appointee(postId, name);
    const before = await counts();
    for (const who of ["nominator", "doctor", "receiver", "auditor"] as const) {
      await expect(publishNotice(w.db.prisma, w.s[who], { programId }, on("2026-12-07")), who).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(publishNotice(w.db.prisma, w.s["wz-admin"], { programId }, on("2026-12-07"))).rejects.toMatchObject({ code: "notFound" });
    await expect(publishNotice(w.db.prisma, w.s.staff, { programId, rotationBatch: 2 }, on("2026-12-07"))).rejects.toMatchObject({ fieldErrors: { rotationBatch: ["batchOutOfRange"] } });
    await expect(publishNotice(w.db.prisma, w.s.staff, { programId, startDate: "2026-12-01" }, on("2026-12-07"))).rejects.toMatchObject({ fieldErrors: { startDate: ["startInPast"] } });
    expect(await counts()).toEqual(before);

    const notice = await publishNotice(w.db.prisma, w.s.staff, { programId, note: "如有异议，请于公示期内向市卫健委人事处反映。" }, on("2026-12-07"));
    noticeId = notice.id;
    expect(notice).toMatchObject({ startDate: "2026-12-07", endDate: "2026-12-11", workingDays: 5, names: 3 });
    const row = await w.db.prisma.publicNotice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(sha(row.content)).toBe(row.contentHash);
    expect(JSON.parse(row.content).entries.map((e: { doctor: string }) => e.doctor).sort()).toEqual(["张三", "李二", "王一"].sort());
    const audit = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "notice.publish", entityId: notice.id } });
    expect(JSON.stringify(audit.after)).toContain("2026-12-07 – 2026-12-11");
    await expect(publishNotice(w.db.prisma, w.s.staff, { programId }, on("2026-12-08"))).rejects.toMatchObject({ code: "conflict", message: "noticeRunning" });
    // 报名编号 beside each name, on the notice and in its text (looked up, not part of the hashed content).
    await w.db.prisma.application.update({ where: { id: app["王一"]! }, data: { registrationNo: "2026-测试-007" } });
    const view = await noticeView(w.db.prisma, w.s.staff, programId, 1, on("2026-12-07"));
    expect(view.notice!.entries.find((e) => e.doctor === "王一")!.registrationNo).toBe("2026-测试-007");
    expect(view.notice!.entries.find((e) => e.doctor === "李二")!.registrationNo).toBeNull();
    expect((await noticeText(w.db.prisma, w.s.staff, programId, 1, (key) => key)).text).toContain("2026-测试-007\t王一\t");
  });

  it("anyone signed in who sees the programme objects inside the window; after it, refused with nothing written", async () => {
    const filed = await fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: app["王一"], reason: "据了解，该同志近三年有一年年度考核不合格。" }, on("2026-12-08"));
    expect(filed).toMatchObject({ status: "OPEN", applicationId: app["王一"] });
    await fileObjection(w.db.prisma, w.s.nominator, { noticeId, applicationId: app["李二"], reason: "该同志职称取得时间有误。" }, on("2026-12-11", 23));
    expect(await w.db.prisma.notification.count({ where: { kind: "objectionFiled", userId: w.demo.userId("staff") } })).toBe(2);
    expect(await w.db.prisma.auditLog.count({ where: { action: "notice.object" } })).toBe(2);

    const before = await counts();
    // Saturday after the last day (Friday 11 Dec), and the very first minute after it in Beijing.
    await expect(fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: app["张三"], reason: "迟到的异议。" }, on("2026-12-12"))).rejects.toMatchObject({ code: "conflict", message: "noticeWindowClosed", details: { end: "2026-12-11" } });
    await expect(fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: app["张三"], reason: "迟到的异议。" }, new Date("2026-12-11T16:00:00Z"))).rejects.toMatchObject({ message: "noticeWindowClosed" });
    await expect(fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: app["张三"], reason: "太早的异议。" }, on("2026-12-06"))).rejects.toMatchObject({ message: "noticeNotStarted" });
    await expect(fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: "nope", reason: "不在名单上。" }, on("2026-12-08"))).rejects.toMatchObject({ fieldErrors: { applicationId: ["notOnNotice"] } });
    await expect(fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: app["张三"], reason: " " }, on("2026-12-08"))).rejects.toMatchObject({ fieldErrors: { reason: ["reasonRequired"] } });
    await expect(fileObjection(w.db.prisma, w.s["wz-admin"], { noticeId, applicationId: app["张三"], reason: "别的卫健委。" }, on("2026-12-08"))).rejects.toMatchObject({ code: "notFound" });
    expect(await counts()).toEqual(before);
  });

  it("the list is not confirmed while the window runs, nor with an objection open", async () => {
    const before = await counts();
    await expect(confirmList(w.db.prisma, w.s.staff, { programId }, on("2026-12-11"))).rejects.toMatchObject({ message: "noticeWindowOpen" });
    await expect(confirmList(w.db.prisma, w.s.staff, { programId }, on("2026-12-14"))).rejects.toMatchObject({ message: "openObjections" });
    await expect(confirmList(w.db.prisma, w.s.nominator, { programId }, on("2026-12-14"))).rejects.toMatchObject({ code: "forbidden" });
    expect(await counts()).toEqual(before);
  });

  it("staff answer each objection once; others may not; the objector is told", async () => {
    const objections = await w.db.prisma.noticeObjection.findMany({ orderBy: { filedAt: "asc" }, select: { id: true } });
    await expect(answerObjection(w.db.prisma, w.s.doctor, { objectionId: objections[0]!.id, answer: "自己答复。" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(answerObjection(w.db.prisma, w.s["wz-admin"], { objectionId: objections[0]!.id, answer: "别处答复。" })).rejects.toMatchObject({ code: "notFound" });
    const answered = await answerObjection(w.db.prisma, w.s.staff, { objectionId: objections[0]!.id, answer: "经核查，该同志近三年年度考核均为合格以上，异议不成立。" }, on("2026-12-09"));
    expect(answered).toMatchObject({ status: "ANSWERED" });
    await expect(answerObjection(w.db.prisma, w.s.staff, { objectionId: objections[0]!.id, answer: "再答一次。" })).rejects.toMatchObject({ message: "alreadyAnswered" });
    expect(await w.db.prisma.notification.count({ where: { kind: "objectionAnswered", userId: w.demo.userId("doctor") } })).toBe(1);
    await answerObjection(w.db.prisma, w.s.admin, { objectionId: objections[1]!.id, answer: "经核查属实，已撤销其人选。" }, on("2026-12-14", 9));
  });

  it("staff withdraw an appointee with a reason: a withdrawal decision like any other", async () => {
    await expect(withdrawAppointee(w.db.prisma, w.s.nominator, { applicationId: app["李二"], reason: "职称取得时间不符。" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(withdrawAppointee(w.db.prisma, w.s.staff, { applicationId: app["李二"], reason: "" })).rejects.toMatchObject({ fieldErrors: { reason: ["reasonRequired"] } });
    const done = await withdrawAppointee(w.db.prisma, w.s.staff, { applicationId: app["李二"], reason: "经核查，职称取得时间不符合条件。" }, on("2026-12-14", 9));
    expect(done.version).toBeNull();
    const decision = await w.db.prisma.stageDecision.findFirstOrThrow({ where: { applicationId: app["李二"] }, orderBy: { decidedAt: "desc" } });
    expect(decision).toMatchObject({ stage: "APPROVAL", outcome: "WITHDRAW", reason: "经核查，职称取得时间不符合条件。" });
    expect((await w.db.prisma.application.findUniqueOrThrow({ where: { id: app["李二"] } })).status).toBe("WITHDRAWN");
    expect(await w.db.prisma.auditLog.count({ where: { entityId: app["李二"], action: { in: ["application.correct", "notice.withdraw"] } } })).toBe(2);
    await expect(withdrawAppointee(w.db.prisma, w.s.staff, { applicationId: app["李二"], reason: "再撤一次。" })).rejects.toMatchObject({ message: "notAnAppointee" });
  });

  it("no one is dispatched before the list is confirmed", async () => {
    await expect(createDispatch(w.db.prisma, w.s.staff, { applicationId: app["王一"], startDate: "2027-02-15" })).rejects.toMatchObject({ code: "conflict", message: "listNotConfirmed" });
  });

  it("after the window, every objection answered: version 1, frozen with the SHA-256 of its canonical content", async () => {
    const v1 = await confirmList(w.db.prisma, w.s.staff, { programId }, on("2026-12-14"));
    expect(v1).toMatchObject({ version: 1, names: 2, reason: null });
    const row = await w.db.prisma.frozenListVersion.findUniqueOrThrow({ where: { id: v1.id } });
    expect(row.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(sha(row.content)).toBe(row.contentHash);
    expect(JSON.parse(row.content).entries.map((e: { doctor: string }) => e.doctor).sort()).toEqual(["张三", "王一"].sort());
    // The withdrawal changed the list since the notice: another hash.
    const notice = await w.db.prisma.publicNotice.findUniqueOrThrow({ where: { id: noticeId } });
    expect(row.contentHash).not.toBe(notice.contentHash);
    expect(await w.db.prisma.auditLog.count({ where: { action: "notice.confirm", entityId: v1.id } })).toBe(1);
    await expect(publishNotice(w.db.prisma, w.s.staff, { programId }, on("2026-12-15"))).rejects.toMatchObject({ message: "alreadyConfirmed" });
    await expect(fileObjection(w.db.prisma, w.s.doctor, { noticeId, applicationId: app["张三"], reason: "确认后的异议。" }, on("2026-12-15"))).rejects.toMatchObject({ message: "noticeWindowClosed" });
  });

  it("dispatches come from the current confirmed version only", async () => {
    const d = await createDispatch(w.db.prisma, w.s.staff, { applicationId: app["王一"], startDate: "2027-02-15" });
    expect(d.status).toBe("PLANNED");
    app["赵四"] = await appointee(postId, "赵四"); // a replacement approved after the confirmation
    await expect(createDispatch(w.db.prisma, w.s.staff, { applicationId: app["赵四"], startDate: "2027-02-15" })).rejects.toMatchObject({ code: "conflict", message: "notOnConfirmedList", details: { version: "1" } });
  });

  it("a later change is a new version with its own hash and reason; the old version stays as it was", async () => {
    const v1 = await w.db.prisma.frozenListVersion.findFirstOrThrow({ where: { programId, version: 1 } });
    await expect(confirmList(w.db.prisma, w.s.staff, { programId }, on("2026-12-16"))).rejects.toMatchObject({ fieldErrors: { reason: ["reasonRequired"] } });
    const v2 = await confirmList(w.db.prisma, w.s.staff, { programId, reason: "李二撤销后，按名次递补赵四。" }, on("2026-12-16"));
    expect(v2).toMatchObject({ version: 2, names: 3, reason: "李二撤销后，按名次递补赵四。" });
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(await w.db.prisma.frozenListVersion.findUniqueOrThrow({ where: { id: v1.id } })).toEqual(v1);
    const audit = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "notice.list_changed", entityId: v2.id } });
    expect(audit.after).toMatchObject({ added: ["赵四（全科医生）"], removed: [], version: 2 });
    await expect(confirmList(w.db.prisma, w.s.staff, { programId, reason: "再确认一次。" }, on("2026-12-16"))).rejects.toMatchObject({ message: "listUnchanged" });
    expect((await createDispatch(w.db.prisma, w.s.staff, { applicationId: app["赵四"], startDate: "2027-02-15" })).status).toBe("PLANNED");
  });

  it("withdrawing after confirmation appends the next version at once; a dispatched appointee must be cancelled first", async () => {
    await expect(withdrawAppointee(w.db.prisma, w.s.staff, { applicationId: app["王一"], reason: "本人因病申请退出。" })).rejects.toMatchObject({ message: "appointeeDispatched" });
    const done = await withdrawAppointee(w.db.prisma, w.s.staff, { applicationId: app["张三"], reason: "本人因家庭原因申请退出。" }, on("2026-12-17"));
    expect(done.version).toMatchObject({ version: 3, names: 2, reason: "本人因家庭原因申请退出。" });
    const hashes = (await w.db.prisma.frozenListVersion.findMany({ where: { programId }, orderBy: { version: "asc" } })).map((v) => v.contentHash);
    expect(new Set(hashes).size).toBe(3);
  });

  it("the database refuses rewriting notices, objections, answers and versions", async () => {
    for (const table of ["PublicNotice", "NoticeObjection", "NoticeObjectionAnswer", "FrozenListVersion"]) {
      await expect(w.db.prisma.$executeRawUnsafe(`UPDATE "${table}" SET "id" = "id"`), table).rejects.toThrow(/append-only/);
      await expect(w.db.prisma.$executeRawUnsafe(`DELETE FROM "${table}"`), table).rejects.toThrow(/append-only/);
    }
    await expect(w.db.prisma.$executeRawUnsafe(`INSERT INTO "FrozenListVersion" ("id","programId","rotationBatch","version","noticeId","content","contentHash","applicationIds","confirmedById") SELECT 'x', "programId", 1, 9, "noticeId", '{}', 'not-a-hash', '[]', "confirmedById" FROM "FrozenListVersion" LIMIT 1`)).rejects.toThrow(/check/i);
  });
});
