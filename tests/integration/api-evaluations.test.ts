// The annual assessment through /api/v1 against real PostgreSQL with the demo seed: the route
// handlers called directly with bearer tokens. Two doctors of the demo programme are in service
// (the scene, inserted directly); staff open the assessment, the three parties score through the
// API, the bureau grades. Every answer is checked against the registry's response schemas; errors
// are 400 (malformed JSON), 403 (role), 404 (scope), 409 (rule) and 422 (input), writing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as r from "@/lib/api/responses";
import type { Scope } from "@/lib/auth/policy";
import { hashToken, issueApiToken } from "@/lib/server/api-tokens";
import { apiCaller, apiTestDatabase, type Json, type RouteModule } from "./setup/api";
import type { TestDatabase } from "./setup/db";
import { loadDemo, makeDoctor, makePost, placeApplication } from "./setup/vetting-fixtures";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const tokens: Record<string, string> = {};
const USERS = ["admin", "staff", "nominator", "receiver", "doctor", "auditor", "wz-admin"];
let programId = "";
const doctors: string[] = [];

const routes: Record<string, () => Promise<RouteModule>> = {
  "evaluation-schemes": () => import("@/app/api/v1/evaluation-schemes/route"),
  assessments: () => import("@/app/api/v1/assessments/route"),
  "assessments/[assessmentId]": () => import("@/app/api/v1/assessments/[assessmentId]/route"),
  "assessments/[assessmentId]/grades": () => import("@/app/api/v1/assessments/[assessmentId]/grades/route"),
  "assessment-subjects/[subjectId]/scores": () => import("@/app/api/v1/assessment-subjects/[subjectId]/scores/route"),
  "assessment-subjects/[subjectId]/rater-links": () => import("@/app/api/v1/assessment-subjects/[subjectId]/rater-links/route"),
  "rate/[token]": () => import("@/app/api/v1/rate/[token]/route"),
};

const call = apiCaller(routes, tokens);

async function counts() {
  const [row] = await db.prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Assessment") AS a, (SELECT count(*) FROM "AssessmentScore") AS s, (SELECT count(*) FROM "AuditLog") AS l,
           (SELECT count(*) FROM "AssessmentSubject" WHERE grade IS NOT NULL) AS g`;
  return row;
}

beforeAll(async () => {
  db = await apiTestDatabase(USERS, scopes);
  for (const username of USERS) {
    if (username === "receiver") continue;
    const admin = username === "wz-admin" ? scopes["wz-admin"]! : scopes.admin!;
    tokens[username] = (await issueApiToken(db.prisma, admin, { userId: scopes[username]!.user.id, name: "test" })).token;
  }
  // The receiving hospital (Xinjiang) is outside both demo bureaus' trees: its token is inserted as an admin there would issue it.
  tokens.receiver = "mdt_receiver-test-token-0123456789";
  await db.prisma.apiToken.create({ data: { userId: scopes.receiver!.user.id, name: "test", prefix: tokens.receiver.slice(0, 8), tokenHash: hashToken(tokens.receiver), createdById: scopes.admin!.user.id } });
  const demo = await loadDemo(db.prisma);
  programId = demo.programId;
  const postId = await makePost(db.prisma, demo, 2, "接口考核岗位");
  for (const name of ["接口医生甲", "接口医生乙"]) {
    const unitId = demo.org("绍兴市人民医院");
    const doctorId = await makeDoctor(db.prisma, unitId, name);
    const applicationId = await placeApplication(db.prisma, { postId, doctorId, nominatingOrgId: unitId, createdById: demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
    await db.prisma.dispatch.create({
      data: {
        programId, postId, applicationId, doctorId, receivingOrgId: demo.org("阿瓦提县人民医院"), rotationBatch: 1, serviceMonths: 12, status: "ACTIVE",
        startDate: new Date("2026-01-01T00:00:00Z"), plannedLastDay: new Date("2026-12-31T00:00:00Z"), lastDay: new Date("2026-12-31T00:00:00Z"), createdById: demo.userId("staff"),
      },
    });
    doctors.push(name);
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("the annual assessment through /api/v1", () => {
  let assessmentId = "";
  let subjectIds: string[] = [];
  let subjectNames: string[] = [];

  it("lists the schemes, the default first", async () => {
    const res = await call("evaluation-schemes", "GET", "receiver");
    expect(res.status).toBe(200);
    const schemes = res.json as unknown as Json[];
    for (const s of schemes) r.evaluationSchemeSchema.parse(s);
    expect(schemes[0]).toMatchObject({ isDefault: true, quotaPercent: 15 });
  });

  it("opens the assessment (201); a unit may not (403), another bureau cannot see the programme (404), a malformed body is 400", async () => {
    const before = await counts();
    expect((await call("assessments", "POST", "nominator", { body: { programId, year: 2026 } })).status).toBe(403);
    expect((await call("assessments", "POST", "wz-admin", { body: { programId, year: 2026 } })).status).toBe(404);
    expect((await call("assessments", "POST", "staff", { rawBody: "{nope" })).status).toBe(400);
    const bad = await call("assessments", "POST", "staff", { body: { programId, year: "next" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrorKeys).toEqual({ year: ["invalid"] });
    expect(await counts()).toEqual(before);
    const opened = await call("assessments", "POST", "staff", { body: { programId, year: 2026 } });
    expect(opened.status).toBe(201);
    r.openedAssessmentSchema.parse(opened.json);
    expect(opened.json).toMatchObject({ cohort: 2, assessed: 2 });
    assessmentId = opened.json.id;
    const list = await call("assessments", "GET", "nominator", { url: `/assessments?programId=${programId}` });
    expect(list.status).toBe(200);
    // A page since the service lists sort and page (issue 15): rows, total, page, pageCount.
    const listed = list.json as unknown as { rows: Json[]; total: number; page: number };
    for (const a of listed.rows) r.assessmentSummarySchema.parse(a);
    expect(listed.rows.map((a) => a.id)).toEqual([assessmentId]);
    expect(listed).toMatchObject({ total: 1, page: 1 });
    const detail = await call("assessments/[assessmentId]", "GET", "staff", { params: { assessmentId } });
    r.assessmentDetailSchema.parse(detail.json);
    expect(detail.json.quota).toBe(0); // 15 % of 2 is 0: no 优秀 at all in a cohort this small
    subjectIds = detail.json.subjects.map((s: Json) => s.id);
    subjectNames = detail.json.subjects.map((s: Json) => s.doctorName);
    expect([...subjectNames].sort()).toEqual([...doctors].sort());
    expect((await call("assessments/[assessmentId]", "GET", "wz-admin", { params: { assessmentId } })).status).toBe(404);
  });

  it("scores through the API: wrong precision and out of range are 422 naming the aspect, a second submission 409", async () => {
    const url = (subjectId: string) => ({ params: { subjectId } });
    const before = await counts();
    const precise = await call("assessment-subjects/[subjectId]/scores", "POST", "receiver", { ...url(subjectIds[0]!), body: { party: "RECEIVING_UNIT", points: [18.25, 18, 18, 18, 18], submit: true } });
    expect(precise.status).toBe(422);
    expect(precise.json.error.fieldErrorKeys).toEqual({ "points.0": ["pointsPrecision"] });
    expect(precise.json.error.fieldErrors).toEqual({ "points.0": ["得分最多保留一位小数。"] });
    const over = await call("assessment-subjects/[subjectId]/scores", "POST", "receiver", { ...url(subjectIds[0]!), body: { party: "RECEIVING_UNIT", points: [18, 18, 18, 21, 18], submit: true } });
    expect(over.status).toBe(422);
    expect(over.json.error.fieldErrorKeys).toEqual({ "points.3": ["pointsOutOfRange"] });
    expect((await call("assessment-subjects/[subjectId]/scores", "POST", "doctor", { ...url(subjectIds[0]!), body: { party: "RECEIVING_UNIT", points: [1, 1, 1, 1, 1], submit: true } })).status).toBe(403);
    expect(await counts()).toEqual(before);

    const graded = await call("assessments/[assessmentId]/grades", "POST", "staff", { params: { assessmentId }, body: { grades: [{ subjectId: subjectIds[0], grade: "COMPETENT" }] } });
    expect(graded.status).toBe(409);
    expect(graded.json.error).toMatchObject({ code: "conflict", key: "partiesNotSubmitted" });

    for (const subjectId of subjectIds) {
      for (const [who, party, p] of [["receiver", "RECEIVING_UNIT", "19.5"], ["staff", "BUREAU", 19], ["nominator", "DISPATCHING_UNIT", 18]] as const) {
        const res = await call("assessment-subjects/[subjectId]/scores", "POST", who, { ...url(subjectId), body: { party, points: [p, p, p, p, p], submit: true } });
        expect(res.status).toBe(201);
        r.savedScoreSchema.parse(res.json);
      }
    }
    const twice = await call("assessment-subjects/[subjectId]/scores", "POST", "staff", { ...url(subjectIds[0]!), body: { party: "BUREAU", points: [1, 1, 1, 1, 1], submit: true } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.key).toBe("alreadySubmitted");
  });

  it("rater links: staff list a doctor's (none yet); the default scheme has no party for links (422, in words); a unit may not (403); an unknown token is a 404 in words", async () => {
    const list = await call("assessment-subjects/[subjectId]/rater-links", "GET", "staff", { params: { subjectId: subjectIds[0]! } });
    expect(list.status).toBe(200);
    expect(r.raterLinkSchema.array().parse(list.json)).toEqual([]);
    const before = await counts();
    const refused = await call("assessment-subjects/[subjectId]/rater-links", "POST", "staff", { params: { subjectId: subjectIds[0]! }, body: { party: "MENTORED_STAFF", raterName: "张三" } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.fieldErrorKeys).toEqual({ party: ["partyNotInScheme"] });
    expect((await call("assessment-subjects/[subjectId]/rater-links", "POST", "nominator", { params: { subjectId: subjectIds[0]! }, body: { party: "MENTORED_STAFF", raterName: "张三" } })).status).toBe(403);
    const unknown = await call("rate/[token]", "GET", "staff", { params: { token: "A".repeat(43) } });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ key: "link_unknown" });
    expect(unknown.json.error.message).toContain("评分链接无效");
    expect(await counts()).toEqual(before);
  });

  it("grades: 优秀 in a cohort of 2 is over the quota of 0 (409, naming who); the proposed grades finalise it", async () => {
    const before = await counts();
    const over = await call("assessments/[assessmentId]/grades", "POST", "staff", { params: { assessmentId }, body: { grades: [{ subjectId: subjectIds[0], grade: "EXCELLENT" }] } });
    expect(over.status).toBe(409);
    expect(over.json.error).toMatchObject({ key: "quotaExceeded", details: { quota: "0", cohort: "2", over: subjectNames[0] } });
    expect(over.json.error.message).toContain(`超出名额的是：${subjectNames[0]}`);
    expect((await call("assessments/[assessmentId]/grades", "POST", "receiver", { params: { assessmentId }, body: { grades: [{ subjectId: subjectIds[0], grade: "COMPETENT" }] } })).status).toBe(403);
    expect(await counts()).toEqual(before);
    const done = await call("assessments/[assessmentId]/grades", "POST", "admin", { params: { assessmentId }, body: { grades: subjectIds.map((subjectId) => ({ subjectId, grade: "COMPETENT" })) } });
    expect(done.status).toBe(200);
    r.gradeResultSchema.parse(done.json);
    expect(done.json).toMatchObject({ graded: 2, finalised: true });
    const detail = await call("assessments/[assessmentId]", "GET", "nominator", { params: { assessmentId } });
    expect(detail.json.status).toBe("FINALISED");
    expect(detail.json.subjects.map((s: Json) => s.grade)).toEqual(["COMPETENT", "COMPETENT"]);
  });
});
