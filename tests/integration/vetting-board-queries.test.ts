// The board's side queries on real PostgreSQL: why applications ended at a stage (the latest
// reason wins, a correction included) and the stages reopened for units — both scoped to the
// caller's bureau.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { nominate } from "@/lib/server/applications";
import { endingReasons } from "@/lib/server/ending-reasons";
import { screenPost } from "@/lib/server/eligibility";
import { buildScope } from "@/lib/server/organization-tree";
import { listStageReopenings } from "@/lib/server/stage-reopenings";
import { decide, reopenStage } from "@/lib/server/vetting";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
let programId = "";
const ids: string[] = [];
const ON_TIME = new Date("2013-11-10T02:00:00Z");
const LATE = new Date("2013-11-11T04:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const username of ["staff", "auditor", "nominator", "wz-admin"]) {
    scopes[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  }
  const post = await db.prisma.post.findFirstOrThrow({ where: { title: "眼科医生", rotationBatch: 1 }, select: { id: true, programId: true } });
  programId = post.programId;
  const rows = (await screenPost(db.prisma, scopes.nominator!, { postId: post.id, q: "" })).page.rows.slice(0, 2);
  for (const r of rows) {
    const extra = r.verdict === "ELIGIBLE" ? {} : { exceptionReason: "岗位急需" };
    ids.push((await nominate(db.prisma, scopes.nominator!, { postId: post.id, doctorId: r.doctorId, ...extra }, ON_TIME)).id);
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("ending reasons", () => {
  it("gives the latest fail or withdrawal reason at the stage, a correction's included", async () => {
    const stage = "PRELIMINARY_REVIEW" as const;
    await decide(db.prisma, scopes.staff!, { applicationIds: [ids[0]!], stage, outcome: "FAIL", reason: "学历不符" }, ON_TIME);
    await decide(db.prisma, scopes.staff!, { applicationIds: [ids[0]!], stage, outcome: "WITHDRAW", reason: "更正：本人申请撤回" }, ON_TIME);
    await decide(db.prisma, scopes.staff!, { applicationIds: [ids[1]!], stage, outcome: "WITHDRAW", reason: "家庭原因" }, ON_TIME);
    const reasons = await endingReasons(db.prisma, scopes.auditor!, ids, stage);
    expect(Object.fromEntries(reasons)).toEqual({ [ids[0]!]: "更正：本人申请撤回", [ids[1]!]: "家庭原因" });
    expect((await endingReasons(db.prisma, scopes.staff!, ids, "PHYSICAL_EXAM")).size).toBe(0);
    expect((await endingReasons(db.prisma, scopes["wz-admin"]!, ids, stage)).size).toBe(0);
    await expect(endingReasons(db.prisma, scopes.nominator!, ids, stage)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("reopened stages", () => {
  it("lists the programme's reopenings, newest first, for its bureau only", async () => {
    const zj = await db.prisma.organization.findFirstOrThrow({ where: { name: "诸暨市人民医院" } });
    const sx = await db.prisma.organization.findFirstOrThrow({ where: { name: "绍兴市人民医院" } });
    await reopenStage(db.prisma, scopes.staff!, { programId, stage: "REGISTRATION", organizationId: zj.id, closesAt: "2013-11-12 18:00", reason: "系统故障延误" }, LATE);
    await reopenStage(db.prisma, scopes.staff!, { programId, stage: "PHYSICAL_EXAM", organizationId: sx.id, closesAt: "2013-11-15 12:00", reason: "体检医院排期" }, LATE);
    const rows = await listStageReopenings(db.prisma, scopes.auditor!, programId);
    expect(rows.map((r) => [r.unitName, r.stage, r.closesAt.toISOString(), r.reason])).toEqual([
      ["绍兴市人民医院", "PHYSICAL_EXAM", "2013-11-15T04:00:00.000Z", "体检医院排期"],
      ["诸暨市人民医院", "REGISTRATION", "2013-11-12T10:00:00.000Z", "系统故障延误"],
    ]);
    expect(rows[0]!.createdByName).toBeTruthy();
    expect(await listStageReopenings(db.prisma, scopes["wz-admin"]!, programId)).toEqual([]);
    await expect(listStageReopenings(db.prisma, scopes.nominator!, programId)).rejects.toMatchObject({ code: "forbidden" });
  });
});
