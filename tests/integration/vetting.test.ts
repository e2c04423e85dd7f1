// Vetting on real PostgreSQL with the demo seed: who may decide, at which stage, with which reason;
// corrections as appended decisions (the table refuses UPDATE and DELETE); the ratio caps, also when
// officers decide at the same moment through separate connections; the shortlist's ranking; and the
// read side (board, a stage's applications, the list per role, one application's `can` flags, quotas).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionOutcome, StageKind } from "@/lib/generated/prisma/enums";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { getApplication, listApplications, quotaProgress, stageApplications } from "@/lib/server/application-queries";
import { endorse, nominate, register, withdraw } from "@/lib/server/applications";
import { decide, rankShortlist, reopenStage, vettingBoard } from "@/lib/server/vetting";
import {
  LATE,
  ON_TIME,
  VETTING,
  auditRowsSince,
  expectRefused,
  lastAuditId,
  makeDoctor,
  makePost,
  makeShortProgram,
  placeApplication,
  placeApplications,
  refusal,
  type Username,
  SXRM,
  ZJRM,
  attachDocuments,
  demoWorld,
} from "./setup/vetting-fixtures";

const w = demoWorld();
const NOT_DECIDING: Username[] = ["nominator", "nominator2", "doctor", "receiver", "auditor", "wz-admin"];

const refused = (act: () => Promise<unknown>, code: string, message?: string) => expectRefused(w.db.prisma, act, code, message);

function decideAs(who: Username, applicationIds: string[], stage: StageKind, outcome: DecisionOutcome, reason?: string, client: PrismaClient = w.db.prisma) {
  return decide(client, w.s[who], { applicationIds, stage, outcome, reason }, VETTING);
}

async function stateOf(id: string) {
  return w.db.prisma.application.findUniqueOrThrow({ where: { id }, select: { status: true, currentStage: true } });
}

describe("who decides, at which stage", () => {
  let postId = "";
  let ids: string[] = [];

  beforeAll(async () => {
    postId = await makePost(w.db.prisma, w.demo);
    ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 3);
  });

  it("only the programme's bureau (admin, staff) decides; other roles and another bureau are refused, writing nothing", async () => {
    for (const who of NOT_DECIDING) await refused(() => decideAs(who, [ids[0]!], "PRELIMINARY_REVIEW", "PASS", "理由"), "forbidden");
    for (const outcome of ["FAIL", "WITHDRAW"] as const) await refused(() => decideAs("nominator", [ids[0]!], "PRELIMINARY_REVIEW", outcome, "理由"), "forbidden");
    expect(await decideAs("staff", [ids[0]!], "PRELIMINARY_REVIEW", "PASS")).toEqual({ decided: 1 });
    expect(await decideAs("admin", [ids[1]!], "PRELIMINARY_REVIEW", "PASS")).toEqual({ decided: 1 });
    expect(await stateOf(ids[0]!)).toEqual({ status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM" });
    expect(await stateOf(ids[1]!)).toEqual({ status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM" });
  });

  it("refuses forged ids and a selection that mixes a forged id in, writing nothing", async () => {
    await refused(() => decideAs("staff", ["cm0000000000000000000000"], "PRELIMINARY_REVIEW", "PASS"), "notFound");
    await refused(() => decideAs("staff", [ids[2]!, "cm0000000000000000000000"], "PRELIMINARY_REVIEW", "PASS"), "notFound");
    await refused(() => decideAs("staff", [], "PRELIMINARY_REVIEW", "PASS"), "validation");
    await refused(() => decide(w.db.prisma, w.s.staff, { applicationIds: [ids[2]!], stage: "NOT_A_STAGE", outcome: "PASS" }, VETTING), "validation");
    await refused(() => decide(w.db.prisma, w.s.staff, { applicationIds: [ids[2]!], stage: "PRELIMINARY_REVIEW", outcome: "APPROVE" }, VETTING), "validation");
  });

  it("refuses a decision at another stage than the application's, all or nothing, naming the doctor", async () => {
    const wrong = await refused(() => decideAs("staff", [ids[2]!], "PHYSICAL_EXAM", "PASS"), "conflict", "wrongStage");
    expect(wrong.details).toEqual({ doctor: "测试医生3" });
    // ids[0] is at the exam, ids[2] still at the review: the selection is refused as a whole.
    await refused(() => decideAs("staff", [ids[0]!, ids[2]!], "PHYSICAL_EXAM", "PASS"), "conflict", "wrongStage");
    await refused(() => decideAs("staff", [ids[0]!], "APPROVAL", "FAIL", "不符合"), "conflict", "wrongStage");
    expect(await stateOf(ids[0]!)).toEqual({ status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM" });
  });

  it("moves an application through seed 000's seven stages: one decision, one audit row and notices per step", async () => {
    const [id] = await placeApplications(w.db.prisma, w.demo, await makePost(w.db.prisma, w.demo), SXRM, "PRELIMINARY_REVIEW", 1);
    const stages: StageKind[] = ["PRELIMINARY_REVIEW", "PHYSICAL_EXAM", "INSPECTION_SHORTLIST", "INSPECTION", "REPORT_LIST", "APPROVAL"];
    const unitNotes = await w.db.prisma.notification.count({ where: { userId: w.demo.userId("nominator"), link: `/applications/${id}` } });
    for (const [i, stage] of stages.entries()) {
      const mark = await lastAuditId(w.db.prisma);
      await decideAs("staff", [id!], stage, "PASS");
      const rows = await auditRowsSince(w.db.prisma, mark);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: "application.decide", entityId: id, before: { currentStage: stage, status: "IN_PROGRESS" } });
      expect(await stateOf(id!)).toEqual(i < stages.length - 1 ? { status: "IN_PROGRESS", currentStage: stages[i + 1] } : { status: "APPROVED", currentStage: "APPROVAL" });
    }
    const decisions = await w.db.prisma.stageDecision.findMany({ where: { applicationId: id }, orderBy: { decidedAt: "asc" } });
    expect(decisions.map((d) => [d.stage, d.outcome, d.decidedById])).toEqual(stages.map((stage) => [stage, "PASS", w.demo.userId("staff")]));
    expect(await w.db.prisma.notification.count({ where: { userId: w.demo.userId("nominator"), link: `/applications/${id}` } })).toBe(unitNotes + stages.length);
    await refused(() => decideAs("staff", [id!], "APPROVAL", "PASS", "再次"), "conflict", "nothingToCorrect");
  });

  it("refuses to decide a self-registration the unit has not endorsed", async () => {
    const doctorId = await makeDoctor(w.db.prisma, w.demo.org(SXRM), "待推荐医生");
    const pending = await placeApplication(w.db.prisma, { postId, doctorId, nominatingOrgId: w.demo.org(SXRM), createdById: w.demo.userId("doctor"), status: "PENDING_ENDORSEMENT", currentStage: "REGISTRATION" });
    for (const outcome of ["PASS", "FAIL"] as const) await refused(() => decideAs("staff", [pending], "REGISTRATION", outcome, "理由"), "conflict", "awaitingEndorsement");
  });

  it("refuses decisions once the programme is closed", async () => {
    const { programId, postId: shortPost } = await makeShortProgram(w.db.prisma, w.demo);
    const [id] = await placeApplications(w.db.prisma, w.demo, shortPost, SXRM, "PRELIMINARY_REVIEW", 1);
    await w.db.prisma.program.update({ where: { id: programId }, data: { status: "CLOSED" } });
    await refused(() => decideAs("staff", [id!], "PRELIMINARY_REVIEW", "PASS"), "conflict", "programNotVetting");
  });
});

describe("reasons", () => {
  it("passing the preliminary review of a doctor not found eligible needs the override's reason", async () => {
    const postId = await makePost(w.db.prisma, w.demo);
    const [eligible, ineligible, unknown] = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 3);
    await w.db.prisma.application.update({ where: { id: ineligible }, data: { eligibilityVerdict: "INELIGIBLE", exceptionReason: "单位说明" } });
    await w.db.prisma.application.update({ where: { id: unknown }, data: { eligibilityVerdict: "UNKNOWN", exceptionReason: "单位说明" } });
    for (const selection of [[ineligible!], [unknown!], [eligible!, ineligible!]]) {
      const error = await refused(() => decideAs("staff", selection, "PRELIMINARY_REVIEW", "PASS"), "validation", "overrideReasonRequired");
      expect(error.fieldErrors).toEqual({ reason: ["overrideReasonRequired"] });
      await refused(() => decideAs("staff", selection, "PRELIMINARY_REVIEW", "PASS", "   "), "validation", "overrideReasonRequired");
    }
    expect(await decideAs("staff", [eligible!], "PRELIMINARY_REVIEW", "PASS")).toEqual({ decided: 1 });
    expect(await decideAs("staff", [ineligible!, unknown!], "PRELIMINARY_REVIEW", "PASS", "经审核，单位说明成立")).toEqual({ decided: 2 });
    // Only the preliminary review asks for it: the exam takes a plain pass.
    expect(await decideAs("staff", [ineligible!], "PHYSICAL_EXAM", "PASS")).toEqual({ decided: 1 });
    const last = await w.db.prisma.stageDecision.findFirstOrThrow({ where: { applicationId: unknown, stage: "PRELIMINARY_REVIEW" } });
    expect(last.reason).toBe("经审核，单位说明成立");
  });

  it("failing and withdrawing need a reason; huge text is refused; a script is stored as text", async () => {
    const postId = await makePost(w.db.prisma, w.demo);
    const [a, b] = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PHYSICAL_EXAM", 2);
    for (const outcome of ["FAIL", "WITHDRAW"] as const) {
      for (const reason of [undefined, "", "  "]) await refused(() => decideAs("staff", [a!], "PHYSICAL_EXAM", outcome, reason), "validation", "reasonRequired");
    }
    expect((await refused(() => decideAs("staff", [a!], "PHYSICAL_EXAM", "FAIL", "否".repeat(2001)), "validation")).fieldErrors).toEqual({ reason: ["tooLong"] });
    const script = `<script>alert("x")</script>体检不合格`;
    await decideAs("staff", [a!], "PHYSICAL_EXAM", "FAIL", script);
    await decideAs("staff", [b!], "PHYSICAL_EXAM", "WITHDRAW", "本人放弃体检");
    expect(await stateOf(a!)).toEqual({ status: "REJECTED", currentStage: "PHYSICAL_EXAM" });
    expect(await stateOf(b!)).toEqual({ status: "WITHDRAWN", currentStage: "PHYSICAL_EXAM" });
    const stored = await w.db.prisma.$queryRaw<{ reason: string }[]>`SELECT reason FROM "StageDecision" WHERE "applicationId" = ${a}`;
    expect(stored.map((r) => r.reason)).toEqual([script]);
  });
});

describe("corrections", () => {
  it("a new pass on a rejected application, with a reason, reinstates it; the earlier decision is unchanged", async () => {
    const postId = await makePost(w.db.prisma, w.demo);
    const [id] = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PHYSICAL_EXAM", 1);
    await decideAs("staff", [id!], "PHYSICAL_EXAM", "FAIL", "体检不合格");
    const [failed] = await w.db.prisma.stageDecision.findMany({ where: { applicationId: id } });

    await refused(() => decideAs("staff", [id!], "PHYSICAL_EXAM", "PASS"), "validation", "reasonRequired");
    await refused(() => decideAs("staff", [id!], "PHYSICAL_EXAM", "FAIL", "再次不合格"), "conflict", "nothingToCorrect");
    await refused(() => decideAs("nominator", [id!], "PHYSICAL_EXAM", "PASS", "复检"), "forbidden");
    await refused(() => decideAs("staff", [id!], "INSPECTION_SHORTLIST", "PASS", "复检"), "conflict", "wrongStage");

    const mark = await lastAuditId(w.db.prisma);
    await decideAs("staff", [id!], "PHYSICAL_EXAM", "PASS", "复检合格，原结论有误");
    expect(await stateOf(id!)).toEqual({ status: "IN_PROGRESS", currentStage: "INSPECTION_SHORTLIST" });
    const rows = await auditRowsSince(w.db.prisma, mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "application.correct", before: { status: "REJECTED" }, after: { status: "IN_PROGRESS", decision: { outcome: "PASS", reason: "复检合格，原结论有误" } } });
    const decisions = await w.db.prisma.stageDecision.findMany({ where: { applicationId: id }, orderBy: { decidedAt: "asc" } });
    expect(decisions).toHaveLength(2);
    expect(decisions[0]).toEqual(failed);
    expect(decisions.map((d) => [d.stage, d.outcome])).toEqual([["PHYSICAL_EXAM", "FAIL"], ["PHYSICAL_EXAM", "PASS"]]);

    const detail = await getApplication(w.db.prisma, w.s.staff, id!);
    expect(detail.decisions.map((d) => [d.outcome, d.reason])).toEqual([["FAIL", "体检不合格"], ["PASS", "复检合格，原结论有误"]]);
  });

  it("does not reinstate a doctor who is in the running for another post of the programme", async () => {
    const [post1, post2] = [await makePost(w.db.prisma, w.demo), await makePost(w.db.prisma, w.demo)];
    const doctorId = await makeDoctor(w.db.prisma, w.demo.org(SXRM), "改报医生");
    const base = { doctorId, nominatingOrgId: w.demo.org(SXRM), createdById: w.demo.userId("nominator") };
    const first = await placeApplication(w.db.prisma, { ...base, postId: post1, status: "WITHDRAWN", currentStage: "PRELIMINARY_REVIEW" });
    const second = await placeApplication(w.db.prisma, { ...base, postId: post2, currentStage: "PHYSICAL_EXAM" });
    const error = await refused(() => decideAs("staff", [first], "PRELIMINARY_REVIEW", "PASS", "撤回有误"), "conflict", "alreadyInProgram");
    expect(error.details).toEqual({ doctor: "改报医生" });
    await decideAs("staff", [second], "PHYSICAL_EXAM", "FAIL", "体检不合格");
    await decideAs("staff", [first], "PRELIMINARY_REVIEW", "PASS", "撤回有误");
    expect(await stateOf(first)).toEqual({ status: "IN_PROGRESS", currentStage: "PHYSICAL_EXAM" });
    // Now the second cannot come back while the first runs.
    await refused(() => decideAs("staff", [second], "PHYSICAL_EXAM", "PASS", "复检合格"), "conflict", "alreadyInProgram");
  });

  it("a reinstatement counts against the cap of the stage", async () => {
    const postId = await makePost(w.db.prisma, w.demo);
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "INSPECTION_SHORTLIST", 4);
    await decideAs("staff", [ids[3]!], "INSPECTION_SHORTLIST", "FAIL", "综合排名靠后");
    await decideAs("staff", ids.slice(0, 3), "INSPECTION_SHORTLIST", "PASS");
    const error = await refused(() => decideAs("staff", [ids[3]!], "INSPECTION_SHORTLIST", "PASS", "更正"), "conflict", "capExceeded");
    expect(error.details).toMatchObject({ cap: "3", passed: "3", adding: "1" });
  });

  it("the database refuses to UPDATE or DELETE a decision, even in raw SQL", async () => {
    const decision = await w.db.prisma.stageDecision.findFirstOrThrow({ orderBy: { decidedAt: "asc" } });
    await expect(w.db.prisma.$executeRaw`UPDATE "StageDecision" SET reason = 'edited', outcome = 'PASS' WHERE id = ${decision.id}`).rejects.toThrow();
    await expect(w.db.prisma.$executeRaw`DELETE FROM "StageDecision" WHERE id = ${decision.id}`).rejects.toThrow();
    await expect(w.db.prisma.stageDecision.update({ where: { id: decision.id }, data: { reason: "edited" } })).rejects.toThrow();
    await expect(w.db.prisma.stageDecision.deleteMany({})).rejects.toThrow();
    expect(await w.db.prisma.stageDecision.findUniqueOrThrow({ where: { id: decision.id } })).toEqual(decision);
  });
});

describe("ratio caps", () => {
  it("the shortlist takes at most 1:3 of headcount; refused beyond, with the figures, writing nothing", async () => {
    const postId = await makePost(w.db.prisma, w.demo);
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "INSPECTION_SHORTLIST", 5);
    const all = await refused(() => decideAs("staff", ids.slice(0, 4), "INSPECTION_SHORTLIST", "PASS"), "conflict", "capExceeded");
    expect(all.details).toEqual({ post: "测试岗位", cap: "3", passed: "0", adding: "4" });
    await decideAs("staff", ids.slice(0, 2), "INSPECTION_SHORTLIST", "PASS");
    const more = await refused(() => decideAs("staff", ids.slice(2, 4), "INSPECTION_SHORTLIST", "PASS"), "conflict", "capExceeded");
    expect(more.details).toMatchObject({ cap: "3", passed: "2", adding: "2" });
    await decideAs("staff", [ids[2]!], "INSPECTION_SHORTLIST", "PASS");
    await refused(() => decideAs("admin", [ids[3]!], "INSPECTION_SHORTLIST", "PASS"), "conflict", "capExceeded");
    // Failing is never capped.
    expect(await decideAs("staff", ids.slice(3), "INSPECTION_SHORTLIST", "FAIL", "名额已满")).toEqual({ decided: 2 });
    // A withdrawal frees a place.
    await decideAs("staff", [ids[0]!], "INSPECTION", "WITHDRAW", "本人放弃");
    await decideAs("staff", [ids[3]!], "INSPECTION_SHORTLIST", "PASS", "递补");
    expect(await w.db.prisma.application.count({ where: { postId, currentStage: "INSPECTION", status: "IN_PROGRESS" } })).toBe(3);
  });

  it("a selection over two posts is refused as a whole when one post would go over its cap", async () => {
    const [roomy, full] = [await makePost(w.db.prisma, w.demo), await makePost(w.db.prisma, w.demo)];
    const a = await placeApplications(w.db.prisma, w.demo, roomy, SXRM, "APPROVAL", 1);
    const b = await placeApplications(w.db.prisma, w.demo, full, SXRM, "APPROVAL", 2);
    await refused(() => decideAs("staff", [...a, ...b], "APPROVAL", "PASS"), "conflict", "capExceeded");
    expect(await stateOf(a[0]!)).toEqual({ status: "IN_PROGRESS", currentStage: "APPROVAL" });
    // The same application twice in a selection is one decision.
    expect(await decideAs("staff", [a[0]!, a[0]!, b[0]!], "APPROVAL", "PASS")).toEqual({ decided: 2 });
    expect(await w.db.prisma.stageDecision.count({ where: { applicationId: a[0] } })).toBe(1);
  });

  it("the report list takes at most 1:2 and approval at most the headcount (1, then 2)", async () => {
    const post1 = await makePost(w.db.prisma, w.demo, 1);
    const report = await placeApplications(w.db.prisma, w.demo, post1, SXRM, "REPORT_LIST", 3);
    expect((await refused(() => decideAs("staff", report, "REPORT_LIST", "PASS"), "conflict", "capExceeded")).details).toMatchObject({ cap: "2", passed: "0", adding: "3" });
    await decideAs("staff", report.slice(0, 2), "REPORT_LIST", "PASS");
    expect((await refused(() => decideAs("staff", report.slice(0, 2), "APPROVAL", "PASS"), "conflict", "capExceeded")).details).toMatchObject({ cap: "1", passed: "0", adding: "2" });
    await decideAs("staff", [report[0]!], "APPROVAL", "PASS");
    expect((await refused(() => decideAs("staff", [report[1]!], "APPROVAL", "PASS"), "conflict", "capExceeded")).details).toMatchObject({ cap: "1", passed: "1", adding: "1" });

    const post2 = await makePost(w.db.prisma, w.demo, 2);
    const approval = await placeApplications(w.db.prisma, w.demo, post2, ZJRM, "APPROVAL", 3);
    await refused(() => decideAs("staff", approval, "APPROVAL", "PASS"), "conflict", "capExceeded");
    await decideAs("staff", approval.slice(0, 2), "APPROVAL", "PASS");
    await refused(() => decideAs("staff", [approval[2]!], "APPROVAL", "PASS"), "conflict", "capExceeded");
    expect(await w.db.prisma.application.count({ where: { postId: post2, status: "APPROVED" } })).toBe(2);
  });

  it("fewer than 1:3 is shown as a shortfall on the board, not blocked", async () => {
    const postId = await makePost(w.db.prisma, w.demo, 1, "短缺岗位");
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "INSPECTION_SHORTLIST", 2);
    await decideAs("staff", ids, "INSPECTION_SHORTLIST", "PASS");
    const board = await vettingBoard(w.db.prisma, w.s.staff, w.demo.programId);
    const post = board.posts.find((p) => p.id === postId)!;
    expect(post.stages.INSPECTION_SHORTLIST).toEqual({ waiting: 0, passed: 2, cap: 3, remaining: 1, shortfall: 1 });
    expect(post.stages.INSPECTION).toMatchObject({ waiting: 2, passed: 0, cap: null });
    expect(post.stages.REPORT_LIST).toMatchObject({ cap: 2 });
    expect(post.stages.APPROVAL).toMatchObject({ cap: 1 });
    expect(post.stages.REGISTRATION).toBeUndefined();

    // Candidates still at the exam could fill the third place: no shortfall until they are out.
    const behind = await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "PHYSICAL_EXAM", 2);
    const shortlistOf = async () => (await vettingBoard(w.db.prisma, w.s.staff, w.demo.programId)).posts.find((p) => p.id === postId)!.stages.INSPECTION_SHORTLIST;
    expect(await shortlistOf()).toMatchObject({ passed: 2, shortfall: 0 });
    await decideAs("staff", behind, "PHYSICAL_EXAM", "FAIL", "体检不合格");
    expect(await shortlistOf()).toMatchObject({ passed: 2, shortfall: 1 });
  });
});

describe("two officers at the same moment (separate connections)", () => {
  const clients: PrismaClient[] = [];
  const client = (i: number) => (clients[i] ??= createPrismaClient(w.db.url, { maxConnections: 2 }));
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  it("approving different applications of a headcount-1 post: exactly one is approved, every time", async (ctx) => {
    if (w.db.isEmbedded) return ctx.skip(); // the embedded database serves one connection at a time
    for (let round = 0; round < 5; round++) {
      const postId = await makePost(w.db.prisma, w.demo, 1, `并发岗位${round}`);
      const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "APPROVAL", 3);
      const who: Username[] = ["staff", "admin", "staff"];
      const results = await Promise.allSettled(ids.map((id, i) => decideAs(who[i]!, [id], "APPROVAL", "PASS", undefined, client(i))));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict", message: "capExceeded", details: { cap: "1", passed: "1" } });
      expect(await w.db.prisma.application.count({ where: { postId, status: "APPROVED" } })).toBe(1);
      expect(await w.db.prisma.stageDecision.count({ where: { application: { postId } } })).toBe(1);
    }
  });

  it("shortlisting two batches of two at 1:3: one batch goes through, never four", async (ctx) => {
    if (w.db.isEmbedded) return ctx.skip();
    for (let round = 0; round < 3; round++) {
      const postId = await makePost(w.db.prisma, w.demo, 1, `并发考察${round}`);
      const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "INSPECTION_SHORTLIST", 4);
      const results = await Promise.allSettled([
        decideAs("staff", ids.slice(0, 2), "INSPECTION_SHORTLIST", "PASS", undefined, client(0)),
        decideAs("admin", ids.slice(2), "INSPECTION_SHORTLIST", "PASS", undefined, client(1)),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(await w.db.prisma.application.count({ where: { postId, currentStage: "INSPECTION" } })).toBe(2);
      expect(await w.db.prisma.application.count({ where: { postId, currentStage: "INSPECTION_SHORTLIST" } })).toBe(2);
    }
  });
});

describe("the same decision twice at the same moment (a double click, two officers)", () => {
  it("records it once", async (ctx) => {
    if (w.db.isEmbedded) return ctx.skip();
    const other = createPrismaClient(w.db.url, { maxConnections: 2 });
    try {
      for (const stage of ["PHYSICAL_EXAM", "APPROVAL"] as const) {
        const [id] = await placeApplications(w.db.prisma, w.demo, await makePost(w.db.prisma, w.demo), SXRM, stage, 1);
        const results = await Promise.allSettled([decideAs("staff", [id!], stage, "PASS"), decideAs("admin", [id!], stage, "PASS", undefined, other)]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
        expect(await w.db.prisma.stageDecision.count({ where: { applicationId: id } })).toBe(1);
      }
    } finally {
      await other.$disconnect();
    }
  });
});

describe("a programme with three stages", () => {
  it("moves from the preliminary review straight to approval, capped at the headcount; it has no shortlist to rank", async () => {
    const { programId, postId } = await makeShortProgram(w.db.prisma, w.demo, 2);
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 3);
    await decideAs("staff", ids, "PRELIMINARY_REVIEW", "PASS");
    expect((await stateOf(ids[0]!)).currentStage).toBe("APPROVAL");
    await refused(() => decideAs("staff", ids, "APPROVAL", "PASS"), "conflict", "capExceeded");
    await decideAs("staff", ids.slice(0, 2), "APPROVAL", "PASS");
    await refused(() => rankShortlist(w.db.prisma, w.s.staff, { postId, applicationIds: ids.slice(0, 2) }), "conflict", "noShortlistStage");
    const board = await vettingBoard(w.db.prisma, w.s.staff, programId);
    expect(Object.keys(board.posts[0]!.stages)).toEqual(["PRELIMINARY_REVIEW", "APPROVAL"]);
    expect(board.posts[0]!.stages.APPROVAL).toMatchObject({ waiting: 1, passed: 2, cap: 2, remaining: 0 });
    const error = await refused(() => reopenStage(w.db.prisma, w.s.staff, { programId, stage: "PHYSICAL_EXAM", organizationId: w.demo.org(SXRM), closesAt: "2013-12-01 12:00", reason: "补充体检" }, VETTING), "validation");
    expect(error.fieldErrors).toEqual({ stage: ["stageNotInProgram"] });
    expect((await refusal(stageApplications(w.db.prisma, w.s.staff, postId, "PHYSICAL_EXAM"))).code).toBe("notFound");
    // Once vetting has begun, registration is over whatever the dates say.
    await w.db.prisma.program.update({ where: { id: programId }, data: { status: "VETTING" } });
    const doctorId = await makeDoctor(w.db.prisma, w.demo.org(SXRM), "迟到医生");
    await refused(() => nominate(w.db.prisma, w.s.nominator, { postId, doctorId, exceptionReason: "说明" }, ON_TIME), "conflict", "registrationNotOpen");
    expect(await decideAs("staff", [ids[2]!], "APPROVAL", "FAIL", "名额已满")).toEqual({ decided: 1 });
  });
});

describe("ranking the shortlist", () => {
  it("staff rank exactly the shortlisted; others are refused", async () => {
    const postId = await makePost(w.db.prisma, w.demo);
    const ids = await placeApplications(w.db.prisma, w.demo, postId, SXRM, "INSPECTION_SHORTLIST", 4);
    await decideAs("staff", ids.slice(0, 3), "INSPECTION_SHORTLIST", "PASS");
    const order = [ids[2]!, ids[0]!, ids[1]!];
    for (const who of NOT_DECIDING) await refused(() => rankShortlist(w.db.prisma, w.s[who], { postId, applicationIds: order }), "forbidden");
    await refused(() => rankShortlist(w.db.prisma, w.s.staff, { postId: "cm0000000000000000000000", applicationIds: order }), "notFound");
    for (const wrong of [ids.slice(0, 2), ids, [ids[0]!, ids[0]!, ids[1]!], [...order.slice(0, 2), ids[3]!]]) {
      await refused(() => rankShortlist(w.db.prisma, w.s.staff, { postId, applicationIds: wrong }), "conflict", "rankMustListShortlist");
    }
    const mark = await lastAuditId(w.db.prisma);
    expect(await rankShortlist(w.db.prisma, w.s.staff, { postId, applicationIds: order })).toEqual({ ranked: 3 });
    const rows = await auditRowsSince(w.db.prisma, mark);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "application.rank", entity: "Post", entityId: postId, after: order.map((id, i) => ({ id, rank: i + 1 })) });
    const drill = await stageApplications(w.db.prisma, w.s.staff, postId, "INSPECTION_SHORTLIST");
    expect(drill.passed.map((r) => [r.id, r.rank])).toEqual(order.map((id, i) => [id, i + 1]));
    expect(drill.waiting.map((r) => r.id)).toEqual([ids[3]]);
  });
});

describe("the read side", () => {
  let shenApp = "";
  let approvedApp = "";
  let pendingApp = "";
  let rejectedApp = "";
  let listPost = "";

  beforeAll(async () => {
    const shen = await w.db.prisma.doctor.findFirstOrThrow({ where: { name: "沈一鸣", employerId: w.demo.org(SXRM) }, select: { id: true } });
    shenApp = (await nominate(w.db.prisma, w.s.nominator, { postId: w.demo.post("眼科医生"), doctorId: shen.id }, ON_TIME)).id;
    // The unit sends the papers seed 000's preliminary review needs with its nomination (issue 15).
    await attachDocuments(w.db.prisma, shenApp, ["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"], w.demo.userId("nominator"));
    listPost = await makePost(w.db.prisma, w.demo, 1, "名单岗位");
    await placeApplications(w.db.prisma, w.demo, listPost, ZJRM, "PRELIMINARY_REVIEW", 2);
    approvedApp = (await placeApplications(w.db.prisma, w.demo, listPost, SXRM, "APPROVAL", 1))[0]!;
    await decideAs("staff", [approvedApp], "APPROVAL", "PASS");
    rejectedApp = (await placeApplications(w.db.prisma, w.demo, listPost, SXRM, "PHYSICAL_EXAM", 1))[0]!;
    await decideAs("staff", [rejectedApp], "PHYSICAL_EXAM", "FAIL", "体检不合格");
    const doctorId = await makeDoctor(w.db.prisma, w.demo.org(SXRM), "自荐医生");
    pendingApp = await placeApplication(w.db.prisma, { postId: listPost, doctorId, nominatingOrgId: w.demo.org(SXRM), createdById: w.demo.userId("doctor"), status: "PENDING_ENDORSEMENT", currentStage: "REGISTRATION" });
  });

  async function everyRow(who: Username, query: Record<string, string> = {}) {
    const first = await listApplications(w.db.prisma, w.s[who], query);
    const rows = [...first.rows];
    for (let page = 2; page <= first.pageCount; page++) rows.push(...(await listApplications(w.db.prisma, w.s[who], { ...query, page: String(page) })).rows);
    expect(rows).toHaveLength(first.total);
    return rows;
  }

  it("lists to each role only what it may see", async () => {
    const sxProgrammes = await w.db.prisma.application.count({ where: { post: { program: { bureauId: w.demo.bureauId } } } });
    expect((await everyRow("staff")).length).toBe(sxProgrammes);
    expect((await everyRow("admin")).length).toBe(sxProgrammes);
    expect((await everyRow("auditor")).length).toBe(sxProgrammes);
    const mine = await everyRow("nominator");
    expect(mine.length).toBe(await w.db.prisma.application.count({ where: { nominatingOrgId: w.demo.org(SXRM) } }));
    expect(mine.every((r) => r.nominatingOrg.id === w.demo.org(SXRM))).toBe(true);
    expect(mine.map((r) => r.id)).toContain(shenApp);
    const theirs = await everyRow("nominator2");
    expect(theirs.length).toBeGreaterThanOrEqual(2);
    expect(theirs.every((r) => r.nominatingOrg.id === w.demo.org(ZJRM))).toBe(true);
    expect((await everyRow("doctor")).map((r) => r.id)).toEqual([shenApp]);
    const received = await everyRow("receiver");
    expect(received.length).toBe(await w.db.prisma.application.count({ where: { status: "APPROVED", post: { receivingOrgId: w.demo.org("阿瓦提县人民医院") } } }));
    expect(received.map((r) => r.id)).toContain(approvedApp);
    expect(received.every((r) => r.status === "APPROVED")).toBe(true);
    expect(await everyRow("wz-admin")).toEqual([]);
  });

  it("filters by post, status, stage and name within the caller's scope", async () => {
    expect((await everyRow("staff", { postId: listPost })).length).toBe(5);
    expect((await everyRow("nominator", { postId: listPost })).length).toBe(3);
    expect((await everyRow("staff", { postId: listPost, status: "REJECTED" })).map((r) => r.id)).toEqual([rejectedApp]);
    expect((await everyRow("staff", { postId: listPost, stage: "PRELIMINARY_REVIEW" })).length).toBe(2);
    expect((await everyRow("staff", { q: "沈一鸣" })).map((r) => r.id)).toEqual([shenApp]);
    expect((await everyRow("nominator2", { q: "沈一鸣" }))).toEqual([]);
    // Bad filter values are dropped, never an error.
    expect((await everyRow("doctor", { status: "BOGUS", stage: "<script>" })).map((r) => r.id)).toEqual([shenApp]);
  });

  it("shows one application to those who may see it, with what each may do", async () => {
    const flags = async (who: Username, id: string) => (await getApplication(w.db.prisma, w.s[who], id)).can;
    expect(await flags("staff", shenApp)).toEqual({ decide: true, withdraw: false, endorse: false, upload: true });
    expect(await flags("admin", shenApp)).toEqual({ decide: true, withdraw: false, endorse: false, upload: true });
    expect(await flags("auditor", shenApp)).toEqual({ decide: false, withdraw: false, endorse: false, upload: false });
    expect(await flags("nominator", shenApp)).toEqual({ decide: false, withdraw: true, endorse: false, upload: true });
    expect(await flags("doctor", shenApp)).toEqual({ decide: false, withdraw: true, endorse: false, upload: true });
    expect(await flags("nominator", pendingApp)).toEqual({ decide: false, withdraw: true, endorse: true, upload: true });
    expect(await flags("staff", pendingApp)).toEqual({ decide: false, withdraw: false, endorse: false, upload: true });
    expect(await flags("staff", rejectedApp)).toMatchObject({ decide: true });
    expect(await flags("nominator", rejectedApp)).toMatchObject({ withdraw: false, endorse: false });
    expect(await flags("receiver", approvedApp)).toEqual({ decide: false, withdraw: false, endorse: false, upload: false });
    for (const who of ["nominator2", "receiver", "wz-admin"] as const) expect((await refusal(getApplication(w.db.prisma, w.s[who], shenApp))).code).toBe("notFound"); // out of scope: answered as a missing record (issue 12)
    expect((await refusal(getApplication(w.db.prisma, w.s.doctor, approvedApp))).code).toBe("notFound"); // out of scope: answered as a missing record (issue 12)
    expect((await refusal(getApplication(w.db.prisma, w.s.staff, "cm0000000000000000000000"))).code).toBe("notFound");
    const detail = await getApplication(w.db.prisma, w.s.doctor, shenApp);
    expect(detail.decisions.map((d) => [d.stage, d.outcome])).toEqual([["REGISTRATION", "PASS"]]);
    expect(detail.program.stages.map((st) => st.kind)).toHaveLength(7);
  });

  it("the doctor and the unit learn of a decision, each in their own language", async () => {
    await w.db.prisma.user.update({ where: { username: "nominator" }, data: { locale: "en" } });
    try {
      await decideAs("staff", [shenApp], "PRELIMINARY_REVIEW", "PASS");
      const [toDoctor] = await w.db.prisma.notification.findMany({ where: { userId: w.demo.userId("doctor"), kind: "decision", link: `/applications/${shenApp}` } });
      const [toUnit] = await w.db.prisma.notification.findMany({ where: { userId: w.demo.userId("nominator"), kind: "decision", link: `/applications/${shenApp}` } });
      expect(toDoctor?.body).toContain("沈一鸣（眼科医生）");
      expect(toDoctor?.title).not.toContain("{");
      expect(toUnit?.body).toMatch(/^沈一鸣 \(眼科医生\), /);
      expect(await w.db.prisma.notification.count({ where: { userId: w.demo.userId("nominator2"), link: `/applications/${shenApp}` } })).toBe(0);
    } finally {
      await w.db.prisma.user.update({ where: { username: "nominator" }, data: { locale: "zh-CN" } });
    }
  });

  it("the board and a stage's applications: bureau roles only, counted per post", async () => {
    for (const who of ["staff", "admin", "auditor"] as const) {
      const board = await vettingBoard(w.db.prisma, w.s[who], w.demo.programId);
      const post = board.posts.find((p) => p.id === listPost)!;
      expect(post).toMatchObject({ approved: 1, pendingEndorsement: 1, total: 5, ended: { PHYSICAL_EXAM: 1 } });
      expect(post.stages.PRELIMINARY_REVIEW).toMatchObject({ waiting: 2, passed: 1 });
      expect(post.stages.APPROVAL).toMatchObject({ waiting: 0, passed: 1, cap: 1, remaining: 0, shortfall: 0 });
    }
    for (const who of ["nominator", "doctor", "receiver", "wz-admin"] as const) {
      expect((await refusal(vettingBoard(w.db.prisma, w.s[who], w.demo.programId))).code).toBe(who === "wz-admin" ? "notFound" : "forbidden");
      expect((await refusal(stageApplications(w.db.prisma, w.s[who], listPost, "PHYSICAL_EXAM"))).code).toBe(who === "wz-admin" ? "notFound" : "forbidden");
    }
    expect((await refusal(vettingBoard(w.db.prisma, w.s.staff, "cm0000000000000000000000"))).code).toBe("notFound");
    expect((await refusal(stageApplications(w.db.prisma, w.s.staff, "cm0000000000000000000000", "PHYSICAL_EXAM"))).code).toBe("notFound");
    const exam = await stageApplications(w.db.prisma, w.s.auditor, listPost, "PHYSICAL_EXAM");
    expect(exam.ended.map((r) => r.id)).toEqual([rejectedApp]);
    expect(exam.passed.map((r) => r.id)).toEqual([approvedApp]);
    expect(exam.waiting).toEqual([]);
  });
});

describe("nomination quotas", () => {
  it("a county bureau's quota is met by its hospital's nomination; short before the deadline, missed after", async () => {
    const postId = w.demo.post("眼科医生", 2);
    const zjBureau = w.demo.org("诸暨市卫生健康局");
    const row = async (who: Username, now: Date) => (await quotaProgress(w.db.prisma, w.s[who], w.demo.programId, now)).find((r) => r.postId === postId && r.unitId === zjBureau);

    expect(await row("staff", ON_TIME)).toMatchObject({ minimum: 1, nominated: 0, state: "short", closesAt: new Date("2013-11-11T04:00:00Z") });
    expect(await row("staff", LATE)).toMatchObject({ nominated: 0, state: "missed" });
    expect(await row("nominator2", ON_TIME)).toMatchObject({ state: "short" });

    // A self-registration awaiting endorsement does not count, nor one the unit declined.
    const zjDoctors = await w.db.prisma.doctor.findMany({ where: { employerId: w.demo.org(ZJRM), specialty: "眼科" }, select: { id: true } });
    const declinedDoctor = await makeDoctor(w.db.prisma, w.demo.org(ZJRM), "未获推荐");
    await placeApplication(w.db.prisma, { postId, doctorId: declinedDoctor, nominatingOrgId: w.demo.org(ZJRM), createdById: w.demo.userId("nominator2"), status: "PENDING_ENDORSEMENT", currentStage: "REGISTRATION" });
    expect(await row("staff", ON_TIME)).toMatchObject({ nominated: 0, state: "short" });
    const pending = await w.db.prisma.application.findFirstOrThrow({ where: { doctorId: declinedDoctor }, select: { id: true } });
    await endorse(w.db.prisma, w.s.nominator2, { applicationId: pending.id, endorse: false, reason: "单位不同意" }, ON_TIME);
    expect(await row("staff", ON_TIME)).toMatchObject({ nominated: 0, state: "short" });

    const app = await nominate(w.db.prisma, w.s.nominator2, { postId, doctorId: zjDoctors[0]!.id, exceptionReason: "说明" }, ON_TIME);
    expect(await row("staff", ON_TIME)).toMatchObject({ nominated: 1, state: "met" });
    expect(await row("staff", LATE)).toMatchObject({ state: "met" });
    expect(await row("nominator2", ON_TIME)).toMatchObject({ nominated: 1, state: "met" });

    // Each unit sees the quotas of its organisation and those above it; a doctor sees none; another bureau is refused.
    const zjRows = await quotaProgress(w.db.prisma, w.s.nominator2, w.demo.programId, ON_TIME);
    expect(zjRows.length).toBeGreaterThan(0);
    expect(zjRows.every((r) => r.unitId === zjBureau)).toBe(true);
    const sxRows = await quotaProgress(w.db.prisma, w.s.nominator, w.demo.programId, ON_TIME);
    expect(sxRows.every((r) => r.unitId === w.demo.org(SXRM))).toBe(true);
    expect(await quotaProgress(w.db.prisma, w.s.doctor, w.demo.programId, ON_TIME)).toEqual([]);
    expect((await refusal(quotaProgress(w.db.prisma, w.s["wz-admin"], w.demo.programId, ON_TIME))).code).toBe("notFound"); // out of scope: answered as a missing record (issue 12)

    // Withdrawn, it no longer counts: short again before the deadline.
    await withdraw(w.db.prisma, w.s.nominator2, { applicationId: app.id, reason: "本人放弃" }, ON_TIME);
    expect(await row("staff", ON_TIME)).toMatchObject({ nominated: 0, state: "short" });
  });

  it("a doctor's own registration, once endorsed, counts for the unit", async () => {
    const postId = w.demo.post("眼科医生", 2);
    const sxrm = w.demo.org(SXRM);
    const row = async () => (await quotaProgress(w.db.prisma, w.s.staff, w.demo.programId, ON_TIME)).find((r) => r.postId === postId && r.unitId === sxrm)!;
    // 沈一鸣 is in the running for the batch-1 eye post (the read side above): withdraw it first.
    const alive = await w.db.prisma.application.findFirst({ where: { doctor: { name: "沈一鸣" }, status: "IN_PROGRESS" }, select: { id: true } });
    if (alive) await withdraw(w.db.prisma, w.s.doctor, { applicationId: alive.id, reason: "改报第二批次" }, ON_TIME);
    const before = (await row()).nominated;
    const app = await register(w.db.prisma, w.s.doctor, { postId }, ON_TIME);
    expect((await row()).nominated).toBe(before);
    await endorse(w.db.prisma, w.s.nominator, { applicationId: app.id, endorse: true }, ON_TIME);
    expect((await row()).nominated).toBe(before + 1);
  });
});

describe("a reopening and the quotas", () => {
  it("a county bureau's quota stays open while a hospital below it may still nominate", async () => {
    const postId = w.demo.post("口腔科医生", 2);
    const zjBureau = w.demo.org("诸暨市卫生健康局");
    const during = new Date("2013-11-12T02:00:00Z"); // 12 Nov 10:00 in Shanghai
    const rows = async () => (await quotaProgress(w.db.prisma, w.s.staff, w.demo.programId, during)).filter((r) => r.postId === postId);
    expect((await rows()).find((r) => r.unitId === zjBureau)).toMatchObject({ state: "missed" });
    await reopenStage(w.db.prisma, w.s.staff, { programId: w.demo.programId, stage: "REGISTRATION", organizationId: w.demo.org(ZJRM), closesAt: "2013-11-12 18:00", reason: "系统故障延误报名" }, LATE);
    const after = await rows();
    expect(after.find((r) => r.unitId === zjBureau)).toMatchObject({ state: "short", closesAt: new Date("2013-11-12T10:00:00Z") });
    // Units elsewhere keep the programme's deadline.
    const others = after.filter((r) => r.unitId !== zjBureau);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.state === "missed" && r.closesAt?.toISOString() === "2013-11-11T04:00:00.000Z")).toBe(true);
  });
});
