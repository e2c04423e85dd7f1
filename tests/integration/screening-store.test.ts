// The screening store (issue 17) against real PostgreSQL and the demo seed (whose seeding judges the
// registry): a doctor's edit rewrites his verdicts in its own transaction; a rule change enqueues a
// job whose run rewrites the post's verdicts; two workers (two clients, as two app instances) share
// one job's chunks, each chunk done once; the page's read answers from the store.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma";
import { saveRule } from "@/lib/server/eligibility-rules";
import { judgeDoctorForPost, screenPost } from "@/lib/server/eligibility";
import { updateDoctor } from "@/lib/server/doctor-mutations";
import { buildScope } from "@/lib/server/organization-tree";
import { enqueueScreening, recomputeDoctors, runScreeningJobs, type ChunkDone } from "@/lib/server/screening-store";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
let vpPost: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const username of ["admin", "staff", "nominator"]) {
    scopes[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  }
  vpPost = (await db.prisma.post.findFirstOrThrow({ where: { title: "副院长", rotationBatch: 1, program: { name: "绍兴市第八批援疆医生选派" } } })).id;
});

afterAll(async () => {
  await db?.drop();
});

const stored = (postId: string, doctorId: string) => db.prisma.screeningVerdict.findUniqueOrThrow({ where: { postId_doctorId: { postId, doctorId } } });

async function editOf(id: string, changes: Record<string, unknown>) {
  const d = await db.prisma.doctor.findUniqueOrThrow({ where: { id }, include: { titles: true, grassrootsServices: true } });
  const ymd = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : "");
  return {
    id, version: d.version, name: d.name, sex: d.sex, ethnicity: d.ethnicity, birthDate: ymd(d.birthDate), idNumber: d.idNumber, education: d.education, degree: d.degree ?? "", major: d.major ?? "",
    employerId: d.employerId, department: d.department, specialty: d.specialty, practisingCategory: d.practisingCategory ?? "", positionRank: d.positionRank,
    positionTitle: d.positionTitle ?? "", hireDate: ymd(d.hireDate), phone: d.phone ?? "",
    titles: d.titles.map((x) => ({ level: x.level, name: x.name, specialty: x.specialty, obtainedOn: ymd(x.obtainedOn) })),
    grassrootsServices: d.grassrootsServices.map((g) => ({ organizationName: g.organizationName, startDate: ymd(g.startDate), endDate: ymd(g.endDate), isFullTime: g.isFullTime })),
    ...changes,
  };
}

describe("the seed", () => {
  it("judges every post × doctor, and the page reads exactly those rows", async () => {
    const [posts, doctors] = await Promise.all([db.prisma.post.count(), db.prisma.doctor.count()]);
    expect(await db.prisma.screeningVerdict.count()).toBe(posts * doctors);
    expect(await db.prisma.screeningJob.count({ where: { status: { not: "DONE" } } })).toBe(0);
    const result = await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "all" });
    expect(result.freshness.job).toBeNull();
    expect(result.freshness.computedAt).toBeInstanceOf(Date);
    for (const row of result.page.rows) {
      const fresh = await judgeDoctorForPost(db.prisma, vpPost, row.doctorId);
      expect({ verdict: row.verdict, reasons: row.reasons, isStale: row.isStale }).toEqual({ verdict: fresh.verdict, reasons: fresh.reasons, isStale: false });
    }
  });

  it("the page (and the API, which returns the same use case) answers from the store: a verdict written there is what it shows", async () => {
    const row = (await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "INELIGIBLE" })).page.rows[0]!;
    const key = { postId_doctorId: { postId: vpPost, doctorId: row.doctorId } };
    const original = await db.prisma.screeningVerdict.findUniqueOrThrow({ where: key });
    await db.prisma.screeningVerdict.update({ where: key, data: { verdict: "UNKNOWN", reasons: [[{ key: "category.unknown", values: {} }]] } });
    try {
      const page = await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "UNKNOWN", q: row.name });
      expect(page.page.rows.find((r) => r.doctorId === row.doctorId)).toMatchObject({ verdict: "UNKNOWN", reasons: [[{ key: "category.unknown" }]] });
      expect(page.freshness.job).toBeNull();
    } finally {
      await db.prisma.screeningVerdict.update({ where: key, data: { verdict: original.verdict, reasons: original.reasons ?? [] } });
    }
  });
});

describe("one doctor's facts change", () => {
  it("rewrites his verdicts for every open post in the edit's own transaction, and a rollback leaves them", async () => {
    const eligible = (await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "ELIGIBLE" })).page.rows[0]!;
    const before = await stored(vpPost, eligible.doctorId);

    // Rolled back: the edit and his verdicts go together.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.titleRecord.deleteMany({ where: { doctorId: eligible.doctorId } });
        await tx.doctor.update({ where: { id: eligible.doctorId }, data: { version: { increment: 1 } } });
        await recomputeDoctors(tx, [eligible.doctorId]);
        const inside = await tx.screeningVerdict.findUniqueOrThrow({ where: { postId_doctorId: { postId: vpPost, doctorId: eligible.doctorId } } });
        expect(inside.verdict).not.toBe("ELIGIBLE");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await stored(vpPost, eligible.doctorId)).toEqual(before);

    // Committed through the use case: no job, the verdict is the fresh one at once.
    await updateDoctor(db.prisma, scopes.staff!, await editOf(eligible.doctorId, { titles: [] }));
    const after = await stored(vpPost, eligible.doctorId);
    const fresh = await judgeDoctorForPost(db.prisma, vpPost, eligible.doctorId);
    expect(after.verdict).not.toBe("ELIGIBLE");
    expect({ verdict: after.verdict, reasons: after.reasons }).toEqual({ verdict: fresh.verdict, reasons: fresh.reasons });
    expect(after.doctorVersion).toBe(before.doctorVersion + 1);
    expect(await db.prisma.screeningJob.count({ where: { status: { not: "DONE" } } })).toBe(0);
    const openPosts = await db.prisma.post.count({ where: { program: { status: { not: "CLOSED" } } } });
    expect(await db.prisma.screeningVerdict.count({ where: { doctorId: eligible.doctorId, computedAt: { gte: after.computedAt } } })).toBe(openPosts);
  });
});

describe("a rule changes", () => {
  it("enqueues the post's job; the page marks the rows stale and shows progress; the run rewrites the verdicts", async () => {
    const rule = await db.prisma.eligibilityRule.findFirstOrThrow({ where: { postId: vpPost } });
    const program = await db.prisma.post.findUniqueOrThrow({ where: { id: vpPost }, select: { programId: true } });
    const before = await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "all" });
    await saveRule(db.prisma, scopes.admin!, { id: rule.id, programId: program.programId, postId: vpPost, name: rule.name, version: rule.version, tree: { op: "NOT", child: rule.tree } });

    const job = await db.prisma.screeningJob.findUniqueOrThrow({ where: { postId: vpPost } });
    expect(job).toMatchObject({ status: "PENDING", cursor: null, done: 0, reason: "rule" });
    const pending = await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "all" });
    expect(pending.freshness.job).toMatchObject({ status: "PENDING" });
    expect(pending.freshness.computedAt).toEqual(before.freshness.computedAt); // the verdicts shown are still those of the last full run
    expect(pending.page.rows.every((r) => r.isStale)).toBe(true);
    expect(pending.counts).toEqual(before.counts); // still the earlier verdicts, until the job runs

    expect(await runScreeningJobs(db.prisma, { chunkSize: 50 })).toBeGreaterThan(0);
    const done = await screenPost(db.prisma, scopes.admin!, { postId: vpPost, verdict: "all" });
    expect(done.freshness.job).toBeNull();
    expect(done.page.rows.every((r) => !r.isStale)).toBe(true);
    expect(done.counts).not.toEqual(before.counts);
    // Every stored verdict of the post is now the one judged fresh by the new rule.
    const rows = await db.prisma.screeningVerdict.findMany({ where: { postId: vpPost }, select: { doctorId: true, verdict: true, reasons: true } });
    expect(rows).toHaveLength(await db.prisma.doctor.count());
    for (const row of rows) {
      const fresh = await judgeDoctorForPost(db.prisma, vpPost, row.doctorId);
      expect({ doctorId: row.doctorId, verdict: row.verdict, reasons: row.reasons }).toEqual({ doctorId: row.doctorId, verdict: fresh.verdict, reasons: fresh.reasons });
    }
  });
});

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("two app instances", () => {
  it("share one job's chunks: each chunk is judged once, by one of them", async () => {
    const second: PrismaClient = createPrismaClient(db.url, { maxConnections: 2 });
    try {
      const doctors = await db.prisma.doctor.count();
      const chunkSize = Math.ceil(doctors / 8);
      await enqueueScreening(db.prisma, [vpPost], "test");
      const seen: Record<"a" | "b", ChunkDone[]> = { a: [], b: [] };
      // Whichever worker finishes a chunk first waits for the other's first chunk: the two must interleave.
      const firstOf = { a: signal(), b: signal() };
      const worker = (name: "a" | "b", client: PrismaClient) =>
        runScreeningJobs(client, {
          chunkSize,
          pollMs: 5,
          onChunk: async (chunk) => {
            seen[name].push(chunk);
            if (seen[name].length === 1) {
              firstOf[name].resolve();
              await firstOf[name === "a" ? "b" : "a"].promise;
            }
          },
        });
      await Promise.all([worker("a", db.prisma), worker("b", second)]);
      const chunks = [...seen.a, ...seen.b];
      expect(seen.a.length).toBeGreaterThan(0);
      expect(seen.b.length).toBeGreaterThan(0);
      expect(new Set(chunks.map((c) => c.after)).size).toBe(chunks.length);
      expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(doctors);
      expect(chunks.filter((c) => c.isLast)).toHaveLength(1);
      expect(await db.prisma.screeningJob.findUniqueOrThrow({ where: { postId: vpPost } })).toMatchObject({ status: "DONE", done: doctors, total: doctors });
    } finally {
      await second.$disconnect();
    }
  });
});

describe("the tabs' counts and any page of the list", () => {
  /** The counts the verdicts' triggers keep, beside the verdicts grouped afresh. */
  async function expectCountsKept() {
    const kept = await db.prisma.$queryRaw<{ key: string; n: number }[]>`
      SELECT "postId" || ' ' || "employerId" || ' ' || verdict AS key, n FROM "ScreeningVerdictCount" WHERE n <> 0 ORDER BY 1`;
    const fresh = await db.prisma.$queryRaw<{ key: string; n: number }[]>`
      SELECT "postId" || ' ' || "employerId" || ' ' || verdict AS key, count(*)::int AS n FROM "ScreeningVerdict" GROUP BY 1 ORDER BY 1`;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(fresh);
  }

  it("are kept per post and employer through every write: seed, rule-change rewrites, a doctor moving employer, a post's verdicts deleted and judged again", async () => {
    await expectCountsKept(); // after the seed and the rewrites of the tests above
    const nominatorDoctor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: scopes.nominator!.user.organizationId } });
    const elsewhere = await db.prisma.organization.findFirstOrThrow({ where: { kind: "HOSPITAL", id: { not: nominatorDoctor.employerId }, doctors: { some: {} } } });
    await updateDoctor(db.prisma, scopes.admin!, await editOf(nominatorDoctor.id, { employerId: elsewhere.id }));
    expect((await stored(vpPost, nominatorDoctor.id)).employerId).toBe(elsewhere.id);
    await expectCountsKept();
    await db.prisma.screeningVerdict.deleteMany({ where: { postId: vpPost } });
    expect(await db.prisma.screeningVerdictCount.aggregate({ where: { postId: vpPost }, _sum: { n: true } })).toEqual({ _sum: { n: 0 } });
    await enqueueScreening(db.prisma, [vpPost], "test");
    await runScreeningJobs(db.prisma);
    await expectCountsKept();
  });

  it("the page's counts are those of the verdicts under the scope and filters, kept or counted", async () => {
    const unit = scopes.nominator!.user.organizationId;
    const cases: [string, Record<string, unknown>][] = [["admin", {}], ["nominator", {}], ["admin", { unitId: unit }], ["nominator", { unitId: unit }], ["admin", { q: "王" }], ["staff", { verdict: "INELIGIBLE" }]];
    for (const [username, filters] of cases) {
      const { counts } = await screenPost(db.prisma, scopes[username]!, { postId: vpPost, ...filters });
      const { screeningVerdictWhere } = await import("@/lib/auth/policy");
      const where = { postId: vpPost, AND: [screeningVerdictWhere(scopes[username]!), ...(filters.unitId ? [{ employerId: unit }] : []), ...(filters.q ? [{ doctorName: { contains: String(filters.q) } }] : [])] };
      const expected = { ELIGIBLE: 0, INELIGIBLE: 0, UNKNOWN: 0, total: 0 };
      for (const g of await db.prisma.screeningVerdict.groupBy({ by: ["verdict"], where, _count: { _all: true } })) {
        expected[g.verdict] = g._count._all;
        expected.total += g._count._all;
      }
      expect(counts, `${username} ${JSON.stringify(filters)}`).toEqual(expected);
    }
    expect((await screenPost(db.prisma, scopes.nominator!, { postId: vpPost })).counts.total).toBeLessThan((await screenPost(db.prisma, scopes.admin!, { postId: vpPost })).counts.total);
  });

  it("every page, jumped to directly, holds the next rows in (name, id) order, and past the last none", async () => {
    // Enough doctors for several pages of the smallest size (names that sort among the seed's), judged as an import does.
    const employerId = scopes.nominator!.user.organizationId;
    await db.prisma.doctor.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        name: `${["王", "李", "张"][i % 3]}测试${String(i).padStart(2, "0")}`, sex: "MALE" as const, ethnicity: "汉族", birthDate: new Date("1980-01-01"), idType: "PASSPORT" as const,
        idNumber: `P-PAGING-${i}`, education: "BACHELOR" as const, employerId, department: "眼科", specialty: "眼科",
      })),
    });
    const added = await db.prisma.doctor.findMany({ where: { idNumber: { startsWith: "P-PAGING-" } }, select: { id: true } });
    await db.prisma.$transaction((tx) => recomputeDoctors(tx, added.map((d) => d.id)));
    const order = [{ doctorName: "asc" as const }, { doctorId: "asc" as const }];
    for (const [username, verdict] of [["admin", "all"], ["admin", "INELIGIBLE"], ["nominator", "all"]] as const) {
      const { screeningVerdictWhere } = await import("@/lib/auth/policy");
      const all = await db.prisma.screeningVerdict.findMany({
        where: { postId: vpPost, AND: [screeningVerdictWhere(scopes[username]!), ...(verdict === "all" ? [] : [{ verdict }])] },
        orderBy: order,
        select: { doctorId: true },
      });
      const size = 20;
      const first = await screenPost(db.prisma, scopes[username]!, { postId: vpPost, verdict, size });
      expect(first.page.pageCount).toBe(Math.max(1, Math.ceil(all.length / size)));
      if (verdict === "all") expect(first.page.pageCount, "several pages to jump between").toBeGreaterThan(1);
      for (const page of [first.page.pageCount, 2, first.page.pageCount - 1, 1].filter((p) => p >= 1 && p <= first.page.pageCount)) {
        const { page: got } = await screenPost(db.prisma, scopes[username]!, { postId: vpPost, verdict, size, page });
        expect(got.rows.map((r) => r.doctorId), `${username} ${verdict} page ${page}`).toEqual(all.slice((page - 1) * size, page * size).map((r) => r.doctorId));
      }
      expect((await screenPost(db.prisma, scopes[username]!, { postId: vpPost, verdict, size, page: first.page.pageCount + 1 })).page.rows).toEqual([]);
    }
  });
});
