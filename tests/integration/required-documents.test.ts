// Required documents per stage (issue 15) on real PostgreSQL with the demo seed: the 援疆 template's
// checklist and its copy on duplication; the checklist's read and replacement (staff only, audited);
// a pass without the documents refused with the missing ones named — all or nothing for a selection
// — and nothing written; the written exception recorded on the decision and its audit row, in words;
// the API's refusal in the caller's language; the lists' warning before the click.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { auditFieldLines, auditSummary } from "@/lib/audit-labels";
import { decodeMissing } from "@/lib/domain/required-documents";
import { loadMessages } from "@/lib/i18n/messages";
import type { Scope } from "@/lib/auth/policy";
import { issueApiToken } from "@/lib/server/api-tokens";
import { duplicateProgram } from "@/lib/server/program-duplicate";
import { missingAtCurrentStage, requiredDocuments, setRequiredDocuments } from "@/lib/server/required-documents";
import { decide } from "@/lib/server/vetting";
import { apiCaller, apiTestDatabase, type RouteModule } from "./setup/api";
import type { TestDatabase } from "./setup/db";
import { VETTING, attachDocuments, auditRowsSince, expectRefused, footprint, lastAuditId, loadDemo, makeDoctor, makePost, placeApplication, SXRM, ZJRM, type Demo } from "./setup/vetting-fixtures";

let db: TestDatabase;
let demo: Demo;
const scopes: Record<string, Scope> = {};
const tokens: Record<string, string> = {};
const USERS = ["admin", "staff", "nominator", "auditor", "wz-admin"];

const routes: Record<string, () => Promise<RouteModule>> = {
  decisions: () => import("@/app/api/v1/decisions/route"),
  "programs/[programId]/required-documents": () => import("@/app/api/v1/programs/[programId]/required-documents/route"),
};
const call = apiCaller(routes, tokens);
/** Imported after the test database is the app's: lib/server/programs reaches lib/db (through the edit-version check). */
const programs = () => import("@/lib/server/programs");

beforeAll(async () => {
  db = await apiTestDatabase(USERS, scopes);
  demo = await loadDemo(db.prisma);
  for (const username of USERS) tokens[username] = (await issueApiToken(db.prisma, username === "wz-admin" ? scopes["wz-admin"]! : scopes.admin!, { userId: scopes[username]!.user.id, name: "test" })).token;
});

afterAll(async () => {
  await db?.drop();
});

/** A new doctor of `unit` with an application at `stage` of a fresh post, carrying `documents`. */
async function applicationWith(documents: Parameters<typeof placeApplication>[1]["documents"], name: string, stage: Parameters<typeof placeApplication>[1]["currentStage"] = "PRELIMINARY_REVIEW", unit = SXRM) {
  const postId = await makePost(db.prisma, demo, 5);
  const doctorId = await makeDoctor(db.prisma, demo.org(unit), name);
  return placeApplication(db.prisma, { postId, doctorId, nominatingOrgId: demo.org(unit), createdById: demo.userId("nominator"), currentStage: stage, documents });
}

/** Also counts the decisions' exception columns: a refusal leaves them as they were. */
async function measure() {
  const [base, waived] = await Promise.all([footprint(db.prisma), db.prisma.stageDecision.count({ where: { documentException: { not: null } } })]);
  return { ...base, waived };
}

describe("the checklist", () => {
  it("the demo programme (seed 000) requires 申请书 and 家属意见 at registration, the 报名表, then the exam's and the inspection's papers", async () => {
    const { stages } = await requiredDocuments(db.prisma, scopes.auditor!, demo.programId);
    expect(stages.map((s) => [s.stage, s.kinds])).toEqual([
      ["REGISTRATION", ["APPLICATION_LETTER", "FAMILY_CONSENT"]],
      ["PRELIMINARY_REVIEW", ["REGISTRATION_FORM"]],
      ["PHYSICAL_EXAM", ["PHYSICAL_EXAM"]],
      ["INSPECTION_SHORTLIST", []],
      ["INSPECTION", ["INSPECTION_MATERIAL"]],
      ["REPORT_LIST", []],
      ["APPROVAL", []],
    ]);
  });

  it("a programme from the 援疆 template gets the same checklist; duplicating it copies the checklist", async () => {
    const { createProgram } = await programs();
    const created = await createProgram(db.prisma, scopes.staff!, { template: "longTermAid", kind: "LONG_TERM_AID", name: "模板材料测试项目", year: 2030, batchNumber: 9, serviceMonths: 18, rotationBatches: 2 });
    const fromTemplate = await requiredDocuments(db.prisma, scopes.staff!, created.id);
    expect(fromTemplate.stages.filter((s) => s.kinds.length).map((s) => s.stage)).toEqual(["REGISTRATION", "PRELIMINARY_REVIEW", "PHYSICAL_EXAM", "INSPECTION"]);
    await setRequiredDocuments(db.prisma, scopes.staff!, { programId: created.id, stages: [...fromTemplate.stages.filter((s) => s.stage !== "INSPECTION" && s.stage !== "APPROVAL"), { stage: "APPROVAL", kinds: ["OTHER"] }] });
    const copy = await duplicateProgram(db.prisma, scopes.staff!, { id: created.id });
    const copied = await requiredDocuments(db.prisma, scopes.staff!, copy.id);
    expect(copied.stages).toEqual((await requiredDocuments(db.prisma, scopes.staff!, created.id)).stages);
    expect(copied.stages.find((s) => s.stage === "APPROVAL")!.kinds).toEqual(["OTHER"]);
    expect(copied.stages.find((s) => s.stage === "INSPECTION")!.kinds).toEqual([]);
  });

  it("staff replace it through the API, audited in words; other roles and another bureau are refused, writing nothing", async () => {
    const { createProgram } = await programs();
    const programId = (await createProgram(db.prisma, scopes.staff!, { template: "countyHireTownshipUse", kind: "OTHER", name: "材料清单接口测试", year: 2031, serviceMonths: 12, rotationBatches: 1 })).id;
    const url = `/programs/${programId}/required-documents`;
    const read = await call("programs/[programId]/required-documents", "GET", "auditor", { url, params: { programId } });
    expect(read.status).toBe(200);
    expect(read.json.stages).toEqual([
      { stage: "REGISTRATION", kinds: [] },
      { stage: "PRELIMINARY_REVIEW", kinds: [] },
      { stage: "APPROVAL", kinds: [] },
    ]);
    const rows = async () => db.prisma.programStageDocument.count({ where: { programId } });
    const body = { stages: [{ stage: "PRELIMINARY_REVIEW", kinds: ["REGISTRATION_FORM", "APPLICATION_LETTER"] }] };
    for (const who of ["nominator", "auditor"]) expect((await call("programs/[programId]/required-documents", "PUT", who, { url, params: { programId }, body })).status).toBe(403);
    expect((await call("programs/[programId]/required-documents", "PUT", "wz-admin", { url, params: { programId }, body })).status).toBe(404);
    const notInProgram = await call("programs/[programId]/required-documents", "PUT", "staff", { url, params: { programId }, body: { stages: [{ stage: "INSPECTION", kinds: ["INSPECTION_MATERIAL"] }] } });
    expect(notInProgram.status).toBe(422);
    expect(notInProgram.json.error.message).toBeTruthy();
    expect(await rows()).toBe(0);

    const since = await lastAuditId(db.prisma);
    const saved = await call("programs/[programId]/required-documents", "PUT", "staff", { url, params: { programId }, body });
    expect(saved.status).toBe(200);
    expect(saved.json.stages[1]).toEqual({ stage: "PRELIMINARY_REVIEW", kinds: ["APPLICATION_LETTER", "REGISTRATION_FORM"] });
    expect(await rows()).toBe(2);
    const [row] = await auditRowsSince(db.prisma, since);
    expect(row).toMatchObject({ action: "program.required_documents", entity: "Program", entityId: programId });
    const messages = await loadMessages("zh-CN");
    const words = { t: createTranslator({ locale: "zh-CN", messages, namespace: "audit" }) as never, tAll: createTranslator({ locale: "zh-CN", messages }) as never };
    const lines = auditFieldLines(words, "Program", row!.before, row!.after, new Map());
    expect(lines.map((l) => [l.label, l.after])).toEqual([["各阶段要求的材料", "阶段：资格初审；要求的材料：申请书、报名表"]]);
  });
});

describe("passing a stage without its documents", () => {
  it("is refused naming the missing documents (this stage's and the earlier ones'), nothing written", async () => {
    const id = await applicationWith(["APPLICATION_LETTER"], "缺材料医生");
    const error = await expectRefused(db.prisma, () => decide(db.prisma, scopes.staff!, { applicationIds: [id], stage: "PRELIMINARY_REVIEW", outcome: "PASS" }, VETTING), "conflict", "documentsMissing", measure);
    expect(decodeMissing(error.details!.documents!)).toEqual([{ doctor: "缺材料医生", missing: ["FAMILY_CONSENT", "REGISTRATION_FORM"] }]);
    expect(await db.prisma.application.findUniqueOrThrow({ where: { id }, select: { currentStage: true } })).toEqual({ currentStage: "PRELIMINARY_REVIEW" });
    // Failing or withdrawing needs no documents.
    expect(await decide(db.prisma, scopes.staff!, { applicationIds: [id], stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "材料不全" }, VETTING)).toEqual({ decided: 1 });
  });

  it("a later stage needs the earlier stages' documents too; with them all the pass goes through", async () => {
    const id = await applicationWith(["APPLICATION_LETTER", "FAMILY_CONSENT", "PHYSICAL_EXAM"], "缺报名表医生", "PHYSICAL_EXAM");
    const error = await expectRefused(db.prisma, () => decide(db.prisma, scopes.staff!, { applicationIds: [id], stage: "PHYSICAL_EXAM", outcome: "PASS" }, VETTING), "conflict", "documentsMissing", measure);
    expect(decodeMissing(error.details!.documents!)[0]!.missing).toEqual(["REGISTRATION_FORM"]);
    await attachDocuments(db.prisma, id, ["REGISTRATION_FORM"], demo.userId("staff"));
    expect(await decide(db.prisma, scopes.staff!, { applicationIds: [id], stage: "PHYSICAL_EXAM", outcome: "PASS" }, VETTING)).toEqual({ decided: 1 });
    const decision = await db.prisma.stageDecision.findFirstOrThrow({ where: { applicationId: id }, select: { documentException: true, waivedDocuments: true } });
    expect(decision).toEqual({ documentException: null, waivedDocuments: null });
  });

  it("a selection is refused as a whole, naming only those that lack something; with the exception all pass and it is recorded where it was used", async () => {
    const complete = await applicationWith(undefined, "材料齐全医生");
    const lacking = await applicationWith([], "材料全缺医生", "PRELIMINARY_REVIEW", ZJRM);
    const ids = [complete, lacking];
    const error = await expectRefused(db.prisma, () => decide(db.prisma, scopes.staff!, { applicationIds: ids, stage: "PRELIMINARY_REVIEW", outcome: "PASS" }, VETTING), "conflict", "documentsMissing", measure);
    expect(decodeMissing(error.details!.documents!)).toEqual([{ doctor: "材料全缺医生", missing: ["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"] }]);
    expect(error.details!.count).toBe("1");
    // An exception is not a way around who may decide.
    await expectRefused(db.prisma, () => decide(db.prisma, scopes.nominator!, { applicationIds: ids, stage: "PRELIMINARY_REVIEW", outcome: "PASS", documentException: "单位担保" }, VETTING), "forbidden", undefined, measure);

    const since = await lastAuditId(db.prisma);
    const exception = "材料原件已寄出，经电话核对无误，先予通过";
    expect(await decide(db.prisma, scopes.staff!, { applicationIds: ids, stage: "PRELIMINARY_REVIEW", outcome: "PASS", documentException: exception }, VETTING)).toEqual({ decided: 2 });
    const decisions = await db.prisma.stageDecision.findMany({ where: { applicationId: { in: ids } }, select: { applicationId: true, documentException: true, waivedDocuments: true } });
    expect(decisions.find((d) => d.applicationId === lacking)).toMatchObject({ documentException: exception, waivedDocuments: ["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"] });
    expect(decisions.find((d) => d.applicationId === complete)).toMatchObject({ documentException: null, waivedDocuments: null });

    const rows = await auditRowsSince(db.prisma, since);
    const row = rows.find((r) => r.entityId === lacking)!;
    const messages = await loadMessages("zh-CN");
    const words = { t: createTranslator({ locale: "zh-CN", messages, namespace: "audit" }) as never, tAll: createTranslator({ locale: "zh-CN", messages }) as never };
    const lines = auditFieldLines(words, "Application", row.before, row.after, new Map());
    expect(lines.find((l) => l.path === "decision.documentException")).toMatchObject({ label: "审核决定·材料不全的例外理由", after: exception });
    expect(lines.find((l) => l.path === "decision.waivedDocuments")).toMatchObject({ label: "审核决定·例外放行时缺少的材料", after: "申请书、家属意见、报名表" });
    expect(auditSummary(words, { actorName: "沈佳怡", action: row.action, entity: row.entity, entityId: row.entityId, before: row.before, after: row.after }, new Map())).toContain("通过");
  });
});

describe("the warning before the click, and the API's refusal in words", () => {
  it("the lists know what each waiting application lacks to pass where it stands", async () => {
    const complete = await applicationWith(undefined, "齐全");
    const partial = await applicationWith(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"], "缺体检", "PHYSICAL_EXAM");
    const missing = await missingAtCurrentStage(db.prisma, scopes.staff!, [complete, partial]);
    expect(missing.get(complete)).toBeUndefined();
    expect(missing.get(partial)).toEqual(["PHYSICAL_EXAM"]);
    // Another bureau sees nothing of them.
    expect((await missingAtCurrentStage(db.prisma, scopes["wz-admin"]!, [partial])).size).toBe(0);
  });

  it("POST /decisions answers 409 documentsMissing naming the doctor and the documents in the caller's language", async () => {
    const id = await applicationWith(["APPLICATION_LETTER", "REGISTRATION_FORM"], "接口缺材料");
    const before = await measure();
    const zh = await call("decisions", "POST", "staff", { body: { applicationIds: [id], stage: "PRELIMINARY_REVIEW", outcome: "PASS" } });
    expect(zh.status).toBe(409);
    expect(zh.json.error.key).toBe("documentsMissing");
    expect(zh.json.error.message).toContain("接口缺材料（家属意见）");
    expect(await measure()).toEqual(before);

    const handler = (await routes.decisions!()).POST!;
    const { NextRequest } = await import("next/server");
    const request = new NextRequest("http://localhost/api/v1/decisions", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens.staff}`, "accept-language": "en" },
      body: JSON.stringify({ applicationIds: [id], stage: "PRELIMINARY_REVIEW", outcome: "PASS" }),
    });
    const en = JSON.parse(await (await handler(request, { params: Promise.resolve({}) })).text());
    expect(en.error.message).toContain("接口缺材料 (Family consent)");

    const passed = await call("decisions", "POST", "staff", { body: { applicationIds: [id], stage: "PRELIMINARY_REVIEW", outcome: "PASS", documentException: "家属意见已口头确认，书面材料补交" } });
    expect(passed.status).toBe(200);
    expect(passed.json).toEqual({ decided: 1 });
  });
});
