// The OpenAPI document and the server agree: every operation of the registry (lib/api/openapi.ts) is
// called through its route handler, as an integration would (bearer tokens, the demo seed and its
// round in progress), and every answer — success or error — is validated against the zod schema the
// document is built from. An operation never answered successfully here fails the last test, so a
// new route cannot be documented without being checked. Also: errors in the caller's language
// (Accept-Language, zh-CN by default) beside their code, field errors in words, and a doctor created
// with the optional fields left out.
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import { buildOpenApiDocument, operations, type ApiOperation } from "@/lib/api/openapi";
import * as r from "@/lib/api/responses";
import { composeIdNumber } from "@/lib/domain/id-number";
import { issueApiToken } from "@/lib/server/api-tokens";
import { publishNotice } from "@/lib/server/public-notice";
import { buildScope } from "@/lib/server/organization-tree";
import { DEMO_PASSWORD, loadServiceDemo, seedDemoData } from "@/prisma/seed";
import { seedDemoRound } from "@/prisma/seed/round";
import { createTestDatabase, type TestDatabase } from "./setup/db";

// The file exports read their column titles through next-intl's server API, which only runs inside
// a Next request; here it is the same catalogue through next-intl's plain translator (zh-CN).
vi.mock("next-intl/server", () => import("../support/next-intl-server"));

type OperationId = keyof typeof operations;
/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON once validated */
type Json = Record<string, any>;
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
/* eslint-enable @typescript-eslint/no-explicit-any */

let db: TestDatabase;
const tokens: Record<string, string> = {};
const orgOf: Record<string, string> = {};
const answered = new Set<OperationId>();
const USERS = ["admin", "staff", "nominator", "nominator2", "doctor", "auditor", "receiver", "finance", "wz-admin", "wz-doctor", "wz-receiver"];

interface CallOptions {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  form?: FormData;
  lang?: string;
  headers?: Record<string, string>;
}

// The served document itself (GET /openapi.json), not only the zod schemas it is built from: each
// answer is validated with a JSON Schema 2020-12 validator against the response the document gives
// for that operation and status — a status the document does not list fails too.
const documentJson = JSON.parse(JSON.stringify(buildOpenApiDocument())) as Json;
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(documentJson, "doc");
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Problems of `json` against the document's `status` answer of the operation (none: []). */
function documentProblems(op: ApiOperation, status: number, json: unknown): string[] {
  const responses = documentJson.paths?.[op.path]?.[op.method]?.responses as Record<string, Json> | undefined;
  const response = responses?.[String(status)];
  if (!response) return [`status ${status} is not documented for ${op.method.toUpperCase()} ${op.path}`];
  const media = Object.keys(response.content ?? {})[0];
  if (media !== "application/json") return [];
  const validate = ajv.getSchema(`doc#/${pointer("paths", op.path, op.method, "responses", String(status), "content", media, "schema")}`)!;
  return validate(json) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The route file of a documented path: /programs/{programId}/status → app/api/v1/programs/[programId]/status/route.ts. */
function routeFile(apiPath: string) {
  return path.join(process.cwd(), "app/api/v1", apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
}

/** Calls the operation's handler and checks the answer against the document: the success schema (or a file), else the error schema. */
async function api(operationId: OperationId, user: string, options: CallOptions = {}) {
  const op: ApiOperation = operations[operationId];
  const routeModule = (await import(routeFile(op.path))) as Record<string, Handler>;
  const handler = routeModule[op.method.toUpperCase()];
  expect(handler, `${operationId}: ${op.method.toUpperCase()} ${op.path} is exported`).toBeTypeOf("function");
  const url = "http://localhost/api/v1" + op.path.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? "") + (options.query ? `?${options.query}` : "");
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[user]}` };
  if (options.lang) headers["accept-language"] = options.lang;
  Object.assign(headers, options.headers);
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await handler!(new NextRequest(url, { method: op.method.toUpperCase(), headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const type = response.headers.get("content-type") ?? "";
  const ok = response.status < 400;
  if (ok && "file" in op.response) {
    expect(type, `${operationId} answers a file`).not.toContain("application/json");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    answered.add(operationId);
    return { status: response.status, json: {} as Json };
  }
  const text = await response.text();
  if (process.env.DEBUG_CONTRACT) console.log(operationId, response.status, type, text.slice(0, 300));
  const json = JSON.parse(text) as Json;
  expect(documentProblems(op, response.status, json), `${operationId} ${response.status} matches the served document`).toEqual([]);
  if (ok) {
    expect(response.status, `${operationId} status`).toBe(op.status ?? 200);
    const parsed = (op.response as import("zod").ZodType).safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues, `${operationId} answer matches the document`).toEqual([]);
    answered.add(operationId);
  } else {
    const parsed = r.errorResponseSchema.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues, `${operationId} error matches the document`).toEqual([]);
  }
  return { status: response.status, json };
}

/**
 * Documented operations this file does not answer successfully yet (their own files exercise them
 * against the zod schemas: api-dispatches, api-leave, work-logs, handover, allowances-api,
 * api-evaluations, service-evaluations). The last test fails on any other operation never answered,
 * and on one of these once it is answered: the list only shrinks.
 */
const NOT_YET_EXERCISED = new Set<OperationId>([
  // Read here once their answers match the document (listDispatchLeave does not yet: its leaves carry fields the document lacks).
  "listDispatchLeave", "leaveQueue", "listLeaveAttachments", "listWorkLogs", "workloadTotals", "listMentoringPairs", "getHandover", "getAllowancePolicy", "getAllowanceSchedule", "allowancesDue", "allowanceTotals", "exportPaymentSheet", "exportAllowanceTotals", "listEvaluationSchemes", "listAssessments", "getAssessment", "listRaterLinks", "listServiceEvaluations", "getServiceEvaluation", "serviceEvaluationPdf",
  "createDispatch", "activateDispatch", "completeDispatch", "cancelDispatch", "terminateDispatch",
  "fileLeave", "decideLeave", "cancelLeave", "recordAttendance", "uploadLeaveAttachment",
  "fileWorkLog", "resubmitWorkLog",
  "saveHandover", "acknowledgeHandover",
  "createAllowanceItem", "applyAllowanceTemplate", "updateAllowanceItem", "addAllowanceEventLine", "adjustAllowanceLine", "removeAllowanceLine", "markAllowancesPaid",
  "createEvaluationScheme", "openAssessment", "gradeAssessment", "scoreAssessmentSubject", "createRaterLink", "revokeRaterLink", "getRaterForm", "scoreByRaterLink",
  "openServiceEvaluation", "saveServiceEvaluationSection", "startServiceNotice", "fileServiceObjection", "answerServiceObjection", "issueServiceResult",
]);

const pdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const nextYear = () => new Date().getUTCFullYear() + 1;

let programId = "";
let eyePostId = "";
let vicePostId = "";

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await seedDemoRound(db.prisma);
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  // The tokens are issued as an administrator above every organisation (the demo has none: Shaoxing's
  // admin does not manage Xinjiang's receiving hospital nor Wanzhou's accounts).
  const everywhere = (await db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id);
  const adminScope = { ...(await buildScope(db.prisma, admin)), subtreeIds: everywhere };
  for (const username of USERS) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    orgOf[username] = user.organizationId;
    tokens[username] = (await issueApiToken(db.prisma, adminScope, { userId: user.id, name: "contract" })).token;
  }
  const eye = await db.prisma.post.findFirstOrThrow({ where: { title: "眼科医生", rotationBatch: 1 }, select: { id: true, programId: true } });
  eyePostId = eye.id;
  programId = eye.programId;
  vicePostId = (await db.prisma.post.findFirstOrThrow({ where: { programId, title: "副院长", rotationBatch: 1 } })).id;
}, 180_000); // the demo seed and its round through the use cases (document uploads included) on a shared machine

afterAll(async () => {
  await db.drop();
});

describe("every documented answer matches the document", () => {
  it("programmes: list, read, create, edit, timeline, posts, quotas, rules, status", async () => {
    expect((await api("openapi", "staff")).status).toBe(200);
    expect((await api("listPrograms", "admin", { query: "page=1" })).json.total).toBeGreaterThan(0);
    // The lists' sort and page size are documented query params; a forged key or direction is refused at its field (422), as on every list of the API.
    expect((await api("listPrograms", "admin", { query: "sort=name&dir=desc&size=50" })).status).toBe(200);
    const forged = await api("listPrograms", "admin", { query: "sort=createdAt;--&dir=sideways" });
    expect(forged.status).toBe(422);
    expect(Object.keys(forged.json.error.fieldErrors).sort()).toEqual(["dir", "sort"]);
    expect((await api("getProgram", "admin", { params: { programId } })).json.id).toBe(programId);
    const timeline = await api("getTimeline", "staff", { params: { programId } });
    expect(timeline.json.stages[0].kind).toBe("REGISTRATION");

    const created = await api("createProgram", "admin", { body: { kind: "OTHER", name: "接口契约测试", year: nextYear(), serviceMonths: 6, rotationBatches: 1, template: "blank" } });
    const params = { programId: created.json.id as string };
    const openedProgram = await api("getProgram", "admin", { params });
    await api("updateProgram", "admin", { params, body: { kind: "OTHER", name: "接口契约测试（改）", year: nextYear(), serviceMonths: 12, rotationBatches: 1 }, headers: { "if-match": `"${openedProgram.json.version}"` } });
    const y = nextYear();
    const newTimeline = await api("updateTimeline", "admin", {
      params,
      body: { stages: [{ kind: "REGISTRATION", opensAt: `${y}-03-01 09:00`, closesAt: `${y}-03-15 17:00` }, { kind: "PRELIMINARY_REVIEW", opensAt: `${y}-03-16 09:00`, closesAt: `${y}-03-20 17:00`, ratio: 3 }], cutoffs: [{ code: "AGE", label: "年龄计算截止日", date: `${y}-03-01` }] },
    });
    expect(newTimeline.json.stages.map((s: { kind: string }) => s.kind)).toEqual(["REGISTRATION", "PRELIMINARY_REVIEW"]);
    // The documents each stage requires (issue 15): read by anyone who sees the programme, replaced by staff.
    expect((await api("getRequiredDocuments", "staff", { params })).json.stages).toEqual([
      { stage: "REGISTRATION", kinds: [] },
      { stage: "PRELIMINARY_REVIEW", kinds: [] },
    ]);
    const checklist = await api("setRequiredDocuments", "admin", { params, body: { stages: [{ stage: "REGISTRATION", kinds: ["FAMILY_CONSENT", "APPLICATION_LETTER"] }] } });
    expect(checklist.json.stages[0]).toEqual({ stage: "REGISTRATION", kinds: ["APPLICATION_LETTER", "FAMILY_CONSENT"] });
    expect((await api("setRequiredDocuments", "admin", { params, body: { stages: [{ stage: "APPROVAL", kinds: ["OTHER"] }] } })).status).toBe(422);
    expect((await api("setRequiredDocuments", "nominator", { params, body: { stages: [] } })).status).toBe(403);
    const receiving = await db.prisma.organization.findFirstOrThrow({ where: { kind: "RECEIVING_HOSPITAL", isActive: true } });
    const post = await api("createPost", "admin", { params, body: { receivingOrgId: receiving.id, title: "心内科医师", specialty: "心血管内科", headcount: 1, rotationBatch: 1 } });
    await api("updatePost", "admin", { params: { postId: post.json.id }, body: { receivingOrgId: receiving.id, title: "心内科医师", specialty: "心血管内科", headcount: 2, rotationBatch: 1 }, headers: { "if-match": `"${post.json.version}"` } });
    const quotas = await api("setQuotas", "admin", { params: { postId: post.json.id }, body: { quotas: [{ nominatingOrgId: orgOf.nominator, minimum: 1 }] } });
    expect(quotas.json.quotas).toEqual([{ nominatingOrgId: orgOf.nominator, minimum: 1 }]);
    const posts = await api("listPosts", "admin", { params });
    expect(posts.json.rows[0].quotas[0]).toMatchObject({ nominatingOrgId: orgOf.nominator, minimum: 1 });
    await api("saveRule", "admin", { params, body: { name: "本科及以上", tree: { op: "ALL", children: [{ op: "leaf", kind: "educationAtLeast", level: "BACHELOR" }] } } });
    expect((await api("listRules", "admin", { params })).json.rules).toHaveLength(1);

    const opened = await api("changeProgramStatus", "admin", { params, body: { target: "OPEN" } });
    expect(opened.json.status).toBe("OPEN");
    expect(await db.prisma.auditLog.count({ where: { action: "program.status_changed", entityId: params.programId } })).toBe(1);
    const skipping = await api("changeProgramStatus", "admin", { params, body: { target: "DISPATCHING" } });
    expect(skipping.status).toBe(409);
    expect(skipping.json.error).toMatchObject({ code: "conflict", key: "mustGoInOrder" });
    expect((await api("changeProgramStatus", "nominator", { params, body: { target: "VETTING" } })).status).toBe(403);

    // A template laid out from a day long past: opening is refused until the timeline is shifted.
    const late = await api("createProgram", "admin", { body: { kind: "LONG_TERM_AID", name: "接口契约测试（过期报名）", year: 2020, serviceMonths: 18, rotationBatches: 2, template: "longTermAid", startDate: "2020-11-08" } });
    const lateParams = { programId: late.json.id as string };
    await api("createPost", "admin", { params: lateParams, body: { receivingOrgId: receiving.id, title: "心内科医师", specialty: "心血管内科", headcount: 1, rotationBatch: 1 } });
    const refused = await api("changeProgramStatus", "admin", { params: lateParams, body: { target: "OPEN" } });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "conflict", key: "registrationWindowPast" });
    const shiftedOpen = await api("changeProgramStatus", "admin", { params: lateParams, body: { target: "OPEN", shiftTimeline: true } });
    expect(shiftedOpen.json.status).toBe("OPEN");
    const moved = await api("shiftTimeline", "staff", { params: lateParams, body: { opensOn: `${nextYear()}-03-01` } });
    expect(moved.json.stages[0].kind).toBe("REGISTRATION");
    expect(await db.prisma.auditLog.count({ where: { action: "program.timeline_shifted", entityId: lateParams.programId } })).toBe(2);
  });

  it("organisations with their levels", async () => {
    const page = await api("listOrganizations", "admin", { query: "page=1&sort=region&dir=desc&size=100" });
    expect(page.json.rows.length).toBeGreaterThan(0);
    expect(page.json.rows.map((o: { level: string }) => o.level)).toContain("CITY");
    expect((await api("listOrganizations", "nominator")).status).toBe(403);
  });

  it("doctors: list, create with the optional fields left out, read, edit, import, export", async () => {
    await api("listDoctors", "nominator", { query: "page=1&sort=birthDate&dir=desc&size=50" });
    const idNumber = composeIdNumber("330602", "1985-07-01", 123);
    const minimal = { name: "契约医生", sex: "FEMALE", ethnicity: "汉族", birthDate: "1985-07-01", idNumber, education: "BACHELOR", employerId: orgOf.nominator, department: "内科", specialty: "心血管内科", positionRank: "STAFF" };
    const created = await api("createDoctor", "nominator", { body: minimal });
    expect(created.status).toBe(201);
    const stored = await db.prisma.doctor.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(stored).toMatchObject({ degree: null, major: null, practisingCategory: null, positionTitle: null, hireDate: null, phone: null });
    const params = { doctorId: created.json.id as string };
    expect((await api("getDoctor", "nominator", { params })).json).toMatchObject({ name: "契约医生", titles: [], grassrootsServices: [] });
    const fetched = await api("getDoctor", "nominator", { params });
    await api("updateDoctor", "nominator", { params, body: { ...minimal, phone: "0575-8888 1234" }, headers: { "if-match": `"${fetched.json.version}"` } });
    const row = { name: "接口导入", sex: "男", ethnicity: "汉族", birthDate: "1980-05-12", idNumber: composeIdNumber("330681", "1980-05-12", 357), education: "本科", employer: "诸暨市人民医院", department: "心血管内科", specialty: "心血管内科" };
    expect((await api("importDoctors", "nominator2", { query: "dryRun=1", body: { rows: [row] } })).json.committed).toBe(false);
    await api("exportDoctors", "nominator", { query: "format=xlsx" });
    await api("importTemplate", "nominator", { query: "format=csv" });
    await api("exportAudit", "auditor", { query: "format=csv" });
    await api("exportApplications", "staff", { query: "status=IN_PROGRESS&sort=doctor&dir=asc" });
    // A nominated doctor's timeline: the nomination and its decisions, in words.
    const nominated = await db.prisma.application.findFirstOrThrow({ where: { nominatingOrgId: orgOf.nominator }, select: { doctorId: true } });
    const timeline = await api("getDoctorTimeline", "staff", { params: { doctorId: nominated.doctorId } });
    expect(timeline.json.events.map((e: Json) => e.kind)).toContain("application");
  });

  it("eligibility: the screening's reasons are groups of alternatives, as documented", async () => {
    const screening = await api("screenPost", "staff", { params: { postId: eyePostId }, query: "verdict=INELIGIBLE" });
    const withReasons = screening.json.page.rows.find((row: { reasons: unknown[] }) => row.reasons.length > 0);
    expect(withReasons.reasons[0]).toBeInstanceOf(Array);
    expect(withReasons.reasons[0][0]).toHaveProperty("key");
    const one = await api("evaluateDoctor", "staff", { params: { postId: eyePostId, doctorId: withReasons.doctorId } });
    expect(one.json.reasons[0]).toBeInstanceOf(Array);
    const bachelor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgOf.nominator, education: "BACHELOR" } });
    const tree = (level: string) => ({ op: "ALL", children: [{ op: "leaf", kind: "educationAtLeast", level }] });
    expect((await api("previewRule", "staff", { params: { programId }, body: { doctorId: bachelor.id, tree: tree("DOCTORATE") } })).json.verdict).toBe("INELIGIBLE");
    expect((await api("previewRule", "staff", { params: { programId }, body: { doctorId: bachelor.id, tree: tree("BACHELOR") } })).json.verdict).toBe("ELIGIBLE");
    const badTree = await api("previewRule", "staff", { params: { programId }, body: { doctorId: bachelor.id, tree: { op: "ALL", children: [] } } });
    expect(badTree.status).toBe(422);
    // The screening list as Excel; a filter nobody matches is refused in words, not sent as headers only.
    expect((await api("exportScreening", "staff", { params: { postId: eyePostId }, query: "verdict=INELIGIBLE" })).status).toBe(200);
    const none = await api("exportScreening", "staff", { params: { postId: eyePostId }, query: "verdict=all&q=没有这个名字" });
    expect(none.status).toBe(409);
    expect(none.json.error).toMatchObject({ code: "conflict", key: "nothingToExportScreening", message: "筛查结果中没有符合筛选条件的医生，无可导出。" });
  });

  it("nominations, documents, decisions, reopenings, ranking and the lists", async () => {
    const closesAt = `${nextYear()}-06-30 12:00`;
    for (const unit of ["nominator", "nominator2"]) {
      const reopened = await api("reopenStage", "staff", { params: { programId }, body: { stage: "REGISTRATION", organizationId: orgOf[unit], closesAt, reason: "接口契约测试：报名延期" } });
      expect(reopened.json.organizationId).toBe(orgOf[unit]);
    }
    expect((await api("listReopenings", "staff", { params: { programId } })).json.rows).toHaveLength(2);

    const doctorUser = await db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" } });
    const colleague = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgOf.nominator, id: { not: doctorUser.doctorId! }, applications: { none: {} } }, orderBy: { id: "asc" } });
    const nominated = await api("submitApplication", "nominator", { body: { postId: eyePostId, doctorId: colleague.id, exceptionReason: "岗位急需，单位推荐" } });
    expect(nominated.status).toBe(201);
    const applicationId = nominated.json.id as string;
    await api("listApplications", "nominator", { query: "page=1" });
    await api("getApplication", "nominator", { params: { applicationId } });

    const form = new FormData();
    form.set("kind", "APPLICATION_LETTER");
    form.set("file", new File([pdf()], "援疆工作申请书.pdf", { type: "application/pdf" }));
    const uploaded = await api("uploadAttachment", "nominator", { params: { applicationId }, form });
    expect((await api("listAttachments", "staff", { params: { applicationId } })).json).toHaveLength(1);
    await api("downloadAttachment", "staff", { params: { attachmentId: uploaded.json.id } });

    // Seed 000's preliminary review needs 家属意见 and the 报名表 too (issue 15): refused naming them, then sent.
    const lacking = await api("decide", "staff", { body: { applicationIds: [applicationId], stage: "PRELIMINARY_REVIEW", outcome: "PASS", reason: "初审期限已过，补审通过" } });
    expect(lacking.status).toBe(409);
    expect(lacking.json.error).toMatchObject({ code: "conflict", key: "documentsMissing" });
    expect(lacking.json.error.message).toContain("（家属意见、报名表）");
    for (const [kind, name] of [["FAMILY_CONSENT", "家属意见.pdf"], ["REGISTRATION_FORM", "报名表.pdf"]]) {
      const paper = new FormData();
      paper.set("kind", kind!);
      paper.set("file", new File([pdf()], name!, { type: "application/pdf" }));
      expect((await api("uploadAttachment", "nominator", { params: { applicationId }, form: paper })).status).toBe(201);
    }
    const decided = await api("decide", "staff", { body: { applicationIds: [applicationId], stage: "PRELIMINARY_REVIEW", outcome: "PASS", reason: "初审期限已过，补审通过" } });
    expect(decided.json.decided).toBe(1);

    const registered = await api("submitApplication", "doctor", { body: { postId: eyePostId, exceptionReason: "本人自愿报名" } });
    const endorsed = await api("endorseApplication", "nominator", { params: { applicationId: registered.json.id }, body: { endorse: true } });
    expect(endorsed.json.status).toBe("IN_PROGRESS");
    const withdrawn = await api("withdrawApplication", "doctor", { params: { applicationId: registered.json.id }, body: { reason: "家庭原因退出" } });
    expect(withdrawn.json.status).toBe("WITHDRAWN");

    const board = await api("vettingBoard", "staff", { params: { programId } });
    expect(board.json.posts.length).toBeGreaterThan(0);
    // Programme health: the bureau reads the figures and exports one table; a hospital is refused, another bureau does not find it.
    const health = await api("programHealth", "auditor", { params: { programId } });
    expect(health.json.posts.length).toBe(board.json.posts.length);
    expect((await api("exportProgramHealth", "staff", { params: { programId, table: "stages" } })).status).toBe(200);
    expect((await api("exportProgramHealth", "staff", { params: { programId, table: "nonsense" } })).status).toBe(404);
    expect((await api("programHealth", "nominator", { params: { programId } })).status).toBe(403);
    expect((await api("programHealth", "wz-admin", { params: { programId } })).status).toBe(404);
    // Nobody has passed the report list yet: an empty sheet is refused in words, not sent as if it were the list.
    const empty = await api("exportVettingList", "staff", { params: { programId, list: "report" } });
    expect(empty.status).toBe(409);
    expect(empty.json.error).toMatchObject({ code: "conflict", key: "nothingToExportReport", message: "上报名单中还没有人，无可导出。" });

    const ranked = await db.prisma.application.findMany({ where: { postId: vicePostId, rank: { not: null } }, orderBy: { rank: "desc" }, select: { id: true } });
    expect(ranked).toHaveLength(3);
    const rank = await api("rankShortlist", "staff", { params: { postId: vicePostId }, body: { applicationIds: ranked.map((a) => a.id) } });
    expect(rank.json.ranked).toBe(3);
    const partial = await api("rankShortlist", "staff", { params: { postId: vicePostId }, body: { applicationIds: [ranked[0]!.id] } });
    expect(partial.json.error).toMatchObject({ code: "conflict", key: "rankMustListShortlist" });
  });

  it("the public notice: publish, view, export, object, answer, withdraw, confirm, versions", async () => {
    // A programme of three batches with appointees (the scene, inserted): batch 1 noticed long ago
    // (its window closed), batch 2 published here through the API, batch 3 three days ago (through
    // the use case: a window of 5 working days that holds today whatever the weekday).
    const staffUser = await db.prisma.user.findUniqueOrThrow({ where: { username: "staff" } });
    const staffScope = await buildScope(db.prisma, staffUser);
    const receiving = await db.prisma.organization.findFirstOrThrow({ where: { kind: "RECEIVING_HOSPITAL", isActive: true } });
    const program = await db.prisma.program.create({
      data: { bureauId: staffUser.organizationId, kind: "OTHER", name: "公示契约测试", year: nextYear(), status: "VETTING", serviceMonths: 12, rotationBatches: 3, stages: { create: [{ kind: "APPROVAL", sequence: 1, opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2026-02-01T00:00:00Z") }] } },
    });
    const doctors = await db.prisma.doctor.findMany({ where: { employerId: orgOf.nominator, user: null }, orderBy: { id: "asc" }, take: 4, select: { id: true } });
    const appointees: string[] = [];
    for (const [i, doctor] of doctors.entries()) {
      const post = await db.prisma.post.create({ data: { programId: program.id, receivingOrgId: receiving.id, title: `公示岗位${i + 1}`, specialty: "全科医学", headcount: 1, rotationBatch: [1, 1, 2, 3][i]! } });
      const app = await db.prisma.application.create({ data: { postId: post.id, doctorId: doctor.id, nominatingOrgId: orgOf.nominator!, source: "UNIT", status: "APPROVED", currentStage: "APPROVAL", createdById: staffUser.id } });
      appointees.push(app.id);
    }
    const params = { programId: program.id };
    await api("exportVettingList", "staff", { params: { programId: program.id, list: "approved" } }); // four appointees: the sheet downloads
    const DAY = 86_400_000;
    await publishNotice(db.prisma, staffScope, { programId: program.id, rotationBatch: 1 }, new Date(Date.now() - 40 * DAY));
    await publishNotice(db.prisma, staffScope, { programId: program.id, rotationBatch: 3, workingDays: 5 }, new Date(Date.now() - 3 * DAY));
    const published = await api("publishNotice", "staff", { params, body: { rotationBatch: 2, workingDays: 5, note: "联系电话：0575-8888 0000" } });
    expect(published.status).toBe(201);
    expect((await api("publishNotice", "nominator", { params, body: { rotationBatch: 2 } })).status).toBe(403);
    expect((await api("publishNotice", "staff", { params, body: { rotationBatch: 2 } })).json.error).toMatchObject({ code: "conflict", key: "noticeRunning" });

    const view = await api("getNotice", "doctor", { params, query: "batch=1" });
    expect(view.json.can).toMatchObject({ manage: false, object: false });
    expect(view.json.notice.entries[0].idNumber).toContain("*");
    const late = await api("fileObjection", "doctor", { params, body: { noticeId: view.json.notice.id, applicationId: appointees[0], reason: "公示期后的异议" } });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatchObject({ code: "conflict", key: "noticeWindowClosed" });
    expect(late.json.error.message).toContain("不再受理异议");

    const batch3 = await db.prisma.publicNotice.findFirstOrThrow({ where: { programId: program.id, rotationBatch: 3 } });
    const filed = await api("fileObjection", "nominator", { params, body: { noticeId: batch3.id, applicationId: appointees[3], reason: "该同志已调离本单位" } });
    expect(filed.status).toBe(201);
    const answered = await api("answerObjection", "staff", { params: { ...params, objectionId: filed.json.id }, body: { answer: "经核实，该同志仍在本单位工作。" } });
    expect(answered.json.status).toBe("ANSWERED");
    expect((await api("answerObjection", "staff", { params: { ...params, objectionId: filed.json.id }, body: { answer: "再答一次" } })).json.error.key).toBe("alreadyAnswered");
    // The path's programme must be the record's: another programme's path is 404.
    expect((await api("answerObjection", "staff", { params: { programId, objectionId: filed.json.id }, body: { answer: "走错路径" } })).status).toBe(404);
    expect((await api("withdrawAppointee", "staff", { params: { programId }, body: { applicationId: appointees[3], reason: "走错路径" } })).status).toBe(404);
    expect((await api("listObjections", "nominator", { params, query: "batch=3" })).json.objections[0].answer).toBe("经核实，该同志仍在本单位工作。");
    expect((await api("listObjections", "staff", { params, query: "batch=3" })).json.objections).toHaveLength(1);
    expect((await api("confirmList", "staff", { params, body: { rotationBatch: 3 } })).json.error.key).toBe("noticeWindowOpen");

    const v1 = await api("confirmList", "staff", { params, body: { rotationBatch: 1 } });
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ version: 1, names: 2 });
    const withdrawn = await api("withdrawAppointee", "staff", { params, body: { applicationId: appointees[1], reason: "本人申请退出" } });
    expect(withdrawn.json.version).toMatchObject({ version: 2, names: 1, reason: "本人申请退出" });
    const versions = await api("listListVersions", "staff", { params, query: "batch=1" });
    expect(versions.json.versions.map((v: { version: number; isCurrent: boolean }) => [v.version, v.isCurrent])).toEqual([[2, true], [1, false]]);
    expect((await api("listListVersions", "doctor", { params, query: "batch=1" })).status).toBe(403);
    await api("exportNotice", "staff", { params, query: "batch=1" });
    expect((await api("getNotice", "staff", { params, query: "batch=1" })).json.versions).toHaveLength(2);
  });

  it("the integrator's operations: each role allowed or refused as the permission matrix and its scope say, nothing written when refused", async () => {
    const ROLES = ["admin", "staff", "nominator", "receiver", "doctor", "auditor", "finance", "wz-admin"] as const;
    type Role = (typeof ROLES)[number];
    const y = nextYear();
    const receiving = await db.prisma.organization.findFirstOrThrow({ where: { kind: "RECEIVING_HOSPITAL", isActive: true } });
    /** A draft programme of Shaoxing's bureau with two posts (one to delete) and one rule: each allowed write works on its own. */
    async function draft(name: string) {
      const program = await api("createProgram", "admin", { body: { kind: "OTHER", name, year: y, serviceMonths: 6, rotationBatches: 1, template: "blank" } });
      const programId = program.json.id as string;
      const post = await api("createPost", "admin", { params: { programId }, body: { receivingOrgId: receiving.id, title: "全科医师", specialty: "全科医学", headcount: 1, rotationBatch: 1 } });
      const spare = await api("createPost", "admin", { params: { programId }, body: { receivingOrgId: receiving.id, title: "多余的岗位", specialty: "全科医学", headcount: 1, rotationBatch: 1 } });
      const rule = await api("saveRule", "admin", { params: { programId }, body: { name: "本科及以上", tree: { op: "ALL", children: [{ op: "leaf", kind: "educationAtLeast", level: "BACHELOR" }] } } });
      return { programId, postId: post.json.id as string, spareId: spare.json.id as string, ruleId: rule.json.id as string };
    }
    const drafts = { admin: await draft("角色矩阵（管理员）"), staff: await draft("角色矩阵（工作人员）"), other: await draft("角色矩阵（无权者）") };
    const target = (user: Role) => (user === "admin" || user === "staff" ? drafts[user] : drafts.other);
    const ranked = (await db.prisma.application.findMany({ where: { postId: vicePostId, rank: { not: null } }, orderBy: { rank: "asc" }, select: { id: true } })).map((a) => a.id);
    const seesDemo: Role[] = ["admin", "staff", "nominator", "receiver", "doctor", "auditor"];
    const bureau: Role[] = ["admin", "staff"];
    const shaoxingOrg = orgOf.nominator!;
    const orgBody = { name: "", code: "", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市越城区", parentId: orgOf.admin };
    let n = 0;
    const cases: { op: OperationId; allowed: Role[]; hidden?: Role[]; options: (user: Role) => CallOptions }[] = [
      { op: "getTimeline", allowed: seesDemo, hidden: ["finance", "wz-admin"], options: () => ({ params: { programId } }) },
      { op: "updateTimeline", allowed: bureau, hidden: ["wz-admin"], options: (u) => ({ params: { programId: target(u).programId }, body: { stages: [{ kind: "REGISTRATION", opensAt: `${y}-03-01 09:00`, closesAt: `${y}-03-15 17:00` }], cutoffs: [] } }) },
      { op: "shiftTimeline", allowed: bureau, hidden: ["wz-admin"], options: (u) => ({ params: { programId: target(u).programId }, body: { opensOn: `${y}-03-02` } }) },
      { op: "getQuotas", allowed: seesDemo, hidden: ["finance", "wz-admin"], options: () => ({ params: { postId: eyePostId } }) },
      { op: "setQuotas", allowed: bureau, hidden: ["wz-admin"], options: (u) => ({ params: { postId: target(u).postId }, body: { quotas: [{ nominatingOrgId: shaoxingOrg, minimum: 2 }] } }) },
      { op: "deletePost", allowed: bureau, hidden: ["wz-admin"], options: (u) => ({ params: { postId: target(u).spareId } }) },
      { op: "deleteRule", allowed: bureau, hidden: ["wz-admin"], options: (u) => ({ params: { programId: target(u).programId, ruleId: target(u).ruleId } }) },
      { op: "changeProgramStatus", allowed: bureau, hidden: ["wz-admin"], options: (u) => ({ params: { programId: target(u).programId }, body: { target: "OPEN" } }) },
      { op: "reopenStage", allowed: bureau, hidden: ["wz-admin"], options: () => ({ params: { programId }, body: { stage: "REGISTRATION", organizationId: shaoxingOrg, closesAt: `${y}-05-31 12:00`, reason: "角色矩阵：报名延期" } }) },
      { op: "listReopenings", allowed: ["admin", "staff", "auditor"], hidden: ["wz-admin"], options: () => ({ params: { programId } }) },
      { op: "rankShortlist", allowed: bureau, /* another bureau's post: 403, as for its decisions (vetting.test) */ options: () => ({ params: { postId: vicePostId }, body: { applicationIds: ranked } }) },
      { op: "listOrganizations", allowed: ["admin", "staff", "auditor", "wz-admin"], options: () => ({ query: "level=COUNTY&page=1" }) },
      { op: "getOrganization", allowed: ["admin", "staff", "auditor"], hidden: ["wz-admin"], options: () => ({ params: { organizationId: shaoxingOrg } }) },
      { op: "createOrganization", allowed: ["admin"], /* a parent outside one's subtree: 403, as in the form */ options: (u) => ({ body: { ...orgBody, name: `角色矩阵卫生院${++n}（${u}）` } }) },
      { op: "duplicateProgram", allowed: bureau, hidden: ["wz-admin"], options: () => ({ params: { programId } }) },
    ];
    const matrix: string[] = [];
    for (const { op, allowed, hidden = [], options } of cases) {
      for (const user of ROLES) {
        const before = await db.prisma.auditLog.count();
        const { status } = await api(op, user, options(user));
        const expected = allowed.includes(user) ? "allowed" : hidden.includes(user) ? "404" : "403";
        const got = status < 300 ? "allowed" : String(status);
        if (got !== expected) matrix.push(`${op} as ${user}: ${got}, expected ${expected}`);
        if (expected !== "allowed") expect(await db.prisma.auditLog.count(), `${op} as ${user} wrote nothing`).toBe(before);
      }
    }
    expect(matrix).toEqual([]);
  }, 180_000); // some 130 calls: well over the default on a loaded machine

  it("organisations, managed through the API: create with the optional fields left out, read, edit from the version read, deactivate, reactivate", async () => {
    const created = await api("createOrganization", "admin", { body: { name: "越城区接口社区卫生服务中心", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市越城区", parentId: orgOf.admin } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ code: null, grade: null, isActive: true });
    const params = { organizationId: created.json.id as string };
    const read = await api("getOrganization", "admin", { params });
    expect(read.json.parent.id).toBe(orgOf.admin);
    const noVersion = await api("updateOrganization", "admin", { params, body: { name: "越城区接口社区卫生服务中心（改）", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市越城区" } });
    expect(noVersion.status).toBe(428);
    const edited = await api("updateOrganization", "admin", { params, body: { name: "越城区接口社区卫生服务中心（改）", code: "YC-API-1", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市越城区" }, headers: { "if-match": `"${read.json.version}"` } });
    expect(edited.json).toMatchObject({ code: "YC-API-1", version: read.json.version + 1 });
    const stale = await api("updateOrganization", "admin", { params, body: { name: "过时的修改", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市越城区" }, headers: { "if-match": `"${read.json.version}"` } });
    expect(stale.json.error).toMatchObject({ code: "conflict", key: "staleEdit" });
    expect((await api("deactivateOrganization", "admin", { params })).json.isActive).toBe(false);
    expect((await api("listOrganizations", "admin", { query: "status=inactive&level=TOWNSHIP" })).json.rows.map((o: { id: string }) => o.id)).toContain(params.organizationId);
    expect((await api("reactivateOrganization", "admin", { params })).json.isActive).toBe(true);
    const ownDeactivate = await api("deactivateOrganization", "admin", { params: { organizationId: orgOf.admin! } });
    expect(ownDeactivate.status).toBe(403);
    const levels = await api("listOrganizations", "admin", { query: "level=CITY" });
    expect(levels.json.rows.length).toBeGreaterThan(0);
    expect(levels.json.rows.every((o: { level: string }) => o.level === "CITY")).toBe(true);
  });

  it("accounts, API tokens, the caller's own account and inbox: what the admin pages and the account menu do", async () => {
    const listed = await api("listUsers", "auditor", { query: "status=active&page=1" });
    expect(listed.json.rows.map((u: { username: string }) => u.username)).toContain("staff");
    expect((await api("listUsers", "nominator")).status).toBe(403);
    const created = await api("createUser", "admin", { body: { username: "api.clerk", displayName: "接口办事员", role: "BUREAU_STAFF", organizationId: orgOf.admin } });
    expect(created.status).toBe(201);
    expect(created.json.password.length).toBeGreaterThanOrEqual(12);
    const params = { userId: created.json.id as string };
    const read = await api("getUser", "admin", { params });
    expect(read.json).toMatchObject({ username: "api.clerk", email: null, phone: null, mustChangePassword: true });
    expect((await api("updateUser", "admin", { params, body: { displayName: "接口办事员", role: "BUREAU_STAFF", organizationId: orgOf.admin } })).status).toBe(428);
    const edited = await api("updateUser", "admin", { params, body: { displayName: "接口办事员（改）", role: "BUREAU_STAFF", organizationId: orgOf.admin, email: "Clerk@Example.cn", phone: "0575-8512 3456" }, headers: { "if-match": `"${read.json.version}"` } });
    expect(edited.json).toMatchObject({ displayName: "接口办事员（改）", email: "clerk@example.cn", phone: "0575-85123456", version: read.json.version + 1 });
    const badPhone = await api("updateUser", "admin", { params, body: { displayName: "接口办事员", role: "BUREAU_STAFF", organizationId: orgOf.admin, phone: "12" }, headers: { "if-match": `"${edited.json.version}"` }, lang: "en" });
    expect(badPhone.status).toBe(422);
    expect(badPhone.json.error.fieldErrorKeys.phone).toEqual(["phoneInvalid"]);
    expect(badPhone.json.error.fieldErrors.phone[0]).toMatch(/[a-z]/);
    const reset = await api("resetUserPassword", "admin", { params });
    expect(reset.json.password).not.toBe(created.json.password);
    expect((await api("deactivateUser", "admin", { params })).json.status).toBe("inactive");
    expect((await api("reactivateUser", "admin", { params })).json.status).toBe("active");
    expect((await api("unlockUser", "admin", { params })).json.failedLoginCount).toBe(0);
    const self = await api("deactivateUser", "admin", { params: { userId: (await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } })).id } });
    expect(self.status).toBe(422);
    expect(self.json.error.message).toBe("不能停用自己的账号。");
    expect(await db.prisma.auditLog.count({ where: { entityId: params.userId, action: { startsWith: "user." } } })).toBe(6);

    const issued = await api("issueApiToken", "admin", { params, body: { name: "接口对接" } });
    expect(issued.json.token).toMatch(/^mdt_/);
    const tokens = await api("listApiTokens", "admin", { params });
    expect(tokens.json.tokens).toEqual([expect.objectContaining({ id: issued.json.id, prefix: issued.json.prefix, revokedAt: null, expiresAt: null })]);
    expect(JSON.stringify(tokens.json)).not.toContain(issued.json.token);
    expect((await api("issueApiToken", "admin", { params, body: { name: "过期", expiresOn: "2020-01-01" } })).json.error.key).toBe("expiryInPast");
    expect((await api("revokeApiToken", "admin", { params: { tokenId: issued.json.id } })).json).toEqual({ id: issued.json.id, userId: params.userId });
    expect((await api("listApiTokens", "admin", { params })).json.tokens[0].revokedAt).not.toBeNull();
    expect((await api("revokeApiToken", "staff", { params: { tokenId: issued.json.id } })).status).toBe(403);

    const me = await api("getOwnAccount", "doctor");
    expect(me.json).toMatchObject({ username: "doctor", role: "DOCTOR", organizationId: orgOf.doctor });
    expect(me.json.doctorId).not.toBeNull();
    expect((await api("setOwnLocale", "doctor", { body: { locale: "en" } })).json.locale).toBe("en");
    expect((await api("getOwnAccount", "doctor")).json.locale).toBe("en");
    await api("setOwnLocale", "doctor", { body: { locale: "zh-CN" } });
    const wrong = await api("changeOwnPassword", "doctor", { body: { currentPassword: "not-it", newPassword: "Neu@Passwort2026", confirmPassword: "Neu@Passwort2026" } });
    expect(wrong.json.error.fieldErrorKeys.currentPassword).toEqual(["currentPasswordWrong"]);
    expect(wrong.json.error.fieldErrors.currentPassword[0]).toMatch(/[\u4e00-\u9fff]/);
    const changed = await api("changeOwnPassword", "doctor", { body: { currentPassword: DEMO_PASSWORD, newPassword: "Neu@Passwort2026", confirmPassword: "Neu@Passwort2026" } });
    expect(changed.status).toBe(200);
    expect((await api("getOwnAccount", "doctor")).json.passwordChangedAt).toBe(changed.json.passwordChangedAt);

    const nominatorId = (await db.prisma.user.findUniqueOrThrow({ where: { username: "nominator" } })).id;
    const note = await db.prisma.notification.create({ data: { userId: nominatorId, kind: "test", title: "接口通知", body: "接口契约测试的通知" } });
    const inbox = await api("listNotifications", "nominator", { query: "filter=unread" });
    expect(inbox.json.rows.map((n: { id: string }) => n.id)).toContain(note.id);
    expect(inbox.json.unread).toBe(inbox.json.total);
    expect((await api("markNotificationRead", "staff", { params: { notificationId: note.id } })).status).toBe(404);
    expect((await api("markNotificationRead", "nominator", { params: { notificationId: note.id } })).json.id).toBe(note.id);
    await api("markAllNotificationsRead", "nominator");
    expect((await api("listNotifications", "nominator", { query: "filter=unread" })).json.unread).toBe(0);
  });

  it("the service area (dispatches, leave, attendance, work logs, mentoring, hand-over, allowances, evaluations): every read answers as documented", async () => {
    // The demo's cohort in service (Wanzhou, seed 001) with its leave, logs, hand-over, assessment and allowances.
    await loadServiceDemo(db.prisma);
    const dispatch = await db.prisma.dispatch.findFirstOrThrow({ where: { doctor: { name: "谭晓宇" } }, select: { id: true, post: { select: { programId: true } } } });
    const dispatchId = dispatch.id;
    const wzProgramId = dispatch.post.programId;
    const d = { params: { dispatchId } };

    const board = await api("listDispatches", "wz-admin");
    expect(board.json.rows.length).toBeGreaterThan(0);
    const listed = await api("listDispatchPage", "wz-admin", { query: "sort=doctor&dir=asc&size=20&ended=1" });
    expect(listed.json.rows.length).toBe(Math.min(20, listed.json.total));
    expect((await api("listDispatchPage", "wz-admin", { query: "sort=password" })).status).toBe(422);
    expect((await api("getDispatch", "wz-admin", d)).json.id).toBe(dispatchId);
    await api("dispatchCandidates", "wz-admin", { params: { programId: wzProgramId } });
    await api("counterpartMap", "wz-admin");
    await api("serviceClock", "wz-doctor", d);
    await api("listAttendance", "wz-admin", d);
  }, 180_000);

  it("the service area: the doctor's mentoring, the supervisor's review of logs, an extension — each answer as documented", async () => {
    const dispatchId = (await db.prisma.dispatch.findFirstOrThrow({ where: { doctor: { name: "谭晓宇" } }, select: { id: true } })).id;
    const read = await api("getDispatch", "wz-admin", { params: { dispatchId } });
    const startDate = String(read.json.startDate).slice(0, 10);
    const pairBody = { menteeName: "冉小青", menteeTitle: "住院医师", goals: "独立完成常见病的诊治", startDate };
    const pair = await api("createMentoringPair", "wz-doctor", { params: { dispatchId }, body: pairBody });
    expect(pair.status).toBe(201);
    const mentoringPairId = pair.json.id as string;
    const updated = await api("updateMentoringPair", "wz-doctor", { params: { mentoringPairId }, body: { ...pairBody, outcome: "LICENCE_EXAM_PASSED", version: pair.json.version } });
    expect(updated.json.outcome).toBe("LICENCE_EXAM_PASSED");
    expect((await api("deleteMentoringPair", "wz-doctor", { params: { mentoringPairId }, query: `version=${updated.json.version}` })).json.deleted).toBe(mentoringPairId);

    const pending = await api("pendingWorkLogs", "wz-receiver");
    expect(pending.json.rows.length).toBeGreaterThanOrEqual(2);
    const [first, second] = pending.json.rows as { id: string; version: number }[];
    expect((await api("confirmWorkLogs", "wz-receiver", { body: { logs: [{ workLogId: first!.id, version: first!.version }] } })).json.confirmed).toBe(1);
    const returned = await api("returnWorkLog", "wz-receiver", { params: { workLogId: second!.id }, body: { version: second!.version, comment: "门诊人次与科室登记不符，请核对" } });
    expect(returned.status).toBe(200);

    const lastDay = String(read.json.lastDay).slice(0, 10);
    const later = `${Number(lastDay.slice(0, 4)) + 1}${lastDay.slice(4, 10)}`.replace("-02-29", "-02-28");
    const extended = await api("extendDispatch", "wz-admin", { params: { dispatchId }, body: { expectedVersion: read.json.version, lastDay: later, reason: "乡镇卫生院请求延长一年" } });
    expect(String(extended.json.lastDay).slice(0, 10)).toBe(later);
  }, 120_000);

  it("workforce indicators and targeted students (seed 002): read, export, enter, correct — each answer as documented", async () => {
    const indicators = await api("workforceIndicators", "staff");
    expect(indicators.json.years).toEqual([2022, 2023, 2024, 2025]);
    const perThousand = indicators.json.indicators.find((i: Json) => i.code === "GRASSROOTS_STAFF_PER_1000");
    const open2025 = perThousand.years.find((y: Json) => y.year === 2025);
    expect(open2025.actual).toBeNull();
    await api("exportWorkforceIndicators", "staff");
    const gp = indicators.json.indicators.find((i: Json) => i.code === "GP_PER_10000");
    const created = await api("createWorkforceFigure", "staff", { body: { indicatorId: gp.id, regionId: orgOf.staff, year: 2026, target: 5.2, numerator: 2700, denominator: 5_400_000 } });
    expect(created.status).toBe(201);
    const updated = await api("updateWorkforceFigure", "staff", { params: { figureId: open2025.figureId }, body: { version: open2025.version, target: 3.8, numerator: 21_000, denominator: 5_430_000 } });
    expect(updated.json.version).toBe(open2025.version + 1);
    // A unit's nominator is refused the region's indicators (403), as documented.
    expect((await api("workforceIndicators", "nominator")).status).toBe(403);

    const contracts = await api("listTargetedContracts", "staff");
    expect(contracts.json.rows.length).toBeGreaterThan(0);
    const unit = await db.prisma.organization.findFirstOrThrow({ where: { name: "诸暨市枫桥镇中心卫生院" }, select: { id: true } });
    const contract = await api("createTargetedContract", "staff", { body: { name: "契约测试生", school: "温州医科大学", graduationYear: 2025, serviceYears: 6, serviceStartDate: "2025-09-01", serviceOrgId: unit.id } });
    expect(contract.status).toBe(201);
    const corrected = await api("updateTargetedContract", "staff", { params: { contractId: contract.json.id }, body: { ...contract.json, note: "已到岗", version: contract.json.version } });
    expect(corrected.json.note).toBe("已到岗");
    const promotion = await api("promotionService", "nominator");
    expect(promotion.json.met + promotion.json.notMet).toBe(promotion.json.rows.length);
  });

  it("the to-do inbox: each caller's own, with the stage and the deadline as documented", async () => {
    const staff = await api("getInbox", "staff");
    expect(staff.json.items.some((i: Json) => i.kind === "review" && i.stage && i.href.startsWith("/applications?"))).toBe(true);
    expect(staff.json.total).toBe(staff.json.items.reduce((sum: number, i: Json) => sum + i.count, 0));
    // A unit's nominator sees none of the bureau's vetting.
    expect((await api("getInbox", "nominator")).json.items.filter((i: Json) => i.kind === "review")).toEqual([]);
    // The auditor acts on nothing: an empty inbox, not a refusal.
    expect((await api("getInbox", "auditor")).json).toEqual({ items: [], total: 0 });
  });

  it("every documented operation's refusals match the document: no credentials (401), a forged id or an empty body (404, 403 or 422)", async () => {
    let bad = 0;
    for (const [operationId, op] of Object.entries(operations) as [OperationId, ApiOperation][]) {
      if (op.permission === "raterLink" || operationId === "openapi") continue;
      const routeModule = (await import(routeFile(op.path))) as Record<string, Handler>;
      const handler = routeModule[op.method.toUpperCase()]!;
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const params = Object.fromEntries(names.map((n) => [n, "cl000000000000000000forged"]));
      const url = "http://localhost/api/v1" + op.path.replace(/\{(\w+)\}/g, "cl000000000000000000forged");
      // A wrong token only now and then: 60 wrong guesses from one address lock every bearer caller out (429).
      const guess = Object.keys(operations).indexOf(operationId) % 10 === 0 ? [{ authorization: "Bearer mdt_not-a-token" }] : [];
      const calls: Record<string, string>[] = [...guess, { authorization: `Bearer ${tokens.admin}` }, { authorization: `Bearer ${tokens.nominator}` }];
      for (const headers of calls) {
        const isJsonBody = op.body && op.bodyType !== "multipart/form-data";
        const init = { method: op.method.toUpperCase(), headers: { ...headers, ...(isJsonBody ? { "content-type": "application/json" } : {}), "if-match": '"1"' }, ...(isJsonBody ? { body: "{}" } : {}) };
        const response = await handler(new NextRequest(url, init), { params: Promise.resolve(params) });
        if (response.status < 400) continue;
        const json = (await response.json()) as Json;
        const problems = documentProblems(op, response.status, json);
        if (problems.length) {
          bad++;
          console.error(operationId, response.status, problems);
        }
        expect(r.errorResponseSchema.safeParse(json).success, `${operationId} ${response.status}`).toBe(true);
        expect(json.error.message, `${operationId}: a message in words`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(bad).toBe(0);
  }, 180_000);

  it("every documented list refuses an unknown sort, dir, page or size (422 at its field, as documented), and documents its sort keys", async () => {
    // Every GET of the registry whose query pages or sorts, found from the registry itself (a list added later is swept too).
    const lists = (Object.entries(operations) as [OperationId, ApiOperation][]).filter(([, op]) => op.method === "get" && op.query && ("page" in op.query.shape || "sort" in op.query.shape));
    expect(lists.map(([id]) => id)).toEqual(expect.arrayContaining(["listApplications", "listDoctors", "listPrograms", "listOrganizations", "listUsers", "listDispatchPage", "leaveQueue", "workloadTotals", "allowancesDue", "listAssessments", "listNotifications", "screenPost", "pendingWorkLogs"]));
    const params = { postId: eyePostId, programId };
    const failures: string[] = [];
    for (const [operationId, op] of lists) {
      const shape = op.query!.shape as Record<string, unknown>;
      const parameters = (documentJson.paths[op.path][op.method].parameters ?? []) as Json[];
      if ("sort" in shape) {
        const keys = parameters.find((p) => p.name === "sort" && p.in === "query")?.schema?.enum;
        if (!Array.isArray(keys) || keys.length === 0) failures.push(`${operationId}: the document gives no enum of sort keys`);
      }
      const bogus = { sort: "password", dir: "sideways", page: "0", size: "7" };
      for (const [field, value] of Object.entries(bogus)) {
        if (!(field in shape)) continue;
        // The first user the route lets in (its permission), in the order of USERS.
        let answer: { status: number; json: Json } | undefined;
        for (const user of USERS) {
          answer = await api(operationId, user, { params, query: `${field}=${value}`, lang: "en" });
          if (answer.status !== 401 && answer.status !== 403) break;
        }
        if (answer!.status !== 422) failures.push(`${operationId} ${field}=${value}: ${answer!.status}`);
        else if (!answer!.json.error.fieldErrors?.[field]?.[0]) failures.push(`${operationId} ${field}=${value}: no field error at ${field}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it("every operation of the document was answered successfully and validated", () => {
    const missing = (Object.keys(operations) as OperationId[]).filter((id) => !answered.has(id) && !NOT_YET_EXERCISED.has(id));
    expect(missing, "documented operations never answered successfully here").toEqual([]);
    const nowExercised = [...NOT_YET_EXERCISED].filter((id) => answered.has(id));
    expect(nowExercised, "exercised now: take them off NOT_YET_EXERCISED").toEqual([]);
    expect(answered.size).toBeGreaterThanOrEqual(38);
  });
});

describe("errors in the caller's language", () => {
  it("a refusal carries its code, its key and the sentence in zh-CN by default, in English when asked", async () => {
    const ranked = await db.prisma.application.findFirstOrThrow({ where: { postId: vicePostId, rank: { not: null } } });
    const zh = await api("rankShortlist", "staff", { params: { postId: vicePostId }, body: { applicationIds: [ranked.id] } });
    expect(zh.json.error.code).toBe("conflict");
    expect(zh.json.error.key).toBe("rankMustListShortlist");
    expect(zh.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await api("rankShortlist", "staff", { params: { postId: vicePostId }, body: { applicationIds: [ranked.id] }, lang: "en-GB,en;q=0.9,zh;q=0.5" });
    expect(en.json.error.message).toBe("The ranking must list every shortlisted candidate of the post.");
    const preferChinese = await api("rankShortlist", "staff", { params: { postId: vicePostId }, body: { applicationIds: [ranked.id] }, lang: "fr, zh-CN;q=0.8, en;q=0.5" });
    expect(preferChinese.json.error.message).toBe(zh.json.error.message);
  });

  it("field errors are words, their keys beside them", async () => {
    const en = await api("createDoctor", "nominator", { body: { name: "", sex: "X" }, lang: "en" });
    expect(en.status).toBe(422);
    expect(en.json.error.fieldErrorKeys.name).toEqual(["nameRequired"]);
    expect(en.json.error.fieldErrors.name).toEqual(["Enter the name."]);
    expect(en.json.error.message).toBe("Some fields need correcting.");
    const zh = await api("createDoctor", "nominator", { body: { name: "" } });
    expect(zh.json.error.fieldErrors.name).toEqual(["请填写姓名。"]);
    const denied = await api("createProgram", "nominator", { body: {}, lang: "en" });
    expect(denied.json.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/may not/) });
  });

  it("a closed deadline names its time in Beijing time, in the caller's language", async () => {
    const other = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgOf.nominator, applications: { none: {} } }, orderBy: { id: "desc" } });
    const program = await db.prisma.program.create({ data: { bureauId: (await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).bureauId, kind: "OTHER", name: "已截止的项目", year: 2013, serviceMonths: 6, rotationBatches: 1, status: "OPEN" } });
    await db.prisma.programStage.create({ data: { programId: program.id, kind: "REGISTRATION", sequence: 1, opensAt: new Date("2013-11-01T01:00:00Z"), closesAt: new Date("2013-11-11T04:00:00Z") } });
    const post = await db.prisma.post.create({ data: { programId: program.id, receivingOrgId: (await db.prisma.post.findUniqueOrThrow({ where: { id: eyePostId } })).receivingOrgId, title: "全科医生", specialty: "全科", headcount: 1, rotationBatch: 1 } });
    const late = await api("submitApplication", "nominator", { body: { postId: post.id, doctorId: other.id, exceptionReason: "测试" }, lang: "en" });
    expect(late.status).toBe(409);
    expect(late.json.error.key).toBe("registrationClosed");
    expect(late.json.error.message).toContain("12:00");
    expect(late.json.error.message).toContain("2013");
  });
});
