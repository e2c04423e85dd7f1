// The rule builder's use cases (lib/server/eligibility-rules.ts) against real PostgreSQL on the demo
// data: who may save and delete rules, what a refusal leaves behind (nothing), the tree's field errors
// with their paths, and the preview's verdicts on the seed's deliberate vice-president cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import type { RuleNode } from "@/lib/schemas/eligibility";
import { deleteRule, listProgramRules, previewRule, saveRule, searchDoctors } from "@/lib/server/eligibility-rules";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
let xinjiangId = "";
let wanzhouId = "";
let vpPostId = "";
let wanzhouRuleId = "";

const VP_TREE: RuleNode = {
  op: "ALL",
  children: [
    { op: "leaf", kind: "specialtyIn", values: ["泌尿外科"] },
    {
      op: "ANY",
      children: [
        { op: "leaf", kind: "titleHeldYears", level: "INTERMEDIATE", specialty: "泌尿外科", years: 2, on: "2013-10-31" },
        { op: "leaf", kind: "titleAtLeast", level: "ASSOCIATE_SENIOR", specialty: "泌尿外科" },
      ],
    },
    {
      op: "ANY",
      children: [
        { op: "leaf", kind: "positionAtLeast", rank: "DEPARTMENT_HEAD", orgLevel: "COUNTY" },
        { op: "leaf", kind: "positionAtLeast", rank: "ATTENDING_LEAD", orgLevel: "CITY" },
      ],
    },
  ],
};

async function state() {
  const [rules, auditRows] = await Promise.all([db.prisma.eligibilityRule.findMany({ orderBy: { id: "asc" } }), db.prisma.auditLog.count()]);
  return { rules, auditRows };
}

/** The AppError a call throws (the test fails if it does not throw one). */
async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const doctorId = async (name: string) => (await db.prisma.doctor.findFirstOrThrow({ where: { name } })).id;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const username of ["admin", "staff", "auditor", "nominator", "receiver", "doctor", "wz-admin"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    scopes[username] = await buildScope(db.prisma, user);
  }
  xinjiangId = (await db.prisma.program.findFirstOrThrow({ where: { name: "绍兴市第八批援疆医生选派" } })).id;
  wanzhouId = (await db.prisma.program.findFirstOrThrow({ where: { name: { startsWith: "万州区" } } })).id;
  vpPostId = (await db.prisma.post.findFirstOrThrow({ where: { programId: xinjiangId, title: "副院长", rotationBatch: 1 } })).id;
  wanzhouRuleId = (await db.prisma.eligibilityRule.findFirstOrThrow({ where: { programId: wanzhouId } })).id;
});

afterAll(async () => {
  await db?.drop();
});

describe("saving rules", () => {
  it("admin creates a post rule and staff saves a new version; both audited with before/after", async () => {
    const created = await saveRule(db.prisma, scopes.admin!, { programId: xinjiangId, postId: vpPostId, name: "副院长条件（新）", tree: VP_TREE });
    expect(created).toMatchObject({ programId: xinjiangId, postId: vpPostId, version: 1, tree: VP_TREE });

    const updated = await saveRule(db.prisma, scopes.staff!, { id: created.id, programId: xinjiangId, postId: "", name: "副院长条件（改）", version: 1, tree: { op: "ALL", children: [VP_TREE] } });
    expect(updated).toMatchObject({ id: created.id, postId: null, version: 2, name: "副院长条件（改）" });

    const rows = await db.prisma.auditLog.findMany({ where: { entity: "EligibilityRule", entityId: created.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["rule.create", "rule.update"]);
    expect(rows[0]!.actorName).toBe("徐彤");
    expect(rows[1]!.before).toMatchObject({ version: 1, postId: vpPostId, name: "副院长条件（新）" });
    expect(rows[1]!.after).toMatchObject({ version: 2, postId: null, name: "副院长条件（改）" });

    // The editor's version is now stale: a second save from it is refused, nothing written.
    const before = await state();
    const stale = await refusal(() => saveRule(db.prisma, scopes.admin!, { id: created.id, programId: xinjiangId, name: "x", version: 1, tree: VP_TREE }));
    expect([stale.code, stale.message]).toEqual(["conflict", "staleRule"]);
    expect(await state()).toEqual(before);

    const listed = await listProgramRules(db.prisma, scopes.staff!, xinjiangId);
    expect(listed?.rules.find((r) => r.id === created.id)?.version).toBe(2);
  });

  it.each(["auditor", "nominator", "receiver", "doctor"])("%s is refused (forbidden) and nothing is written", async (who) => {
    const rule = await db.prisma.eligibilityRule.findFirstOrThrow({ where: { programId: xinjiangId } });
    const before = await state();
    for (const run of [
      () => saveRule(db.prisma, scopes[who]!, { programId: xinjiangId, name: "x", tree: VP_TREE }),
      () => saveRule(db.prisma, scopes[who]!, { id: rule.id, programId: xinjiangId, name: "x", tree: VP_TREE }),
      () => deleteRule(db.prisma, scopes[who]!, { id: rule.id }),
    ]) {
      expect((await refusal(run)).code).toBe("forbidden");
    }
    expect(await state()).toEqual(before);
  });

  it("Wanzhou's admin cannot touch Shaoxing's rules, nor Shaoxing's admin Wanzhou's", async () => {
    const rule = await db.prisma.eligibilityRule.findFirstOrThrow({ where: { programId: xinjiangId } });
    const before = await state();
    expect((await refusal(() => saveRule(db.prisma, scopes["wz-admin"]!, { id: rule.id, programId: xinjiangId, name: "x", tree: VP_TREE }))).code).toBe("notFound");
    expect((await refusal(() => saveRule(db.prisma, scopes["wz-admin"]!, { programId: xinjiangId, name: "x", tree: VP_TREE }))).code).toBe("notFound");
    expect((await refusal(() => deleteRule(db.prisma, scopes["wz-admin"]!, { id: rule.id }))).code).toBe("notFound");
    // A Shaoxing rule's id with Wanzhou's programme id: the rule is looked up within the programme.
    expect((await refusal(() => saveRule(db.prisma, scopes["wz-admin"]!, { id: rule.id, programId: wanzhouId, name: "x", tree: VP_TREE }))).code).toBe("notFound");
    expect((await refusal(() => deleteRule(db.prisma, scopes.admin!, { id: wanzhouRuleId }))).code).toBe("notFound");
    expect(await listProgramRules(db.prisma, scopes["wz-admin"]!, xinjiangId)).toBeNull();
    expect(await state()).toEqual(before);
  });

  it("refuses invalid trees with the paths of the faulty fields, writing nothing", async () => {
    const before = await state();
    const bad = {
      op: "ALL",
      children: [
        { op: "ANY", children: [] },
        { op: "ANY", children: [{ op: "leaf", kind: "titleHeldYears", level: "INTERMEDIATE", years: -1, on: "2013-02-30" }] },
        { op: "NOT", child: { op: "leaf", kind: "specialtyIn", values: [] } },
      ],
    };
    const error = await refusal(() => saveRule(db.prisma, scopes.staff!, { programId: xinjiangId, name: " ", tree: bad }));
    expect(error.code).toBe("validation");
    expect(error.fieldErrors).toEqual({
      name: ["required"],
      "tree.children.0.children": ["emptyList"],
      "tree.children.1.children.0.years": ["tooSmall"],
      "tree.children.1.children.0.on": ["invalidDate"],
      "tree.children.2.child.values": ["emptyList"],
    });
    const otherPost = await db.prisma.post.findFirstOrThrow({ where: { programId: wanzhouId } });
    const wrongPost = await refusal(() => saveRule(db.prisma, scopes.staff!, { programId: xinjiangId, postId: otherPost.id, name: "x", tree: VP_TREE }));
    expect(wrongPost.fieldErrors).toEqual({ postId: ["unknownPost"] });
    expect(await state()).toEqual(before);
  });

  it("refuses changes once the programme is past registration", async () => {
    await db.prisma.program.update({ where: { id: xinjiangId }, data: { status: "VETTING" } });
    try {
      const rule = await db.prisma.eligibilityRule.findFirstOrThrow({ where: { programId: xinjiangId } });
      const before = await state();
      for (const run of [
        () => saveRule(db.prisma, scopes.admin!, { programId: xinjiangId, name: "x", tree: VP_TREE }),
        () => deleteRule(db.prisma, scopes.admin!, { id: rule.id }),
      ]) {
        const error = await refusal(run);
        expect([error.code, error.message]).toEqual(["conflict", "programLocked"]);
      }
      expect(await state()).toEqual(before);
      expect((await listProgramRules(db.prisma, scopes.admin!, xinjiangId))?.program.isEditable).toBe(false);
    } finally {
      await db.prisma.program.update({ where: { id: xinjiangId }, data: { status: "OPEN" } });
    }
  });

  it("deletes a rule, audited with the rule as it was", async () => {
    const created = await saveRule(db.prisma, scopes.staff!, { programId: xinjiangId, name: "临时规则", tree: { op: "ALL", children: [{ op: "leaf", kind: "educationAtLeast", level: "BACHELOR" }] } });
    await deleteRule(db.prisma, scopes.staff!, { id: created.id });
    expect(await db.prisma.eligibilityRule.findUnique({ where: { id: created.id } })).toBeNull();
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { entityId: created.id, action: "rule.delete" } });
    expect(row.before).toMatchObject({ name: "临时规则", version: 1 });
    expect(row.after).toBeNull();
  });
});

describe("preview", () => {
  it("finds doctors by name within the user's scope only, at most 20", async () => {
    expect((await searchDoctors(db.prisma, scopes.staff!, { q: "楼志刚" })).map((d) => d.name)).toEqual(["楼志刚"]);
    expect(await searchDoctors(db.prisma, scopes["wz-admin"]!, { q: "楼志刚" })).toEqual([]);
    // Every Shaoxing doctor's name holds one of these characters often enough: the cap applies.
    const many = await Promise.all(["王", "张", "李", "陈", "金", "华"].map((q) => searchDoctors(db.prisma, scopes.admin!, { q })));
    for (const list of many) expect(list.length).toBeLessThanOrEqual(20);
    expect((await refusal(() => searchDoctors(db.prisma, scopes.receiver!, { q: "楼" }))).code).toBe("forbidden");
    expect((await refusal(() => searchDoctors(db.prisma, scopes.staff!, { q: " " }))).code).toBe("validation");
  });

  it.each([
    ["楼志刚", "ELIGIBLE"], // county 科主任 with 正高
    ["钱建华", "ELIGIBLE"], // city 主诊医师 with 副高
    ["谢国良", "ELIGIBLE"], // 中级 exactly two full years on the cut-off
    ["裘伟军", "INELIGIBLE"], // one day short of two years
    ["梁晓东", "INELIGIBLE"], // county 科副主任
    ["宣海峰", "INELIGIBLE"], // 主诊医师 in a county hospital
  ])("the unsaved vice-president tree judges %s %s, as the engine does for the seeded post rule", async (name, verdict) => {
    const id = await doctorId(name);
    const evaluation = await previewRule(db.prisma, scopes.staff!, { programId: xinjiangId, postId: vpPostId, doctorId: id, tree: VP_TREE });
    expect(evaluation.verdict).toBe(verdict);
    expect(evaluation.root.children).toHaveLength(3);
    expect(evaluation.root.children[1]!.children[0]).toMatchObject({ op: "leaf", kind: "titleHeldYears", explanation: { key: expect.any(String) } });
  });

  it("gives UNKNOWN, not a pass, where the record is missing (何佳 has no title history)", async () => {
    const tree: RuleNode = { op: "ALL", children: [{ op: "leaf", kind: "titleAtLeast", level: "INTERMEDIATE", specialty: "口腔科" }] };
    const evaluation = await previewRule(db.prisma, scopes.admin!, { programId: xinjiangId, doctorId: await doctorId("何佳"), tree });
    expect(evaluation.verdict).toBe("UNKNOWN");
  });

  it("refuses invalid trees, out-of-scope doctors and programmes", async () => {
    const id = await doctorId("楼志刚");
    const invalid = await refusal(() => previewRule(db.prisma, scopes.staff!, { programId: xinjiangId, doctorId: id, tree: { op: "ALL", children: [] } }));
    expect(invalid.fieldErrors).toEqual({ "tree.children": ["emptyList"] });
    expect((await refusal(() => previewRule(db.prisma, scopes["wz-admin"]!, { programId: wanzhouId, doctorId: id, tree: VP_TREE }))).code).toBe("notFound");
    const wanzhouDoctor = await db.prisma.doctor.findFirstOrThrow({ where: { employer: { name: { startsWith: "重庆市万州区" } } } });
    expect((await refusal(() => previewRule(db.prisma, scopes["wz-admin"]!, { programId: xinjiangId, doctorId: wanzhouDoctor.id, tree: VP_TREE }))).code).toBe("notFound");
    expect((await refusal(() => previewRule(db.prisma, scopes.receiver!, { programId: xinjiangId, doctorId: id, tree: VP_TREE }))).code).toBe("forbidden");
  });
});
