// The audit log as an auditor reads it (issue 15): a decision's entry says who did what to whom in
// words — the doctor's name, the post, the stage and the outcome — every field labelled and every
// value in words, and it carries the client's address; so does an entry written through the API.
// The export holds the same words and no raw JSON.
import { readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { createTranslator } from "next-intl";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Translate } from "@/lib/audit-labels";
import type { SessionUser } from "@/lib/auth/session";
import { sessionUserInclude, toSessionUser } from "@/lib/auth/session-user";
import { composeIdNumber } from "@/lib/domain/id-number";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/server/api-tokens";
import { buildAuditExport, describeAuditRows, type AuditRow } from "@/lib/server/audit-log";
import { demoWorld, makePost, placeApplications, SXRM, VETTING } from "./setup/vetting-fixtures";

const holder = vi.hoisted(() => ({ prisma: undefined as unknown as PrismaClient, user: null as SessionUser | null, address: "203.0.113.77" }));
vi.mock("@/lib/db", () => ({ get prisma() { return holder.prisma; } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => holder.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The server rewrites X-Forwarded-For to the client's address before Next.js reads it (lib/http/forwarded-for.ts).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": holder.address }) }));

const w = demoWorld();

function catalogue(locale: string) {
  const dir = path.join(process.cwd(), "messages", locale);
  return Object.assign({}, ...["audit", "common", "programs", "doctors", "organizations"].map((f) => JSON.parse(readFileSync(path.join(dir, `${f}.json`), "utf8")))) as Record<string, unknown>;
}
function wordsFor(locale: "zh-CN" | "en") {
  const messages = catalogue(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "audit" }) as unknown as Translate,
    tAll: createTranslator({ locale, messages }) as unknown as Translate,
    tRoles: createTranslator({ locale, messages, namespace: "roles" }) as unknown as Translate,
  };
}

beforeAll(() => {
  holder.prisma = w.db.prisma;
});
afterEach(() => {
  vi.useRealTimers();
});

async function rowsOf(action: string, entityId?: string): Promise<AuditRow[]> {
  const rows = await w.db.prisma.auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: "desc" } });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

describe("a decision's entry, in words", () => {
  let applicationId = "";

  beforeAll(async () => {
    const postId = await makePost(w.db.prisma, w.demo, 1, "口腔科医生");
    applicationId = (await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PRELIMINARY_REVIEW", 1))[0]!;
    holder.user = toSessionUser(await w.db.prisma.user.findUniqueOrThrow({ where: { username: "staff" }, include: sessionUserInclude }));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(VETTING);
    const { decideAction } = await import("@/lib/actions/vetting");
    const result = await decideAction({ applicationIds: [applicationId], stage: "PRELIMINARY_REVIEW", outcome: "PASS" });
    vi.useRealTimers();
    expect(result.serverError).toBeUndefined();
  });

  it("says who did what to whom, names the doctor, and carries the client's address", async () => {
    const [row] = await rowsOf("application.decide", applicationId);
    expect(row!.ip).toBe("203.0.113.77");
    const [described] = await describeAuditRows(w.db.prisma, [row!], wordsFor("zh-CN"));
    expect(described!.summary).toBe("沈佳怡 将 测试医生1（口腔科医生·第1批）在「资格初审」阶段标为通过");
    expect(described!.subject).toBe("测试医生1（口腔科医生·第1批）");
    const field = (label: string) => described!.fields.find((f) => f.label === label);
    expect(field("岗位")).toMatchObject({ before: "口腔科医生·第1批", after: "口腔科医生·第1批" });
    expect(field("医生")).toMatchObject({ after: "测试医生1" });
    expect(field("推荐单位")).toMatchObject({ after: SXRM });
    expect(field("当前阶段")).toMatchObject({ before: "资格初审", after: "体检", beforeRaw: "PRELIMINARY_REVIEW", afterRaw: "PHYSICAL_EXAM", isChanged: true });
    expect(field("状态")).toMatchObject({ after: "审核中", afterRaw: "IN_PROGRESS" });
    expect(field("审核决定·结果")).toMatchObject({ after: "通过" });
    // Every field has a label in words, and no value is a code or an id.
    for (const f of described!.fields) {
      expect(f.label).not.toMatch(/^[a-z]+[A-Z]/);
      for (const value of [f.before, f.after]) if (value) expect(value).not.toMatch(/^[A-Z_]{4,}$|^c[a-z0-9]{20,}$/);
    }
  });

  it("reads in English with English words throughout", async () => {
    const [row] = await rowsOf("application.decide", applicationId);
    const [described] = await describeAuditRows(w.db.prisma, [row!], wordsFor("en"));
    expect(described!.summary).toBe("沈佳怡 marked 测试医生1 (口腔科医生, batch 1) as passed at the “Preliminary review” stage");
    expect(described!.fields.find((f) => f.path === "currentStage")).toMatchObject({ label: "Current stage", after: "Physical examination" });
  });

  it("the export holds the entry in words, with its address, and no raw JSON", async () => {
    const result = await buildAuditExport(w.db.prisma, w.s.admin, { action: "application.decide" }, "csv", wordsFor("zh-CN"));
    const text = result.body.toString("utf8");
    expect(text).toContain("沈佳怡 将 测试医生1（口腔科医生·第1批）在「资格初审」阶段标为通过");
    expect(text).toContain("当前阶段：体检");
    expect(text).toContain("203.0.113.77");
    expect(text).not.toMatch(/[{[]"|":/);
  });
});

describe("every entry point records the address", () => {
  it("an API call's entry carries the caller's address", async () => {
    const admin = await w.db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    const token = `mdt_words_${"w".repeat(28)}`;
    await w.db.prisma.apiToken.create({ data: { userId: admin.id, name: "words", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: admin.id } });
    const { POST } = await import("@/app/api/v1/doctors/route");
    const body = {
      name: "接口医生", sex: "MALE", ethnicity: "汉族", birthDate: "1981-02-03", idNumber: composeIdNumber("330602", "1981-02-03", 417),
      education: "BACHELOR", employerId: w.demo.org(SXRM), department: "口腔科", specialty: "口腔科", positionRank: "STAFF",
    };
    const request = new NextRequest("http://localhost/api/v1/doctors", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-forwarded-for": "198.51.100.23" },
      body: JSON.stringify(body),
    });
    const response = await POST(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const [row] = await rowsOf("doctor.create", id);
    expect(row!.ip).toBe("198.51.100.23");
  });

  it("an entry written outside any request (the seed, a script) has no address rather than a wrong one", async () => {
    const rows = await rowsOf("seed.demo");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.ip === null)).toBe(true);
  });
});
