// What the nomination and vetting tests share: the demo accounts' scopes, seed 000's programme, its
// posts and the units' doctors with their verdicts, moments around the registration deadline, and
// direct inserts that put applications at a stage (setting the scene; the use cases are what is tested).
import { createHash, randomInt } from "node:crypto";
import type { Scope } from "@/lib/auth/policy";
import { composeIdNumber } from "@/lib/domain/id-number";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApplicationStatus, AttachmentKind, EligibilityVerdict, StageKind } from "@/lib/generated/prisma/enums";
import { REQUIRABLE_KINDS } from "@/lib/domain/required-documents";
import { afterAll, beforeAll, expect } from "vitest";
import { judgeDoctorForPost } from "@/lib/server/eligibility";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./db";

export const USERNAMES = ["admin", "staff", "auditor", "nominator", "nominator2", "receiver", "doctor", "wz-admin"] as const;
export type Username = (typeof USERNAMES)[number];
export type Scopes = Record<Username, Scope>;

// Registration of seed 000 runs from 8 Nov 00:00 to 11 Nov 12:00 Shanghai time (07 Nov 16:00Z – 11 Nov 04:00Z).
export const BEFORE_OPENING = new Date("2013-11-07T15:59:59Z");
export const ON_TIME = new Date("2013-11-10T02:00:00Z");
export const LAST_SECOND = new Date("2013-11-11T11:59:59+08:00");
export const LATE = new Date("2013-11-11T04:00:00Z");
export const VETTING = new Date("2013-11-12T02:00:00Z");
export const REGISTRATION_CLOSES = "2013-11-11T04:00:00.000Z";

export const PROGRAM_NAME = "绍兴市第八批援疆医生选派";
export const SXRM = "绍兴市人民医院";
export const ZJRM = "诸暨市人民医院";

export interface DemoWorld {
  db: TestDatabase;
  s: Scopes;
  demo: Demo;
}

/** A fresh database with the demo seed for the test file (hooks registered here), its accounts' scopes and seed 000's ids. */
export function demoWorld(): DemoWorld {
  const world = {} as DemoWorld;
  beforeAll(async () => {
    world.db = await createTestDatabase();
    await seedDemoData(world.db.prisma);
    world.s = await loadScopes(world.db.prisma);
    world.demo = await loadDemo(world.db.prisma);
  });
  afterAll(async () => {
    await world.db?.drop();
  });
  return world;
}

export async function loadScopes(prisma: PrismaClient): Promise<Scopes> {
  const scopes = {} as Scopes;
  for (const username of USERNAMES) {
    const user = await prisma.user.findUniqueOrThrow({ where: { username } });
    scopes[username] = await buildScope(prisma, user);
  }
  return scopes;
}

export interface Demo {
  programId: string;
  bureauId: string;
  /** Organisation ids by name. */
  org: (name: string) => string;
  /** Seed 000's post of `title` in rotation batch `batch` (default 1). */
  post: (title: string, batch?: number) => string;
  userId: (username: Username) => string;
}

export async function loadDemo(prisma: PrismaClient): Promise<Demo> {
  const program = await prisma.program.findFirstOrThrow({ where: { name: PROGRAM_NAME }, select: { id: true, bureauId: true } });
  const posts = await prisma.post.findMany({ where: { programId: program.id }, select: { id: true, title: true, rotationBatch: true } });
  const orgs = await prisma.organization.findMany({ select: { id: true, name: true } });
  const users = await prisma.user.findMany({ where: { username: { in: [...USERNAMES] } }, select: { id: true, username: true } });
  const find = <T>(found: T | undefined, what: string): T => {
    if (found === undefined) throw new Error(`demo data has no ${what}`);
    return found;
  };
  return {
    programId: program.id,
    bureauId: program.bureauId,
    org: (name) => find(orgs.find((o) => o.name === name), `organisation ${name}`).id,
    post: (title, batch = 1) => find(posts.find((p) => p.title === title && p.rotationBatch === batch), `post ${title}/${batch}`).id,
    userId: (username) => find(users.find((u) => u.username === username), `user ${username}`).id,
  };
}

export interface JudgedDoctor {
  id: string;
  name: string;
  verdict: EligibilityVerdict;
}

/** The doctors of a unit judged for a post by the eligibility engine, eligible ones first. */
export async function judgedDoctors(prisma: PrismaClient, employerId: string, postId: string): Promise<JudgedDoctor[]> {
  const doctors = await prisma.doctor.findMany({ where: { employerId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const judged = [];
  for (const d of doctors) judged.push({ ...d, verdict: (await judgeDoctorForPost(prisma, postId, d.id)).verdict });
  return judged.sort((a, b) => Number(b.verdict === "ELIGIBLE") - Number(a.verdict === "ELIGIBLE"));
}

/**
 * A doctor made for the test at `employerId`. With a junior title in `specialty` they are ineligible
 * for seed 000's specialty posts (which need an intermediate one); with no title history the engine
 * cannot tell (UNKNOWN).
 */
export async function makeDoctor(prisma: PrismaClient, employerId: string, name = "测试医生", options: { specialty?: string; juniorTitle?: boolean } = {}): Promise<string> {
  const specialty = options.specialty ?? "眼科";
  for (;;) {
    const idNumber = composeIdNumber("330602", "1980-05-05", randomInt(10, 990));
    const taken = await prisma.doctor.count({ where: { idNumber } });
    if (taken) continue;
    const doctor = await prisma.doctor.create({
      data: {
        name,
        sex: "MALE",
        ethnicity: "汉族",
        birthDate: new Date("1980-05-05T00:00:00Z"),
        idNumber,
        education: "BACHELOR",
        employerId,
        department: specialty,
        specialty,
        titles: options.juniorTitle ? { create: { level: "JUNIOR", name: "住院医师", specialty, obtainedOn: new Date("2005-09-30T00:00:00Z") } } : undefined,
      },
      select: { id: true },
    });
    return doctor.id;
  }
}

/** A fresh post of the demo programme (at 阿瓦提县人民医院), so that a test has a post to itself. */
export async function makePost(prisma: PrismaClient, demo: Demo, headcount = 1, title = "测试岗位"): Promise<string> {
  const post = await prisma.post.create({
    data: { programId: demo.programId, receivingOrgId: demo.org("阿瓦提县人民医院"), title, specialty: "眼科", headcount, rotationBatch: 1 },
    select: { id: true },
  });
  return post.id;
}

/**
 * A programme of the Shaoxing bureau with seed 001's three stages (registration, preliminary review,
 * approval: no shortlist), open, and one post of `headcount` at 阿瓦提县人民医院.
 */
export async function makeShortProgram(prisma: PrismaClient, demo: Demo, headcount = 2): Promise<{ programId: string; postId: string }> {
  const kinds: StageKind[] = ["REGISTRATION", "PRELIMINARY_REVIEW", "APPROVAL"];
  const program = await prisma.program.create({
    data: {
      bureauId: demo.bureauId,
      kind: "OTHER",
      name: "三阶段测试项目",
      year: 2013,
      status: "OPEN",
      serviceMonths: 12,
      stages: { create: kinds.map((kind, i) => ({ kind, sequence: i + 1, opensAt: new Date("2013-11-01T00:00:00Z"), closesAt: new Date("2013-12-31T00:00:00Z") })) },
      posts: { create: { receivingOrgId: demo.org("阿瓦提县人民医院"), title: "全科医生", specialty: "全科医学", headcount } },
    },
    select: { id: true, posts: { select: { id: true } } },
  });
  return { programId: program.id, postId: program.posts[0]!.id };
}

export interface PlacedApplication {
  postId: string;
  doctorId: string;
  nominatingOrgId: string;
  createdById: string;
  status?: ApplicationStatus;
  currentStage?: StageKind;
  eligibilityVerdict?: EligibilityVerdict;
  /**
   * The documents it carries: by default one of every kind a stage may require (an application that
   * has come this far with its papers in order); `[]` for one whose papers are missing (issue 15).
   */
  documents?: readonly AttachmentKind[];
}

/** A small real PDF's bytes, for documents put straight into the database. */
const TINY_PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

/** Documents of `kinds` attached straight to the application (the scene; uploading is tested in attachments.test.ts). */
export async function attachDocuments(prisma: PrismaClient, applicationId: string, kinds: readonly AttachmentKind[], uploadedById: string): Promise<void> {
  if (kinds.length === 0) return;
  const sha256 = createHash("sha256").update(TINY_PDF).digest("hex");
  await prisma.attachment.createMany({
    data: kinds.map((kind) => ({ applicationId, kind, fileName: `${kind}.pdf`, contentType: "application/pdf", sizeBytes: TINY_PDF.length, sha256, content: TINY_PDF, uploadedById })),
  });
}

/** An application put straight at a stage (the scene for a decision), with its documents; no decisions, audit or notifications. */
export async function placeApplication(prisma: PrismaClient, a: PlacedApplication): Promise<string> {
  const created = await prisma.application.create({
    data: {
      postId: a.postId,
      doctorId: a.doctorId,
      nominatingOrgId: a.nominatingOrgId,
      createdById: a.createdById,
      source: "UNIT",
      status: a.status ?? "IN_PROGRESS",
      currentStage: a.currentStage ?? "PRELIMINARY_REVIEW",
      eligibilityVerdict: a.eligibilityVerdict ?? "ELIGIBLE",
      submittedAt: new Date("2013-11-09T02:00:00Z"),
    },
    select: { id: true },
  });
  await attachDocuments(prisma, created.id, a.documents ?? REQUIRABLE_KINDS, a.createdById);
  return created.id;
}

/** `n` new doctors of `unitId`, each with an application to `postId` at `stage`. */
export async function placeApplications(prisma: PrismaClient, demo: Demo, postId: string, unitName: string, stage: StageKind, n: number, status: ApplicationStatus = "IN_PROGRESS"): Promise<string[]> {
  const unitId = demo.org(unitName);
  const ids = [];
  for (let i = 0; i < n; i++) {
    const doctorId = await makeDoctor(prisma, unitId, `测试医生${i + 1}`);
    ids.push(await placeApplication(prisma, { postId, doctorId, nominatingOrgId: unitId, createdById: demo.userId("nominator"), currentStage: stage, status }));
  }
  return ids;
}

/** Row counts of what a nomination or decision writes (one query): compared before and after a refusal. */
export async function footprint(prisma: PrismaClient) {
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Application") AS applications,
           (SELECT count(*) FROM "StageDecision") AS decisions,
           (SELECT count(*) FROM "AuditLog") AS audits,
           (SELECT count(*) FROM "Notification") AS notifications,
           (SELECT count(*) FROM "StageReopening") AS reopenings,
           (SELECT coalesce(max("updatedAt"), 'epoch') FROM "Application")::text AS "lastChange"`;
  return row;
}

/** The audit rows written about one entity since `afterId` (the largest id before the act). */
export async function auditRowsSince(prisma: PrismaClient, afterId: bigint) {
  return prisma.auditLog.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });
}

export async function lastAuditId(prisma: PrismaClient): Promise<bigint> {
  const row = await prisma.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

export interface Refusal {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  details?: Record<string, string>;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function refusal(p: Promise<unknown>): Promise<Refusal> {
  try {
    await p;
  } catch (error) {
    return error as Refusal;
  }
  throw new Error("expected a refusal, but it went through");
}

/** Runs `act`, expects it refused with `code` (and message), and proves nothing was written (`measure`: the counts compared, the round's by default). */
export async function expectRefused(prisma: PrismaClient, act: () => Promise<unknown>, code: string, message?: string, measure: (prisma: PrismaClient) => Promise<unknown> = footprint): Promise<Refusal> {
  const before = await measure(prisma);
  const error = await refusal(act());
  expect(error.code).toBe(code);
  if (message) expect(error.message).toBe(message);
  expect(await measure(prisma)).toEqual(before);
  return error;
}

/**
 * A refusal checker bound to a footprint of the database: the act is refused with the code (and the
 * message, when given) and the footprint is the same afterwards — nothing written.
 */
export function refusedLeaving(footprint: () => Promise<unknown>) {
  return async (act: () => Promise<unknown>, code: string, message?: string): Promise<Refusal> => {
    const before = await footprint();
    const error = await refusal(act());
    expect(error.code).toBe(code);
    if (message) expect(error.message).toBe(message);
    expect(await footprint()).toEqual(before);
    return error;
  };
}
