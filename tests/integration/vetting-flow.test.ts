// One post's whole round through the use cases, on real PostgreSQL with the demo seed: nominations
// by two units (one late and refused), the seven stages with seed 000's ratios, and the board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { getApplication, quotaProgress } from "@/lib/server/application-queries";
import { nominate, withdraw } from "@/lib/server/applications";
import { screenPost } from "@/lib/server/eligibility";
import { buildScope } from "@/lib/server/organization-tree";
import { decide, rankShortlist, reopenStage, vettingBoard } from "@/lib/server/vetting";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";
import { REQUIRABLE_KINDS } from "@/lib/domain/required-documents";
import { attachDocuments } from "./setup/vetting-fixtures";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
let programId = "";
let postId = "";
// Registration of seed 000 closes 2013-11-11 12:00 in Shanghai (04:00Z): before and after.
const ON_TIME = new Date("2013-11-10T02:00:00Z");
const LATE = new Date("2013-11-11T04:00:00Z");
const VETTING = new Date("2013-11-12T02:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const username of ["admin", "staff", "auditor", "nominator", "nominator2", "receiver", "doctor"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    scopes[username] = await buildScope(db.prisma, user);
  }
  const post = await db.prisma.post.findFirstOrThrow({ where: { title: "眼科医生", rotationBatch: 1 }, select: { id: true, programId: true } });
  postId = post.id;
  programId = post.programId;
});

afterAll(async () => {
  await db?.drop();
});

/** The unit's doctors, eligible first; the others are nominated with the written reason they need. */
async function candidatesOf(scope: Scope, n: number): Promise<{ doctorId: string; exceptionReason?: string }[]> {
  const result = await screenPost(db.prisma, scope, { postId, q: "" });
  const rows = [...result.page.rows].sort((a, b) => Number(b.verdict === "ELIGIBLE") - Number(a.verdict === "ELIGIBLE"));
  return rows.slice(0, n).map((r) => (r.verdict === "ELIGIBLE" ? { doctorId: r.doctorId } : { doctorId: r.doctorId, exceptionReason: "岗位急需，单位推荐" }));
}

describe("a round for one post", () => {
  const ids: string[] = [];

  it("takes nominations on time and refuses a late one with the deadline", async () => {
    for (const c of await candidatesOf(scopes.nominator!, 3)) ids.push((await nominate(db.prisma, scopes.nominator!, { postId, ...c }, ON_TIME)).id);
    const second = await candidatesOf(scopes.nominator2!, 3);
    for (const c of second.slice(0, 2)) ids.push((await nominate(db.prisma, scopes.nominator2!, { postId, ...c }, ON_TIME)).id);
    expect(ids).toHaveLength(5);
    // The papers every stage requires are in (issue 15; the rule itself: required-documents.test.ts).
    for (const id of ids) await attachDocuments(db.prisma, id, REQUIRABLE_KINDS, scopes.staff!.user.id);
    await expect(nominate(db.prisma, scopes.nominator2!, { postId, ...(second[2] ?? second[0]!) }, LATE)).rejects.toMatchObject({
      code: "deadlinePassed",
      message: "registrationClosed",
      details: { closesAt: "2013-11-11T04:00:00.000Z" },
    });
    const progress = await quotaProgress(db.prisma, scopes.staff!, programId, ON_TIME);
    expect(progress.filter((r) => r.postId === postId).every((r) => r.nominated >= 0)).toBe(true);
  });

  it("vets through the stages with the ratio caps", async () => {
    await decide(db.prisma, scopes.staff!, { applicationIds: ids, stage: "PRELIMINARY_REVIEW", outcome: "PASS", reason: "资格初审通过（含单位说明的例外）" }, VETTING);
    await decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 4), stage: "PHYSICAL_EXAM", outcome: "PASS" }, VETTING);
    await decide(db.prisma, scopes.staff!, { applicationIds: [ids[4]!], stage: "PHYSICAL_EXAM", outcome: "FAIL", reason: "体检不合格" }, VETTING);
    // 1:3 of headcount 1: four passed the exam, only three may be shortlisted.
    await expect(decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 4), stage: "INSPECTION_SHORTLIST", outcome: "PASS" }, VETTING)).rejects.toMatchObject({ message: "capExceeded" });
    await decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 3), stage: "INSPECTION_SHORTLIST", outcome: "PASS" }, VETTING);
    await rankShortlist(db.prisma, scopes.staff!, { postId, applicationIds: [ids[2]!, ids[0]!, ids[1]!] });
    await decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 3), stage: "INSPECTION", outcome: "PASS" }, VETTING);
    await expect(decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 3), stage: "REPORT_LIST", outcome: "PASS" }, VETTING)).rejects.toMatchObject({ message: "capExceeded" });
    await decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 2), stage: "REPORT_LIST", outcome: "PASS" }, VETTING);
    await expect(decide(db.prisma, scopes.staff!, { applicationIds: ids.slice(0, 2), stage: "APPROVAL", outcome: "PASS" }, VETTING)).rejects.toMatchObject({ message: "capExceeded" });
    await decide(db.prisma, scopes.staff!, { applicationIds: [ids[0]!], stage: "APPROVAL", outcome: "PASS" }, VETTING);

    const board = await vettingBoard(db.prisma, scopes.staff!, programId);
    const post = board.posts.find((p) => p.id === postId)!;
    expect(post.approved).toBe(1);
    expect(post.stages.INSPECTION_SHORTLIST).toMatchObject({ cap: 3, passed: 3, shortfall: 0 });
    expect(post.stages.REPORT_LIST).toMatchObject({ cap: 2, passed: 2 });
    expect(post.ended.PHYSICAL_EXAM).toBe(1);

    const detail = await getApplication(db.prisma, scopes.doctor!.user.doctorId ? scopes.staff! : scopes.staff!, ids[0]!);
    expect(detail.decisions.map((d) => [d.stage, d.outcome])).toEqual([
      ["REGISTRATION", "PASS"],
      ["PRELIMINARY_REVIEW", "PASS"],
      ["PHYSICAL_EXAM", "PASS"],
      ["INSPECTION_SHORTLIST", "PASS"],
      ["INSPECTION", "PASS"],
      ["REPORT_LIST", "PASS"],
      ["APPROVAL", "PASS"],
    ]);
    expect(detail.status).toBe("APPROVED");
    const notes = await db.prisma.notification.count({ where: { link: `/applications/${ids[0]}` } });
    expect(notes).toBeGreaterThan(5);
  });

  it("reopens registration for a unit, and a withdrawal frees nothing twice", async () => {
    const zj = await db.prisma.organization.findFirstOrThrow({ where: { name: "诸暨市人民医院" } });
    await reopenStage(db.prisma, scopes.staff!, { programId, stage: "REGISTRATION", organizationId: zj.id, closesAt: "2013-11-12 18:00", reason: "系统故障延误" }, LATE);
    const [late] = (await candidatesOf(scopes.nominator2!, 3)).slice(2);
    if (late) expect((await nominate(db.prisma, scopes.nominator2!, { postId, ...late }, LATE)).status).toBe("IN_PROGRESS");
    await withdraw(db.prisma, scopes.nominator!, { applicationId: ids[1]!, reason: "本人家庭原因" }, VETTING);
    await expect(withdraw(db.prisma, scopes.nominator!, { applicationId: ids[1]!, reason: "again" }, VETTING)).rejects.toMatchObject({ message: "notWithdrawable" });
  });
});
