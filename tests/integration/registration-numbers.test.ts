// Registration numbers (报名编号, issue 15) against real PostgreSQL: handed out by the programme's
// counter in the transaction that creates the application, so applications created at the same
// moment get distinct, consecutive numbers; the demo round's are 2013-援疆-001… in creation order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { nominate } from "@/lib/server/applications";
import { buildScope } from "@/lib/server/organization-tree";
import { loadDemoRound, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let nominator: Scope;
let programId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await loadDemoRound(db.prisma);
  programId = (await db.prisma.program.findFirstOrThrow({ where: { name: "绍兴市第八批援疆医生选派" } })).id;
  nominator = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username: "nominator" } }));
});

afterAll(async () => {
  await db?.drop();
});

const numbersOf = async () =>
  (await db.prisma.application.findMany({ where: { post: { programId } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { registrationNo: true } })).map((a) => a.registrationNo);

describe("registration numbers", () => {
  it("the demo round's applications are numbered in creation order, and the counter stands at the last", async () => {
    const numbers = await numbersOf();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual(numbers.map((_, i) => `2013-援疆-${String(i + 1).padStart(3, "0")}`));
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).lastRegistrationSeq).toBe(numbers.length);
  });

  it("applications created at the same moment get distinct, consecutive numbers", async () => {
    const before = (await numbersOf()).length;
    const posts = await db.prisma.post.findMany({ where: { programId, rotationBatch: 1 }, select: { id: true }, orderBy: { title: "asc" } });
    const doctors = await db.prisma.doctor.findMany({
      where: { employerId: nominator.user.organizationId, applications: { none: { post: { programId } } } },
      select: { id: true },
      orderBy: { name: "asc" },
      take: 6,
    });
    expect(doctors.length).toBe(6);
    const during = new Date("2013-11-09T02:00:00Z"); // registration open (8–11 Nov, Beijing)
    const results = await Promise.allSettled(
      doctors.map((d, i) => nominate(db.prisma, nominator, { postId: posts[i % posts.length]!.id, doctorId: d.id, exceptionReason: "并发编号测试：单位说明的例外推荐" }, during)),
    );
    const created = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused).toEqual([]);
    const mine = created.map((a) => a.registrationNo).sort();
    expect(mine).toEqual(Array.from({ length: 6 }, (_, i) => `2013-援疆-${String(before + i + 1).padStart(3, "0")}`));
    expect(new Set(await numbersOf()).size).toBe(before + 6);
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).lastRegistrationSeq).toBe(before + 6);
  });

  it("a refused creation hands out no number", async () => {
    const seq = (await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).lastRegistrationSeq;
    const post = await db.prisma.post.findFirstOrThrow({ where: { programId }, select: { id: true } });
    const doctor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: nominator.user.organizationId }, select: { id: true } });
    // registration closed long since
    await expect(nominate(db.prisma, nominator, { postId: post.id, doctorId: doctor.id }, new Date("2014-06-01T00:00:00Z"))).rejects.toBeTruthy();
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: programId } })).lastRegistrationSeq).toBe(seq);
  });

  it("the database refuses a number twice in one programme, and allows it in another (its programme kept from the post)", async () => {
    const [first, second] = await db.prisma.application.findMany({ where: { post: { programId } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 2, select: { id: true, registrationNo: true, programId: true } });
    expect(first!.programId).toBe(programId);
    expect(second!.programId).toBe(programId);
    // Setting the scene as a faulty writer would: the second application given the first one's number.
    await expect(db.prisma.application.update({ where: { id: second!.id }, data: { registrationNo: first!.registrationNo } })).rejects.toMatchObject({ code: "P2002" });
    // The programme cannot be written past the trigger: it follows the post.
    const other = await db.prisma.program.findFirstOrThrow({ where: { id: { not: programId } }, select: { id: true } });
    await db.prisma.application.update({ where: { id: second!.id }, data: { programId: other.id } });
    expect((await db.prisma.application.findUniqueOrThrow({ where: { id: second!.id } })).programId).toBe(programId);
  });
});
